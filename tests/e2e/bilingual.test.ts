import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addBoard, createWorkshop, inviteLink, setProfile, useTransports } from './workshop-steps';

const env = useHubAndBrowser();

const TITLE_KM = 'ការរំពឹងទុក';
const PROMPT_EN = 'What do you expect from this partnership?';
const PROMPT_KM = 'តើអ្នករំពឹងអ្វីពីភាពជាដៃគូនេះ?';

/** Every policy violation a page of the context reports (the printable tab too). */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
`;
const violations = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('a board in English and Khmer', () => {
  it('shows each person their language, the facilitator both, and exports both side by side with the Khmer font', () =>
    withContext(env.browser, { ...LAPTOP, acceptDownloads: true }, async (laptopContext, laptopErrors) => {
      await useTransports(laptopContext, { relay: true, peers: false });
      await laptopContext.addInitScript(RECORD_VIOLATIONS);
      const laptop = await laptopContext.newPage();
      await setProfile(laptop, env.hub.url, 'Dara', 'Development Partners');
      await createWorkshop(laptop, env.hub.url, 'Health TWG', 'Expectations');
      await laptop.getByRole('button', { name: 'Rename board' }).click();
      await laptop.getByLabel('Question in English').fill(PROMPT_EN);
      await laptop.getByLabel('Board title in Khmer').fill(TITLE_KM);
      await laptop.getByLabel('Question in Khmer').fill(PROMPT_KM);
      await laptop.getByRole('button', { name: 'Save' }).click();
      // The facilitator sees both: English first, the Khmer smaller under it.
      await laptop.getByRole('heading', { name: 'Expectations' }).waitFor();
      await expect(laptop.getByTestId('board-title-other').textContent()).resolves.toBe(TITLE_KM);
      await expect(laptop.getByTestId('board-prompt-other').textContent()).resolves.toBe(PROMPT_KM);
      await laptop.getByText(PROMPT_EN).waitFor();
      await screenshot(laptop, 'bilingual-board-laptop');

      await withContext(env.browser, { ...PHONE, locale: 'km-KH' }, async (phoneContext, phoneErrors) => {
        await useTransports(phoneContext, { relay: true, peers: false });
        const phone = await phoneContext.newPage();
        await phone.goto(await inviteLink(laptop));
        await phone.getByLabel('ឈ្មោះរបស់អ្នក').fill('សុខា');
        await phone.getByLabel('ក្រុមអ្នកពាក់ព័ន្ធរបស់អ្នក').fill('រដ្ឋាភិបាល');
        await phone.getByRole('button', { name: 'ចូលរួមសិក្ខាសាលា' }).click();
        await phone.getByRole('link', { name: new RegExp(TITLE_KM) }).click();
        await phone.getByRole('heading', { name: TITLE_KM }).waitFor();
        await phone.getByText(PROMPT_KM).waitFor();
        // A participant sees only their language.
        expect(await phone.getByText('Expectations').count()).toBe(0);
        expect(await phone.getByText(PROMPT_EN).count()).toBe(0);
        await screenshot(phone, 'bilingual-board-phone-km', true);
        expect(phoneErrors).toEqual([]);
      });

      await laptop.getByRole('button', { name: 'Export' }).click();
      await laptop.getByRole('dialog').waitFor();
      await laptop.getByLabel('Both, side by side').check();
      await screenshot(laptop, 'bilingual-export-laptop');
      const [summary] = await Promise.all([laptopContext.waitForEvent('page'), laptop.getByRole('button', { name: 'Open printable page' }).click()]);
      await summary.waitForLoadState();
      const body = await summary.locator('body').innerText();
      expect(body).toContain(`Expectations · ${TITLE_KM}`);
      expect(body).toContain(PROMPT_EN);
      expect(body).toContain(PROMPT_KM);
      expect(body).toContain('Agenda · របៀបវារៈ');
      // The embedded face is the one the Khmer heading is set in, and it loaded from its data: URL.
      const fonts = await summary.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].map((f) => `${f.family.replace(/"/g, '')}: ${f.status}`);
      });
      expect(fonts).toEqual(['Noto Sans Khmer: loaded']);
      const headingFont = await summary.getByRole('heading', { name: `Expectations · ${TITLE_KM}` })
        .evaluate((h) => getComputedStyle(h).fontFamily);
      expect(headingFont).toMatch(/^"?Noto Sans Khmer"?,/);
      expect(await violations(summary)).toEqual([]);
      await screenshot(summary, 'bilingual-summary-print', true);
      await summary.close();

      const [markdown] = await Promise.all([laptop.waitForEvent('download'), laptop.getByRole('button', { name: 'Download Markdown' }).click()]);
      const md = readFileSync((await markdown.path())!, 'utf8');
      expect(md).toContain(`Expectations · ${TITLE_KM}`);
      expect(md).toContain(PROMPT_KM);
      expect(await violations(laptop)).toEqual([]);
      expect(laptopErrors).toEqual([]);
    }));
});

describe('stakeholders from a spreadsheet, in the browser', () => {
  it('reads a chosen CSV file (byte-order mark, semicolons, a Khmer name) and adds its stakeholders once confirmed', () =>
    withContext(env.browser, LAPTOP, async (context, errors) => {
      const page = await context.newPage();
      await createWorkshop(page, env.hub.url, 'Health TWG', 'Expectations');
      await addBoard(page, 'Who has a stake', 'Stakeholder map');
      const csv = '\uFEFFName;Sector;Engagement level\nមន្ទីរសុខាភិបាលខេត្ត;Government;Active partner\nUNICEF;International agency;Advisory\n';
      await page.getByLabel('Import from a spreadsheet (CSV)').setInputFiles({ name: 'stakeholders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      const preview = page.getByRole('dialog', { name: 'Import stakeholders' });
      await preview.waitFor();
      await screenshot(page, 'stakeholder-import-preview-laptop');
      // Nothing is written before the preview is confirmed.
      expect(await page.getByText('មន្ទីរសុខាភិបាលខេត្ត').count()).toBe(0);
      await preview.getByRole('button', { name: 'Add them' }).click();
      await page.getByText('មន្ទីរសុខាភិបាលខេត្ត').first().waitFor();
      await page.getByText('UNICEF').first().waitFor();
      expect(errors).toEqual([]);
    }));
});
