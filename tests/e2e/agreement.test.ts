import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useHubAndBrowser } from './harness';
import { withRoom } from './workshop-steps';

const env = useHubAndBrowser();
const downloads = mkdtempSync(join(tmpdir(), 'cg-agreement-'));

const RULE = 'ការសម្រេចចិត្តដោយការឯកភាព: decisions by consensus';
const RED_LINE = 'No budget support outside the national treasury system';
const DECISIONS = 'The steering committee decides by consensus each quarter';

const section = (page: Page, name: string) => page.getByTestId('agreement-section').filter({ has: page.getByRole('heading', { name, exact: true }) });
const answer = (page: Page, name: string, label: string) => section(page, name).getByRole('button', { name: label, exact: true });
const waitForStatus = (page: Page, name: string, status: string) =>
  section(page, name).getByTestId('status').getByText(status, { exact: true }).waitFor();

/** A phone goes back to the list of boards and opens another; the laptop has the list beside it. */
async function openBoard(page: Page, title: string, phone = true) {
  if (phone) await page.getByRole('link', { name: '← Boards' }).click();
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path);
}

const RISKS = 'Risks, assumptions and red lines';
const AGREEMENT = 'Partnership agreement';

describe('the partnership agreement, a facilitator on a laptop and two groups on phones', () => {
  it('from the "Partnership scoping" template: assembles what the room adopted, is accepted section by section, and exports', () =>
    withRoom(env.browser, env.hub.url, { template: 'Partnership scoping', board: 'Ground rules' },
      async ({ facilitator: dara, sokha, vanna, errors }) => {
        // A ground rule every group present adopts.
        await dara.getByLabel('Propose a ground rule').fill(RULE);
        await dara.getByRole('button', { name: 'Propose', exact: true }).click();
        for (const page of [dara, sokha, vanna]) {
          await page.getByTestId('proposal').filter({ hasText: RULE }).getByRole('button', { name: 'Agree', exact: true }).click();
        }
        await dara.getByTestId('proposal').filter({ hasText: RULE }).getByTestId('status').getByText('Adopted', { exact: true }).waitFor();

        // A red line sealed on a phone and revealed by the facilitator.
        await openBoard(dara, RISKS, false);
        await openBoard(sokha, RISKS);
        await sokha.getByLabel('Red line', { exact: true }).fill(RED_LINE);
        await sokha.getByRole('button', { name: 'Seal red line' }).click();
        await dara.getByTestId('sealed-red-line').getByText(RED_LINE).waitFor();

        await openBoard(dara, AGREEMENT, false);
        await openBoard(sokha, AGREEMENT);
        await openBoard(vanna, AGREEMENT);
        for (const page of [dara, sokha, vanna]) await section(page, 'Code of conduct: ground rules and principles').getByText(RULE).waitFor();
        // Sealed, the red line is in nobody's agreement; revealed, it shows in the risks section live.
        expect(await section(vanna, 'Risks and red lines').getByText('No red lines revealed yet.').count()).toBe(1);
        await openBoard(dara, RISKS, false);
        await dara.getByRole('button', { name: 'Reveal 1 red line' }).click();
        await section(vanna, 'Risks and red lines').getByText(RED_LINE).waitFor();
        await section(sokha, 'Risks and red lines').locator('li strong', { hasText: 'Government' }).waitFor();
        await openBoard(dara, AGREEMENT, false);

        // The facilitator writes the room's decision-making rules; the phones see them as typed.
        await section(dara, 'Decision-making and meetings').getByLabel(/How does the partnership take decisions/).fill(DECISIONS);
        await expect.poll(() => section(sokha, 'Decision-making and meetings').getByLabel(/How does the partnership take decisions/).inputValue())
          .toBe(DECISIONS);

        // Roles: accepted by every group present. Decisions: waiting for the Government.
        await section(sokha, 'Roles and responsibilities').getByText('You answer for Government.').waitFor();
        for (const page of [dara, sokha, vanna]) await answer(page, 'Roles and responsibilities', 'Agree').click();
        for (const page of [dara, sokha, vanna]) await waitForStatus(page, 'Roles and responsibilities', 'Adopted');
        await answer(dara, 'Decision-making and meetings', 'Agree').click();
        await answer(vanna, 'Decision-making and meetings', 'Agree').click();
        for (const page of [dara, sokha, vanna]) await waitForStatus(page, 'Decision-making and meetings', 'Waiting for Government');

        // An objection is sent only with its reason.
        await answer(vanna, 'Risks and red lines', 'Object').click();
        const risks = section(vanna, 'Risks and red lines');
        await risks.getByRole('button', { name: 'Save reason' }).click();
        await risks.getByText('Say why: a reason is needed with reservations or an objection.').waitFor();
        await risks.getByLabel(/^Why\? \(needed/).fill('The hiring red line is missing');
        await risks.getByRole('button', { name: 'Save reason' }).click();
        await waitForStatus(dara, 'Risks and red lines', 'Needs discussion');
        await section(dara, 'Risks and red lines').getByText(/The hiring red line is missing/).waitFor();

        await screenshot(sokha, 'agreement-phone', true);
        await section(vanna, 'Risks and red lines').scrollIntoViewIfNeeded();
        await screenshot(vanna, 'agreement-phone-risks');
        await screenshot(dara, 'agreement-laptop', true);

        const markdown = (await download(dara, 'Markdown')).toString('utf8');
        expect(markdown).toContain('# Partnership agreement');
        expect(markdown).toContain('Waiting for Government');
        expect(markdown).toContain(RED_LINE);
        expect(markdown).toContain('| Civil society |  |  |  |');
        const docx = unzipSync(new Uint8Array(await download(dara, 'Download Word (.docx)')));
        const xml = strFromU8(docx['word/document.xml']!);
        for (const text of ['Code of conduct: ground rules and principles', 'Signature', DECISIONS, 'ការសម្រេចចិត្តដោយការឯកភាព']) expect(xml).toContain(text);
        expect(errors.flat()).toEqual([]);
      }));
});
