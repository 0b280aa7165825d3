import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE, watchErrors } from './harness';
import type { Transports } from '../../src/app/sync-config';

/** What people do in the app, as steps the browser tests share. */
export async function createWorkshop(page: Page, appUrl: string, title = 'Health TWG strategic meeting', board = 'Expectations') {
  await page.goto(appUrl);
  await page.getByLabel('New workshop title').fill(title);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByLabel('New board title').fill(board);
  await page.getByRole('button', { name: 'Add board' }).click();
  await page.getByRole('heading', { name: board }).waitFor();
}

export async function addNote(page: Page, text: string) {
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
}

/** Adds a note to a SWOT quadrant ('Strengths', …) as the device's layout offers it: a laptop's
 *  grid has a field in each quadrant; a phone has one composer, whose chips choose the quadrant. */
export async function addSwotNote(page: Page, quadrant: string, text: string) {
  if ((page.viewportSize()?.width ?? 0) >= 900) {
    await page.getByLabel(`New note in ${quadrant}`).fill(text);
    await page.getByRole('region', { name: quadrant, exact: true }).getByRole('button', { name: 'Add note' }).click();
    return;
  }
  await page.getByRole('radio', { name: quadrant, exact: true }).check();
  await addNote(page, text);
}

export const noteTexts = async (page: Page) => (await page.getByTestId('note').locator('p').allTextContents()).sort();

/** The facilitator's join link, read from the invite dialog. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await page.getByTestId('invite-link').textContent();
  await page.getByRole('button', { name: 'Done' }).click();
  if (!link) throw new Error('no invite link');
  return link;
}

/** A facilitator's device on another computer than the hub's registers the open workshop with
 *  the hub's pairing code, in the invite dialog; resolves with what the app answered. */
export async function pairWithHub(page: Page, code: string): Promise<string> {
  if (!(await page.getByTestId('pairing').isVisible())) await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const pairing = page.getByTestId('pairing');
  if ((await pairing.getAttribute('open')) === null) await pairing.locator('summary').click();
  await pairing.getByLabel('Pairing code').fill(code);
  await pairing.getByRole('button', { name: 'Register', exact: true }).click();
  const outcome = pairing.getByTestId('pairing-outcome');
  // The form clears its last answer when it sends, and shows the new one once the hub answered.
  await page.waitForFunction(() => document.querySelector('[data-testid="pairing-outcome"]')
    && !document.querySelector<HTMLButtonElement>('[data-testid="pairing"] button[type="submit"]')?.disabled);
  return (await outcome.textContent()) ?? '';
}

/** A facilitator's laptop that is not the hub's computer brings the workshop to the hub with the
 *  code the hub printed, as a second facilitator laptop does (the hub refuses it otherwise). */
export async function registerWithHub(page: Page, code: string): Promise<void> {
  const outcome = await pairWithHub(page, code);
  if (!outcome.startsWith('Registered')) throw new Error(`the hub did not take the workshop: ${outcome}`);
  await page.getByRole('button', { name: 'Done' }).click();
}

/** A participant opens the link, gives name and group, and lands on the first board. */
export async function join(page: Page, link: string, name: string, group: string, board = 'Expectations') {
  const seen: string[] = [];
  const note = (line: string) => { seen.push(line); };
  const onConsole = (m: { type(): string; text(): string }) => note(`console.${m.type()}: ${m.text()}`);
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) => note(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  page.on('console', onConsole);
  page.on('requestfailed', onFailed);
  try {
    await page.goto(link);
    await page.getByLabel('Your name').fill(name);
  } catch (e) {
    // A join form that never shows is rare and unexplained (CI, peer tests): say what the page showed.
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 600)).catch((x: unknown) => String(x));
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nat ${page.url()}, the page showed: ${shown}\n${seen.join('\n')}`);
  } finally {
    page.off('console', onConsole);
    page.off('requestfailed', onFailed);
  }
  await page.getByLabel('Your stakeholder group').fill(group);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  // An agenda step on the board links to it as well as the list of boards: either opens it.
  await page.getByRole('link', { name: new RegExp(board) }).first().click();
  await page.getByRole('heading', { name: board }).waitFor();
}

/** Which transports a device starts with (the Connection menu's setting, kept in localStorage). */
export async function useTransports(context: BrowserContext, transports: Transports): Promise<void> {
  await context.addInitScript((t) => {
    // Init scripts also run in about:blank, which has no storage to set.
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    if (!localStorage.getItem('cg.transports')) localStorage.setItem('cg.transports', JSON.stringify(t));
  }, transports);
}

/** Changes this device's transports the way a person does: in the Connection menu. */
export async function switchTransports(page: Page, transports: Transports) {
  await page.getByText('Connection', { exact: true }).click();
  const relay = page.getByLabel('Sync through the hub');
  const peers = page.getByLabel('Sync peer-to-peer');
  await relay.setChecked(transports.relay);
  await peers.setChecked(transports.peers);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reconnect' }).click()]);
}

export async function waitForNotes(page: Page, expected: string[], timeout = 30_000) {
  const want = [...expected].sort();
  await page.waitForFunction((w) => {
    const got = [...document.querySelectorAll('[data-testid="note"] p')].map((p) => p.textContent ?? '').sort();
    return JSON.stringify(got) === JSON.stringify(w);
  }, want, { timeout });
}

const PHRASES = { english: 'shared indicators for district outcomes ', khmer: 'សូចនាកររួមសម្រាប់លទ្ធផលស្រុក ' };

/** Notes long enough that `count` of them make a workshop of several hundred KB: 240 characters
 *  in English, or the 500 a note may hold in Khmer (three bytes each in UTF-8, about 1.5 KB a note). */
export const bulkTexts = (count: number, language: keyof typeof PHRASES = 'english') => {
  const length = language === 'english' ? 240 : 500;
  return Array.from({ length: count }, (_, i) =>
    [...`Idea ${i}: ${PHRASES[language].repeat(Math.ceil(length / PHRASES[language].length))}`].slice(0, length).join('').trim());
};

/** Types and submits many notes through the composer, faster than a person but the same way. */
export async function addNotesQuickly(page: Page, texts: string[]) {
  await page.evaluate((batch) => {
    const input = document.querySelector('form.composer textarea') as HTMLTextAreaElement;
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add note')!;
    for (const text of batch) {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      button.click();
    }
  }, texts);
  await waitForNoteCount(page, texts.length);
}

/** Looks each of `texts` up with the board's find box, as a person on a long board does (it
 *  draws only what is on screen), and waits for its card; clears the box after. */
export async function findNotes(page: Page, texts: string[]) {
  const box = page.getByLabel('Find on this board');
  for (const text of texts) {
    await box.fill(text);
    await page.getByTestId('note').locator('p').getByText(text, { exact: true }).first().waitFor();
  }
  await box.fill('');
}

/** Waits until the board holds `n` notes: a long list draws only what is on screen, so a windowed
 *  list is counted by the size it announces (`aria-setsize`), the rest card by card. */
export async function waitForNoteCount(page: Page, n: number, timeout = 60_000) {
  await page.waitForFunction((want) => {
    const windowed = [...document.querySelectorAll('ul[data-windowed]')]
      .reduce((sum, list) => sum + Number(list.querySelector(':scope > li')?.getAttribute('aria-setsize') ?? 0), 0);
    const loose = [...document.querySelectorAll('[data-testid="note"]')].filter((note) => !note.closest('ul[data-windowed]')).length;
    return windowed + loose === want;
  }, n, { timeout });
}

/** The facilitator adds a board of a kind ('Notes', 'SWOT grid', …) and opens it. */
export async function addBoard(page: Page, title: string, kind: string) {
  await page.getByLabel('New board title').fill(title);
  await page.getByLabel('Kind of board').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add board' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

export async function setProfile(page: Page, appUrl: string, name: string, group: string) {
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'My profile' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your stakeholder group').fill(group);
  await page.getByRole('button', { name: 'Save profile' }).click();
  // Saving is a write to IndexedDB: navigating away before it ends would lose it.
  await page.getByText('Profile saved.').waitFor();
}

/** Dara, a facilitator of the Development Partners on a laptop, makes a workshop with one board
 *  of `kind`; Sokha, of the Government, joins on a phone through the invite link. Both sync
 *  through the hub only, and both end up on the board. */
export async function facilitatorAndPhone(
  laptopContext: BrowserContext, phoneContext: BrowserContext, appUrl: string,
  setup: { workshop: string; board: string; kind: string },
) {
  for (const c of [laptopContext, phoneContext]) await useTransports(c, { relay: true, peers: false });
  const laptop = await laptopContext.newPage();
  await setProfile(laptop, appUrl, 'Dara', 'Development Partners');
  await createWorkshop(laptop, appUrl, setup.workshop);
  await addBoard(laptop, setup.board, setup.kind);
  const phone = await phoneContext.newPage();
  await join(phone, await inviteLink(laptop), 'Sokha', 'Government', setup.board);
  return { laptop, phone };
}

export interface Room {
  contexts: BrowserContext[];
  /** Dara, the facilitator, on a laptop. */
  facilitator: Page;
  /** Sokha (Government) and Vanna (Civil society), participants on phones. */
  sokha: Page;
  vanna: Page;
  /** Uncaught page errors of each context, in the order above. */
  errors: string[][];
}

/** The facilitator starts a workshop from a built-in template ('Partnership scoping', …), which
 *  takes the template's name, and opens one of its boards. */
export async function createFromTemplate(page: Page, appUrl: string, template: string, board: string) {
  await page.goto(appUrl);
  await page.getByRole('button', { name: new RegExp(`^${template}`) }).click();
  await page.getByRole('heading', { name: template, level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(board) }).click();
  await page.getByRole('heading', { name: board, exact: true }).waitFor();
}

/** How the facilitator's workshop starts: one board of `kind` added by hand, or a built-in
 *  template of which `board` is opened. */
export type RoomSetup = { workshop: string; board: string; kind: string } | { template: string; board: string };

/** Opens a device on `browser`: a browser context of its own, syncing through the hub (relay on,
 *  peers off), its errors watched; `prepare` runs on the context before its page opens. */
export type OpenDevice = (device: object, prepare?: (context: BrowserContext) => Promise<void>) => Promise<Page>;

/** Runs `use` with a way to open devices, the errors each one's page raised (in the order they
 *  were opened) and their contexts; every context is closed after `use`, whatever happens. */
export async function withDevices<T>(
  browser: Browser, use: (open: OpenDevice, errors: string[][], contexts: BrowserContext[]) => Promise<T>,
): Promise<T> {
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];
  const open: OpenDevice = async (device, prepare) => {
    const context = await browser.newContext(device);
    contexts.push(context);
    errors.push(watchErrors(context));
    await useTransports(context, { relay: true, peers: false });
    await prepare?.(context);
    return context.newPage();
  };
  try {
    return await use(open, errors, contexts);
  } finally {
    for (const context of contexts) await context.close();
  }
}

/** A facilitator and two participants of different groups, each in a browser context of their
 *  own, syncing through the hub: Dara makes the workshop (`setup`), the two join by the invite
 *  link and land on its board. `prepare` runs on each context before its page opens (a clock
 *  skew, for instance). Every context is closed after `use`, whatever happens. */
export async function withRoom<T>(
  browser: Browser, appUrl: string, setup: RoomSetup,
  use: (room: Room) => Promise<T>,
  prepare: (context: BrowserContext, who: 'facilitator' | 'sokha' | 'vanna') => Promise<void> = async () => {},
): Promise<T> {
  return withDevices(browser, async (open, errors, contexts) => {
    const dara = await open(LAPTOP, (context) => prepare(context, 'facilitator'));
    await setProfile(dara, appUrl, 'Dara', 'Development Partners');
    if ('template' in setup) await createFromTemplate(dara, appUrl, setup.template, setup.board);
    else {
      await createWorkshop(dara, appUrl, setup.workshop);
      await addBoard(dara, setup.board, setup.kind);
    }
    const link = await inviteLink(dara);
    const sokha = await open(PHONE, (context) => prepare(context, 'sokha'));
    await join(sokha, link, 'Sokha', 'Government', setup.board);
    const vanna = await open(PHONE, (context) => prepare(context, 'vanna'));
    await join(vanna, link, 'Vanna', 'Civil society', setup.board);
    return use({ contexts, facilitator: dara, sokha, vanna, errors });
  });
}

/** Four participants on phones, two per group. */
export const FOUR_PHONES = [
  { name: 'Sokha', group: 'Government' },
  { name: 'Chan', group: 'Government' },
  { name: 'Vanna', group: 'Development Partners' },
  { name: 'Bopha', group: 'Development Partners' },
] as const;
export type PhoneName = (typeof FOUR_PHONES)[number]['name'];

export interface RoomOfPhones { dara: Page; phones: Record<PhoneName, Page>; errors: string[][] }

/** Dara creates a workshop without ever having opened *My profile* (the workshop asks her name
 *  in place: `atNameAsk` runs while it asks), adds a board of `kind` when one is given, and the
 *  four phones join through the invite link and land on `board`; all through the hub. Every
 *  context is closed after `use`, whatever happens. */
export async function withRoomOfPhones(
  browser: Browser, appUrl: string,
  setup: { workshop: string; board: string; kind?: string; atNameAsk?: (dara: Page) => Promise<void> },
  use: (room: RoomOfPhones) => Promise<void>,
) {
  return withDevices(browser, async (open, errors) => {
    const dara = await open(LAPTOP);
    await createWorkshop(dara, appUrl, setup.workshop, setup.kind ? 'Expectations' : setup.board);
    await setup.atNameAsk?.(dara);
    await dara.getByLabel('Your name').fill('Dara');
    await dara.getByRole('button', { name: 'Development Partners' }).click();
    await dara.getByRole('button', { name: 'Save my name' }).click();
    await dara.getByRole('heading', { name: 'What should the room call you?' }).waitFor({ state: 'detached' });
    if (setup.kind) await addBoard(dara, setup.board, setup.kind);
    const link = await inviteLink(dara);
    const phones = {} as RoomOfPhones['phones'];
    for (const p of FOUR_PHONES) {
      phones[p.name] = await open(PHONE);
      await join(phones[p.name], link, p.name, p.group, setup.board);
    }
    await use({ dara, phones, errors });
  });
}
