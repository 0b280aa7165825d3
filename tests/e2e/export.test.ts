import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addBoard, addSwotNote, createWorkshop, inviteLink, join as joinWorkshop, setProfile, useTransports } from './workshop-steps';

const env = useHubAndBrowser();
const downloads = mkdtempSync(join(tmpdir(), 'cg-downloads-'));

const INJECTION = '<img src=x onerror="window.pwned=1"> [click](javascript:alert(1))';

async function addTo(page: Page, quadrant: string, label: string, text: string) {
  await addSwotNote(page, label, text);
  await page.getByTestId(`quadrant-${quadrant}`).getByText(text, { exact: true }).waitFor();
}

/** Opens the export dialog from the workshop's header (on a phone, from the list of boards). */
async function openExport(page: Page) {
  const back = page.getByRole('link', { name: '← Boards' });
  if (await back.isVisible()) await back.click();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog').waitFor();
}

/** Saves what a click downloads, and returns its path and suggested name. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function importFile(page: Page, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a backup file' }).click()]);
  await chooser.setFiles(path);
}

describe('summary, backup and import', () => {
  it('a phone saves a backup; a new device imports it with every board; its offline edits merge back into the laptop', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, (phoneContext) =>
      withContext(env.browser, PHONE, async (freshContext, freshErrors) => {
        for (const c of [laptopContext, phoneContext]) await useTransports(c, { relay: true, peers: false });
        const laptop = await laptopContext.newPage();
        await createWorkshop(laptop, env.hub.url, 'Health TWG retreat', 'Expectations');
        await addBoard(laptop, 'Health SWOT', 'SWOT grid');
        await addBoard(laptop, 'Who has a stake', 'Stakeholder map');
        await addBoard(laptop, 'Our ground rules', 'Ground rules');
        const link = await inviteLink(laptop);
        const phone = await phoneContext.newPage();
        await joinWorkshop(phone, link, 'Sokha', 'Government', 'Health SWOT');
        await addTo(phone, 'strengths', 'Strengths', 'District teams know their data');
        await addTo(phone, 'threats', 'Threats', INJECTION);

        await openExport(phone);
        const backup = await download(phone, 'Save backup file');
        expect(backup.name).toMatch(/^Health-TWG-retreat-\d{4}-\d{2}-\d{2}\.common-ground\.json$/);
        await phone.getByRole('button', { name: 'Close' }).click();

        // A device that never saw the workshop, with no network to the room: the file is all it has.
        const fresh = await freshContext.newPage();
        await fresh.goto(env.hub.url);
        await importFile(fresh, backup.path);
        await fresh.getByText('Imported “Health TWG retreat”.').waitFor();
        for (const board of ['Expectations', 'Health SWOT', 'Who has a stake', 'Our ground rules']) {
          await fresh.getByRole('link', { name: new RegExp(board) }).waitFor();
        }
        await fresh.getByRole('link', { name: /Health SWOT/ }).click();
        await fresh.getByTestId('quadrant-threats').getByText(INJECTION, { exact: true }).waitFor();
        await addTo(fresh, 'opportunities', 'Opportunities', 'Written offline on the new phone');
        await openExport(fresh);
        const offline = await download(fresh, 'Save backup file');

        // The laptop imports it: merged, nothing of either side lost.
        await laptop.goto(env.hub.url);
        await importFile(laptop, offline.path);
        await laptop.getByText('Merged the backup into “Health TWG retreat”: 1 note added. Nothing was lost.').waitFor();
        await laptop.getByRole('link', { name: /Health SWOT/ }).click();
        await laptop.getByTestId('quadrant-opportunities').getByText('Written offline on the new phone').waitFor();
        await laptop.getByTestId('quadrant-strengths').getByText('District teams know their data').waitFor();
        // And the room has it too, through the hub.
        await phone.getByRole('link', { name: /Health SWOT/ }).click();
        await phone.getByTestId('quadrant-opportunities').getByText('Written offline on the new phone').waitFor();

        // A broken file is refused with its reason, and changes nothing.
        const broken = join(downloads, 'broken.json');
        const text = readFileSync(offline.path, 'utf8');
        await import('node:fs').then((fs) => fs.writeFileSync(broken, text.slice(0, text.length / 2)));
        await fresh.goto(env.hub.url);
        await importFile(fresh, broken);
        await fresh.getByText('This backup file is incomplete').waitFor();
        expect(freshErrors).toEqual([]);
      }))));

  it('the facilitator opens a printable summary without names, and a Markdown one with them; no note runs script', () =>
    withContext(env.browser, LAPTOP, async (context, errors) => {
      await useTransports(context, { relay: true, peers: false });
      const laptop = await context.newPage();
      await setProfile(laptop, env.hub.url, 'Dara', 'Development Partners');
      await createWorkshop(laptop, env.hub.url, 'Annual review', 'Expectations');
      await addBoard(laptop, 'Sector SWOT', 'SWOT grid');
      await addTo(laptop, 'weaknesses', 'Weaknesses', INJECTION);
      await addTo(laptop, 'strengths', 'Strengths', 'Joint annual review works');

      await openExport(laptop);
      await laptop.getByRole('checkbox', { name: 'Expectations' }).uncheck();
      const [summary] = await Promise.all([context.waitForEvent('page'), laptop.getByRole('button', { name: 'Open printable page' }).click()]);
      await summary.waitForLoadState();
      const body = await summary.locator('body').innerText();
      expect(body).toContain('Annual review');
      expect(body).toContain('Joint annual review works');
      expect(body).toContain(INJECTION);
      expect(body).toContain('Development Partners');
      expect(body).not.toContain('Dara');
      expect(await summary.getByRole('heading', { name: 'Expectations' }).count()).toBe(0);
      expect(await summary.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await summary.emulateMedia({ media: 'print' });
      await screenshot(summary, 'laptop-11-summary-print', true);
      await summary.close();

      await laptop.getByRole('checkbox', { name: /Show participants’ names/ }).check();
      const markdown = await download(laptop, 'Download Markdown');
      const md = readFileSync(markdown.path, 'utf8');
      expect(md).toContain('Dara');
      expect(md).not.toContain('<img');
      expect(md).not.toContain('](javascript');
      const csv = readFileSync((await download(laptop, 'Download CSV (notes and stakeholders)')).path, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain('Joint annual review works');
      await screenshot(laptop, 'laptop-11-export');
      expect(errors).toEqual([]);
    }));

  it('fits the export dialog on a phone', () =>
    withContext(env.browser, PHONE, async (context) => {
      const phone = await context.newPage();
      await createWorkshop(phone, env.hub.url, 'Phone export', 'Expectations');
      await openExport(phone);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(phone, 'phone-11-export');
    }));
});
