import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addNote, createWorkshop, inviteLink } from './workshop-steps';

const env = useHubAndBrowser();

/* Words on screen that stay in Latin letters in Khmer too: the app's name, key names, and
 * "English" in the language picker. Anything else in Latin letters is a message left
 * untranslated. */
const LATIN_ALLOWED = ['Common Ground', 'Ctrl+Enter', 'Escape', 'English'];

async function latinLeftOnScreen(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const stripped = LATIN_ALLOWED.reduce((rest, allowed) => rest.split(allowed).join(' '), text);
  return stripped.match(/[A-Za-z]{2,}[A-Za-z ]*/g) ?? [];
}

/** Buttons and labels whose text overflows their box: clipped Khmer loses its vowels. Labels only
 *  for screen readers (the phone's composer) are clipped on purpose. */
const clipped = (page: Page) => page.evaluate(() => [...document.querySelectorAll('button, label, a, h1, h2')]
  .filter((el) => el.checkVisibility() && !el.classList.contains('visually-hidden') && getComputedStyle(el).overflow !== 'visible'
    && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1))
  .map((el) => el.textContent?.trim() ?? ''));

describe('the interface in Khmer', () => {
  it('joins and works on a board entirely in Khmer on a phone, guessed from the browser', async () => {
    const link = await withContext(env.browser, LAPTOP, async (context) => {
      const page = await context.newPage();
      await createWorkshop(page, env.hub.url, 'កិច្ចប្រជុំក្រុមការងារបច្ចេកទេស', 'ការរំពឹងទុក');
      return inviteLink(page);
    });
    await withContext(env.browser, { ...PHONE, locale: 'km-KH' }, async (context, errors) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('button', { name: 'ចូលរួមសិក្ខាសាលា' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('km');
      await screenshot(page, 'km-join-phone', true);
      expect(await latinLeftOnScreen(page)).toEqual([]);
      await page.getByLabel('ឈ្មោះរបស់អ្នក').fill('សុខា');
      await page.getByLabel('ក្រុមអ្នកពាក់ព័ន្ធរបស់អ្នក').fill('រដ្ឋាភិបាល');
      await page.getByRole('button', { name: 'ចូលរួមសិក្ខាសាលា' }).click();
      await page.getByRole('link', { name: /ការរំពឹងទុក/ }).click();
      await page.getByRole('heading', { name: 'ការរំពឹងទុក' }).waitFor();
      await page.getByLabel('កំណត់ចំណាំរបស់អ្នក').fill('តួនាទីច្បាស់លាស់');
      await page.getByRole('button', { name: 'បន្ថែមកំណត់ចំណាំ' }).click();
      await page.getByTestId('note').getByText('តួនាទីច្បាស់លាស់').waitFor();
      await screenshot(page, 'km-board-phone', true);
      expect(await latinLeftOnScreen(page)).toEqual([]);
      expect(await clipped(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('keeps the language a person chose on the device, over the browser’s', () =>
    withContext(env.browser, { ...PHONE, locale: 'en-US' }, async (context, errors) => {
      const page = await context.newPage();
      await page.goto(`${env.hub.url}#/profile`);
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      await page.getByLabel('ខ្មែរ').check();
      await page.getByRole('heading', { name: 'ព័ត៌មានរបស់ខ្ញុំ' }).waitFor();
      await screenshot(page, 'km-profile-phone', true);
      await page.reload();
      await page.getByRole('heading', { name: 'ព័ត៌មានរបស់ខ្ញុំ' }).waitFor();
      await page.getByLabel('English').check();
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      expect(errors).toEqual([]);
    }));
});

describe('exports in the language chosen at export', () => {
  it('downloads the summary as Word in Khmer from an English interface, loading Word only then', () =>
    withContext(env.browser, { ...LAPTOP, acceptDownloads: true }, async (context, errors) => {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
      await createWorkshop(page, env.hub.url, 'Health TWG', 'Expectations');
      await addNote(page, 'តួនាទីច្បាស់លាស់');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('dialog').waitFor();
      expect(scripts.filter((url) => /docx/.test(url))).toEqual([]);
      await page.getByLabel('ខ្មែរ').check();
      const [file] = await Promise.all([
        page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word (.docx)' }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/\.docx$/);
      const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await file.path())!)))['word/document.xml']!);
      expect(xml).toContain('Health TWG៖ សេចក្តីសង្ខេប');
      expect(xml).toContain('តួនាទីច្បាស់លាស់');
      expect(xml).toContain('w:cs="Khmer UI"');
      expect(errors).toEqual([]);
    }));
});
