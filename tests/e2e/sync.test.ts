import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE, launch, screenshot, startTestHub, watchErrors } from './harness';
import {
  addNote, addNotesQuickly, bulkTexts, createWorkshop, findNotes, inviteLink, join, noteTexts, switchTransports, useTransports,
  waitForNoteCount, waitForNotes,
} from './workshop-steps';

/* Devices on loopback sync through the hub's relay only: WebRTC here could only use this
 * machine's own network address, so peer-to-peer runs in network namespaces (peers.test.ts). */
const RELAY_ONLY = { relay: true, peers: false };

let browser: Browser;
let lanBrowser: Browser;
let hub: Awaited<ReturnType<typeof startTestHub>>;
const data = mkdtempSync(joinPath(tmpdir(), 'cg-sync-'));

beforeAll(async () => {
  hub = await startTestHub({ data });
  browser = await launch();
  lanBrowser = await launch(['--host-resolver-rules=MAP lan.test 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  await lanBrowser?.close();
  await hub?.stop();
});

const contexts: BrowserContext[] = [];
async function device(kind: object = PHONE, from = browser): Promise<{ page: Page; errors: string[] }> {
  const context = await from.newContext(kind);
  contexts.push(context);
  await useTransports(context, RELAY_ONLY);
  const errors = watchErrors(context);
  return { page: await context.newPage(), errors };
}
/** The hub's copy of the biggest workshop, in bytes. */
const largestFile = (dir: string) => Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .map((f) => statSync(joinPath(dir, f))).filter((s) => s.isFile()).map((s) => s.size));

async function closeAll() {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
}

describe('co-editing through the hub', () => {
  it('three participants editing at once converge, and see who is here', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url);
    const link = await inviteLink(facilitator.page);
    // The secret travels in the fragment only: browsers never send it to a server.
    expect(new URL(link).search).toBe('');
    expect(new URL(link).hash).toMatch(/^#\/join\?.*s=[0-9a-z]+/);
    const sokha = await device();
    const anna = await device();
    await join(sokha.page, link, 'Sokha', 'Government');
    await join(anna.page, link, 'Anna', 'Development Partners');

    const all: string[] = [];
    await Promise.all([facilitator, sokha, anna].map(async ({ page }, i) => {
      for (let n = 0; n < 3; n++) {
        const text = `note ${n} from device ${i}`;
        all.push(text);
        await addNote(page, text);
      }
    }));
    for (const { page } of [facilitator, sokha, anna]) await waitForNotes(page, all);
    expect(await noteTexts(sokha.page)).toEqual(await noteTexts(facilitator.page));

    await sokha.page.getByText(/\d+ here/).click();
    await sokha.page.getByTestId('people').getByText('Anna · Development Partners').waitFor();
    await expect(sokha.page.getByTestId('sync-state').getAttribute('data-hub')).resolves.toBe('connected');
    for (const d of [facilitator, sokha, anna]) expect(d.errors, d.errors.join('\n')).toEqual([]);
    await closeAll();
  });

  it('a participant cut off by the hub stopping keeps editing; on reconnect everyone has the union', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url, 'Cut-off workshop');
    const link = await inviteLink(facilitator.page);
    const phone = await device();
    await join(phone.page, link, 'Dara', 'Civil society');
    await addNote(facilitator.page, 'Before the cut');
    await waitForNotes(phone.page, ['Before the cut']);

    await hub.stop();
    try {
      await phone.page.getByTestId('sync-state').and(phone.page.locator('[data-hub="off"]')).waitFor();
      await addNote(phone.page, 'Written on the phone while cut off');
      await addNote(facilitator.page, 'Written on the laptop meanwhile');
      await phone.page.getByTestId('pending').waitFor();
      await phone.page.getByTestId('not-shared').waitFor();
      // Only the note written here, never one that merely arrived or is older.
      expect(await phone.page.getByTestId('not-shared').count()).toBe(1);
    } finally {
      await hub.restart();
    }
    const union = ['Before the cut', 'Written on the phone while cut off', 'Written on the laptop meanwhile'];
    await waitForNotes(phone.page, union, 60_000);
    await waitForNotes(facilitator.page, union, 60_000);
    await phone.page.getByTestId('not-shared').waitFor({ state: 'detached' });
    await phone.page.getByTestId('pending').waitFor({ state: 'detached' });
    await closeAll();
  });

  it('a phone joining after everyone left gets everything from the hub\'s copy', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url, 'Left early');
    const link = await inviteLink(facilitator.page);
    await addNote(facilitator.page, 'Kept by the hub');
    await facilitator.page.getByTestId('pending').waitFor({ state: 'detached' });
    await closeAll();
    const late = await device();
    await join(late.page, link, 'Late', 'Academia');
    await waitForNotes(late.page, ['Kept by the hub']);
    await closeAll();
  });

  it('a device holding an older copy merges with the room when it joins again: nothing is lost', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url, 'Older copy');
    const link = await inviteLink(facilitator.page);
    await addNote(facilitator.page, 'Seen by both');
    const phone = await device();
    await join(phone.page, link, 'Vanna', 'Business');
    await waitForNotes(phone.page, ['Seen by both']);

    await switchTransports(phone.page, { relay: false, peers: false });
    await phone.page.getByRole('heading', { name: 'Expectations' }).waitFor();
    await addNote(phone.page, 'Written offline on the phone');
    await addNote(facilitator.page, 'Added in the room meanwhile');
    await waitForNotes(phone.page, ['Seen by both', 'Written offline on the phone']);

    await switchTransports(phone.page, RELAY_ONLY);
    await phone.page.goto(link);
    await phone.page.getByRole('button', { name: 'Join the workshop' }).click();
    await phone.page.getByRole('link', { name: /Expectations/ }).click();
    const all = ['Seen by both', 'Written offline on the phone', 'Added in the room meanwhile'];
    await waitForNotes(phone.page, all);
    await waitForNotes(facilitator.page, all);
    await closeAll();
  });

  it('a newcomer receives a workshop whose state is over 300 KB', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url, 'Big workshop');
    const texts = bulkTexts(1400);
    await addNotesQuickly(facilitator.page, texts);
    const link = await inviteLink(facilitator.page);
    await facilitator.page.getByTestId('pending').waitFor({ state: 'detached', timeout: 60_000 });
    expect(largestFile(data)).toBeGreaterThan(300 * 1024);
    const phone = await device();
    await join(phone.page, link, 'Newcomer', 'Community');
    await waitForNoteCount(phone.page, texts.length);
    // Every note counted above; the first, a middle one and the last read in full.
    await findNotes(phone.page, [texts[0]!, texts[texts.length >> 1]!, texts.at(-1)!]);
    await closeAll();
  });

  it('a phone whose link holds another secret is told it is not invited, and receives nothing', async () => {
    const facilitator = await device(LAPTOP);
    await createWorkshop(facilitator.page, hub.url, 'Closed workshop');
    await addNote(facilitator.page, 'Only for the invited');
    const link = await inviteLink(facilitator.page);
    const forged = link.replace(/([?&]s=)[0-9a-z]+/, `$1${'x'.repeat(32)}`);
    expect(forged).not.toBe(link);
    const stranger = await device();
    await stranger.page.goto(forged);
    await stranger.page.getByLabel('Your name').fill('Stranger');
    await stranger.page.getByLabel('Your stakeholder group').fill('Nobody');
    await stranger.page.getByRole('button', { name: 'Join the workshop' }).click();
    await expect.poll(() => stranger.page.getByTestId('sync-refused').textContent(), { timeout: 15_000 })
      .toContain('This device is not invited to this workshop');
    expect(await stranger.page.getByText('Only for the invited').count()).toBe(0);
    await screenshot(stranger.page, 'sync-not-invited-phone');
    await closeAll();
  });

  it('works on a plain-http LAN address (not a secure context) and says so in one line', async () => {
    const lanUrl = hub.url.replace('127.0.0.1', 'lan.test');
    const facilitator = await device(LAPTOP, lanBrowser);
    await createWorkshop(facilitator.page, lanUrl, 'LAN workshop');
    await facilitator.page.getByTestId('insecure').waitFor();
    const link = await inviteLink(facilitator.page);
    expect(link.startsWith('http://lan.test:')).toBe(true);
    const phone = await device(PHONE, lanBrowser);
    await join(phone.page, link, 'Kosal', 'Government');
    await addNote(phone.page, 'From a phone on plain http');
    await waitForNotes(facilitator.page, ['From a phone on plain http']);
    expect(await phone.page.evaluate(() => window.isSecureContext)).toBe(false);
    for (const d of [facilitator, phone]) expect(d.errors, d.errors.join('\n')).toEqual([]);
    await closeAll();
  });
});
