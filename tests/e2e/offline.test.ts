import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE, buildVariant, launch, startTestHub, withContext as withDevice } from './harness';
import { addNote, createWorkshop, noteTexts } from './workshop-steps';

const V2 = 'update-test-v2';
let browser: Browser;
let v2Dir: string;

beforeAll(async () => {
  // The same code with another build id: a new deployment whose bundle (and so sw.js) differs.
  v2Dir = buildVariant({ CG_BUILD_ID: V2 });
  browser = await launch(['--host-resolver-rules=MAP lan.test 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  rmSync(v2Dir, { recursive: true, force: true });
});

const withContext = <T>(device: object, use: (context: BrowserContext, errors: string[]) => Promise<T>) =>
  withDevice(browser, device, use);

/** The service worker has cached the whole app and controls the page. */
const offlineCopy = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

async function buildId(page: Page, appUrl: string): Promise<string> {
  await page.goto(`${appUrl}#/settings`);
  return (await page.getByTestId('build-id').textContent()) ?? '';
}

/** A mark in the page's memory: gone after any reload, so its presence proves there was none. */
const mark = (page: Page) => page.evaluate(() => { (window as unknown as { mark: boolean }).mark = true; });
const marked = (page: Page) => page.evaluate(() => (window as unknown as { mark?: boolean }).mark === true);

async function openBoard(page: Page, workshop: string, board: string) {
  await page.getByRole('link', { name: new RegExp(workshop) }).click();
  await page.getByRole('link', { name: new RegExp(board) }).click();
  await page.getByRole('heading', { name: board }).waitFor();
}

describe('installable and offline', () => {
  it('after one visit, opens and works with the hub stopped: home, workshop, new workshop, notes', () =>
    withContext(PHONE, async (context, errors) => {
      const hub = await startTestHub();
      try {
        const page = await context.newPage();
        await createWorkshop(page, hub.url, 'Offline workshop', 'Expectations');
        await addNote(page, 'Written online');
        await page.getByText('Written online').waitFor();
        await offlineCopy(page);
        await page.goto(`${hub.url}#/settings`);
        await page.getByTestId('offline-status').getByText(/^\s*Ready:/).waitFor();
        await expect(page.getByTestId('storage-used').textContent()).resolves.toMatch(/\d.*B/);

        // The server itself goes away: the service worker's own requests fail too.
        await hub.stop();
        await expect(page.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'unreachable'))).resolves.toBe('unreachable');
        await page.goto(hub.url);
        await openBoard(page, 'Offline workshop', 'Expectations');
        expect(await noteTexts(page)).toEqual(['Written online']);

        await createWorkshop(page, hub.url, 'Made offline', 'Ground rules');
        await addNote(page, 'Written offline');
        await page.getByText('Written offline').waitFor();
        await page.reload();
        await page.getByText('Written offline').waitFor();
        await page.goto(hub.url);
        await page.getByRole('link', { name: /Offline workshop/ }).waitFor();
        await page.getByRole('link', { name: /Made offline/ }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await hub.stop();
      }
    }));

  it('offers a new version without reloading anyone, runs the old one offline until then, and keeps the data', () =>
    withContext(LAPTOP, async (context, errors) => {
      const hub = await startTestHub();
      try {
        const page = await context.newPage();
        await createWorkshop(page, hub.url, 'Before the update', 'Expectations');
        await addNote(page, 'Kept across versions');
        await page.getByText('Kept across versions').waitFor();
        const boardUrl = page.url();
        await offlineCopy(page);
        const v1 = await buildId(page, hub.url);
        expect(v1).not.toContain(V2);

        // A second tab, in the middle of writing a note.
        const writer = await context.newPage();
        await writer.goto(boardUrl);
        await writer.getByLabel('Your note').fill('Half-written idea');

        await hub.stop();
        await hub.restart(v2Dir);
        await mark(page);
        await mark(writer);
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
        await page.getByTestId('update-bar').getByText('A new version of Common Ground is ready.').waitFor();
        await writer.getByTestId('update-bar').getByText('Finish what you are writing first').waitFor();
        expect([await marked(page), await marked(writer)]).toEqual([true, true]);

        // Until the person accepts, the old version is the one that opens, with no network.
        await hub.stop();
        await page.reload();
        await expect(buildId(page, hub.url)).resolves.toBe(v1);
        await page.getByTestId('update-bar').waitFor();

        await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
        await expect(page.getByTestId('build-id').textContent()).resolves.toContain(V2);
        await page.getByTestId('update-bar').waitFor({ state: 'detached' });
        await page.goto(hub.url);
        await openBoard(page, 'Before the update', 'Expectations');
        expect(await noteTexts(page)).toEqual(['Kept across versions']);

        // The other tab now runs under the new service worker but was not reloaded: the draft is
        // still there, and so is its prompt.
        expect(await marked(writer)).toBe(true);
        await expect(writer.getByLabel('Your note').inputValue()).resolves.toBe('Half-written idea');
        await writer.getByTestId('update-bar').waitFor();
        await Promise.all([writer.waitForEvent('load'), writer.getByRole('button', { name: 'Reload' }).click()]);
        await expect(buildId(writer, hub.url)).resolves.toContain(V2);
        expect(errors).toEqual([]);
      } finally {
        await hub.stop();
      }
    }));

  it('on plain http from the room\'s network: no service worker, the app works, settings say why it cannot work offline', () =>
    withContext(PHONE, async (context, errors) => {
      const hub = await startTestHub();
      try {
        const lanUrl = hub.url.replace('127.0.0.1', 'lan.test');
        const page = await context.newPage();
        await createWorkshop(page, lanUrl, 'Over the LAN', 'Expectations');
        expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);
        await addNote(page, 'Plain http note');
        await page.getByText('Plain http note').waitFor();
        await page.reload();
        await page.getByText('Plain http note').waitFor();

        await page.goto(`${lanUrl}#/settings`);
        await page.getByTestId('offline-status').getByText('Not available on this address.').waitFor();
        await page.getByText(/Offline reload and persistent storage need a secure address/).waitFor();
        await page.getByText('This browser does not report its storage on this address.').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await hub.stop();
      }
    }));
});
