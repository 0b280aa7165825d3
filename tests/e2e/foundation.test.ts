import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE, useHubAndBrowser, withContext as withDevice } from './harness';
import { addNote, createWorkshop } from './workshop-steps';

const env = useHubAndBrowser();


const newWorkshop = (page: Page, title?: string, board?: string) => createWorkshop(page, env.hub.url, title, board);
const noteTexts = (page: Page) => page.getByTestId('note').locator('p').allTextContents();

const withContext = <T>(device: object, use: (context: BrowserContext, errors: string[]) => Promise<T>) =>
  withDevice(env.browser, device, use);

describe('foundation, in a real browser', () => {
  it('creates a workshop, adds notes, and finds them all after a reload (phone)', () =>
    withContext(PHONE, async (context, errors) => {
      const page = await context.newPage();
      await newWorkshop(page);
      for (const text of ['Clear roles', 'Shared data', 'Quarterly reviews']) await addNote(page, text);
      await page.getByTestId('note').nth(2).waitFor();
      await page.reload();
      await page.getByTestId('note').nth(2).waitFor();
      expect(await noteTexts(page)).toEqual(['Clear roles', 'Shared data', 'Quarterly reviews']);
      await page.goto(env.hub.url);
      // The list appears once storage is open, which can be after the load event.
      await page.getByRole('list', { name: 'Workshops on this device' }).waitFor();
      await expect(page.getByRole('link', { name: /Health TWG strategic meeting/ }).count()).resolves.toBe(1);
      expect(errors).toEqual([]);
    }));

  it('keeps an edit when the page is killed right after it (no unload handler runs)', () =>
    withContext(LAPTOP, async (context) => {
      const page = await context.newPage();
      await newWorkshop(page);
      await addNote(page, 'First draft');
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Edit note').fill('Final wording agreed by both groups');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Final wording agreed by both groups').waitFor();
      const url = page.url();
      const cdp = await context.newCDPSession(page);
      // A renderer crash: no beforeunload, unload, pagehide or visibilitychange handler runs.
      void cdp.send('Page.crash').catch(() => {});
      await new Promise<void>((done) => page.once('crash', () => done()));
      const reopened = await context.newPage();
      await reopened.goto(url);
      await reopened.getByTestId('note').first().waitFor();
      expect(await noteTexts(reopened)).toEqual(['Final wording agreed by both groups']);
    }));

  it('shows each tab the other tab\'s edits (two tabs of one env.browser)', () =>
    withContext(LAPTOP, async (context) => {
      const a = await context.newPage();
      await newWorkshop(a);
      const b = await context.newPage();
      await b.goto(a.url());
      await b.getByRole('heading', { name: 'Expectations' }).waitFor();
      await addNote(a, 'From tab A');
      await b.getByText('From tab A').waitFor();
      await addNote(b, 'From tab B');
      await a.getByText('From tab B').waitFor();
      await b.getByRole('button', { name: 'Edit' }).first().click();
      await b.getByLabel('Edit note').fill('From tab A, edited in B');
      await b.getByRole('button', { name: 'Save', exact: true }).click();
      await a.getByText('From tab A, edited in B').waitFor();
      expect(await noteTexts(a)).toEqual(await noteTexts(b));
    }));

  it('renames, duplicates as a template with its agenda, deletes with confirmation, and undoes the delete', () =>
    withContext(LAPTOP, async (context) => {
      const page = await context.newPage();
      await newWorkshop(page, 'Scoping workshop');
      await addNote(page, 'Not copied into the template');
      await page.getByLabel('Minutes', { exact: true }).fill('20');
      await page.getByLabel('Step title (optional)').fill('Hopes and fears');
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByRole('region', { name: 'Agenda', exact: true }).getByText('Hopes and fears').waitFor();
      await page.goto(env.hub.url);
      const row = page.getByRole('listitem').filter({ hasText: 'Scoping workshop' });
      await row.getByRole('button', { name: 'Rename' }).click();
      await page.getByLabel('New title for Scoping workshop').fill('Scoping workshop, day 1');
      await page.getByRole('button', { name: 'Save title' }).click();
      await page.getByRole('link', { name: /Scoping workshop, day 1/ }).waitFor();

      await page.getByRole('listitem').filter({ hasText: 'Scoping workshop, day 1' })
        .getByRole('button', { name: 'Duplicate as template' }).click();
      await page.getByRole('link', { name: /Copy of Scoping workshop, day 1/ }).click();
      // The copy's agenda is the same plan, signed by this device as the copy's creator.
      const steps = page.getByRole('region', { name: 'Agenda', exact: true });
      await steps.getByText('Hopes and fears').waitFor();
      await steps.getByText('Expectations · 20 min').waitFor();
      await page.getByRole('button', { name: /^Start step 1/ }).waitFor();
      await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Expectations/ }).click();
      await page.getByText('No notes yet').waitFor();

      await page.goto(env.hub.url);
      const copy = page.getByRole('listitem').filter({ hasText: 'Copy of Scoping workshop' });
      await copy.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await copy.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('link', { name: /Copy of Scoping workshop/ }).waitFor();
    }));

  it('caps notes with a visible counter, refuses empty ones, and strips pasted control characters', () =>
    withContext(PHONE, async (context) => {
      const page = await context.newPage();
      await newWorkshop(page);
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Please write something first.').waitFor();
      await page.getByLabel('Your note').fill('x'.repeat(501));
      await expect(page.locator('form.composer').getByTestId('counter').textContent()).resolves.toBe('501 / 500');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('That is too long (501 > 500 characters).').waitFor();
      await page.getByLabel('Your note').fill('Trust\u0000 and \u202Etransparency\u0007');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByTestId('note').first().waitFor();
      expect(await noteTexts(page)).toEqual(['Trust and transparency']);
    }));

  it('says plainly when the browser offers no storage, instead of a blank screen', () =>
    withContext(PHONE, async (context) => {
      await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await page.getByRole('heading', { name: 'Common Ground cannot store data in this browser' }).waitFor();
    }));

  it('warns when storage is full, keeps the edit in the page, and saves it on retry', () =>
    withContext(LAPTOP, async (context) => {
      // Chromium ignores a DevTools quota override for IndexedDB writes, so the disk is made
      // "full" the way the browser reports it: writes fail with a QuotaExceededError.
      await context.addInitScript(() => {
        const w = window as unknown as { diskFull: boolean };
        w.diskFull = false;
        for (const method of ['add', 'put'] as const) {
          const original = IDBObjectStore.prototype[method];
          IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
            if (w.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return original.apply(this, args);
          };
        }
      });
      const page = await context.newPage();
      await newWorkshop(page);
      await page.evaluate(() => { (window as unknown as { diskFull: boolean }).diskFull = true; });
      await addNote(page, 'Written while the disk was full');
      await page.getByText('This device is out of storage space').waitFor();
      await page.getByText('Written while the disk was full').waitFor();
      await page.evaluate(() => { (window as unknown as { diskFull: boolean }).diskFull = false; });
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByText('This device is out of storage space').waitFor({ state: 'detached' });
      await page.reload();
      await page.getByText('Written while the disk was full').waitFor();
    }));

  /** Presses Tab until the field labelled `label` has focus, as a keyboard user reaches it. */
  async function tabTo(page: Page, label: string, presses = 40) {
    for (let i = 0; i < presses; i++) {
      if (await page.getByLabel(label).evaluate((field) => field === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${presses} presses of Tab never reached "${label}"`);
  }

  it('works with the keyboard alone on a laptop', () =>
    withContext(LAPTOP, async (context) => {
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await page.getByLabel('New workshop title').waitFor();
      await tabTo(page, 'New workshop title');
      await page.keyboard.type('Keyboard workshop');
      await page.keyboard.press('Enter');
      await page.getByLabel('New board title').waitFor();
      await tabTo(page, 'New board title');
      await page.keyboard.type('Ground rules');
      await page.keyboard.press('Enter');
      await page.getByLabel('Your note').waitFor();
      await tabTo(page, 'Your note');
      await page.keyboard.type('Phones on silent');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Phones on silent').waitFor();
      // Tab from the note composer reaches the note's Edit button; Escape cancels an edit.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Edit');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.getByText('Phones on silent').waitFor();
    }));
});
