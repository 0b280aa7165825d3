import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, useHubAndBrowser } from './harness';
import { addBoard, withRoom } from './workshop-steps';

const env = useHubAndBrowser();

const RED_LINE = 'No budget support outside the national treasury system';

const need = (page: Page, title: string) => page.getByTestId('need').filter({ hasText: title });

/** Opens the pledge form on a need and pledges; the partner select starts at the person's own group. */
async function pledge(card: Locator, fields: { what: string; form: 'Cash' | 'In kind'; amount: string; outside?: string }) {
  await card.getByRole('button', { name: /^Pledge against/ }).click();
  const form = card.getByTestId('pledge-form');
  if (fields.outside !== undefined) {
    await form.getByLabel('Who pledges').selectOption({ label: 'A source outside the partnership' });
    await form.getByLabel('Name of the outside source').fill(fields.outside);
  }
  await form.getByLabel('What is pledged').fill(fields.what);
  await form.getByLabel(fields.form, { exact: true }).check();
  await form.getByLabel('Amount').fill(fields.amount);
  await form.getByRole('button', { name: 'Add pledge' }).click();
  await form.waitFor({ state: 'detached' });
}

/** A phone goes back to the list of boards and opens another. */
async function openBoard(page: Page, title: string) {
  await page.getByRole('link', { name: '← Boards' }).click();
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

describe('planning boards, a facilitator on a laptop and two groups on phones', () => {
  it('resources: a need, pledges from both groups and an outside source, the gap view and the grid', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG planning', board: 'Resources', kind: 'Resources and commitments' },
      async ({ facilitator: dara, sokha, vanna, errors }) => {
        const add = dara.getByRole('region', { name: 'Add a need' });
        await add.getByLabel('What is needed').fill('Household survey');
        await add.getByLabel('Category', { exact: true }).selectOption({ label: 'Money' });
        await add.getByLabel('Amount').fill('50000');
        await add.getByLabel('Unit').fill('USD');
        await add.getByRole('button', { name: 'Add need' }).click();

        // Each phone pledges for its own group; the unit comes from the need.
        await pledge(need(sokha, 'Household survey'), { what: 'Enumerators from the statistics institute', form: 'In kind', amount: '5000' });
        await pledge(need(vanna, 'Household survey'), { what: 'Grant from our network', form: 'Cash', amount: '20000' });
        await pledge(need(dara, 'Household survey'), { what: 'Survey grant', form: 'Cash', amount: '10000', outside: 'Global Fund' });

        for (const page of [dara, sokha, vanna]) {
          const card = need(page, 'Household survey');
          await card.getByTestId('need-gap').getByText('Still missing: 15,000 USD').waitFor();
          // Partners first, the outside source last, whoever pledged first.
          await expect.poll(async () => (await card.getByTestId('pledge').locator('.who').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()))
            .toEqual(['Government', 'Civil society', 'Global Fund (outside)']);
        }
        expect(await need(sokha, 'Household survey').getByTestId('need-status').textContent()).toBe('Partly pledged');
        await screenshot(sokha, 'planning-resources-phone', true);

        await dara.getByRole('button', { name: 'Gaps' }).click();
        const money = dara.getByTestId('gaps-by-category').getByRole('row', { name: /Money/ });
        expect(await money.getByRole('cell').allTextContents()).toEqual(['1', '0', '50,000 USD', '35,000 USD', '15,000 USD']);
        const partners = dara.getByTestId('gaps-by-partner').getByRole('rowheader');
        expect(await partners.allTextContents()).toEqual(['Civil society', 'Development Partners', 'Government', 'Global Fund (outside)']);
        expect(await dara.getByTestId('gaps-by-partner').getByRole('row', { name: /^Government/ }).getByRole('cell').allTextContents())
          .toEqual(['1', '—', '5,000 USD']);
        await screenshot(dara, 'planning-gaps-laptop', true);

        await vanna.getByRole('button', { name: 'Grid' }).click();
        const grid = vanna.getByTestId('commitment-grid');
        expect(await grid.getByRole('columnheader').allTextContents())
          .toEqual(['Need', 'Civil society', 'Development Partners', 'Government', 'Global Fund (outside)']);
        await grid.getByText('Enumerators from the statistics institute — 5,000 USD, In kind').waitFor();
        await screenshot(vanna, 'planning-grid-phone', true);
        expect(errors.flat()).toEqual([]);
      }));

  it('risks: estimates on the grid, undo of one\'s own; a red line sealed on one phone, absent from the other, revealed by the facilitator', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG risks', board: 'Resources', kind: 'Resources and commitments' },
      async ({ facilitator: dara, sokha, vanna, errors }) => {
        await addBoard(dara, 'Risk register', 'Risks, assumptions and red lines');
        await openBoard(sokha, 'Risk register');
        await openBoard(vanna, 'Risk register');

        await vanna.getByText('Add a risk').click();
        await vanna.getByLabel('Risk', { exact: true }).fill('Funding ends before the pilot');
        await vanna.getByLabel('Owner').fill('Steering group');
        await vanna.getByRole('button', { name: 'Add risk' }).click();
        const risk = (page: Page) => page.getByTestId('risk').filter({ hasText: 'Funding ends before the pilot' });
        await risk(sokha).getByRole('button', { name: /^More Likelihood/ }).click();
        await risk(vanna).getByRole('button', { name: /^Less Impact/ }).click();
        await risk(dara).getByText('rated by 2').waitFor();
        await dara.getByTestId('risk-spread').waitFor();
        // Vanna's undo takes back her estimate only.
        await vanna.getByRole('button', { name: 'Undo' }).click();
        await risk(dara).getByText('Average likelihood 55%, impact 50%, rated by 1.').waitFor();
        expect(await risk(vanna).getByTestId('mine-likelihood').textContent()).toBe('not set');

        await sokha.getByLabel('Red line', { exact: true }).fill(RED_LINE);
        await sokha.getByRole('button', { name: 'Seal red line' }).click();
        await sokha.getByTestId('sealed-red-line').getByText(RED_LINE).waitFor();
        expect(await sokha.getByTestId('sealed-red-line').getByText('only you and the facilitators').count()).toBe(1);
        await vanna.getByTestId('red-lines-sealed').getByText('1 red line sealed until the facilitator reveals it.').waitFor();
        expect(await vanna.content()).not.toContain(RED_LINE);
        await dara.getByTestId('sealed-red-line').getByText(RED_LINE).waitFor();
        await screenshot(vanna, 'planning-red-line-sealed-phone', true);
        await screenshot(dara, 'planning-risks-laptop', true);

        await dara.getByRole('button', { name: 'Reveal 1 red line' }).click();
        for (const page of [vanna, sokha, dara]) {
          await page.getByTestId('red-line').getByText(RED_LINE).waitFor();
          await page.getByTestId('red-lines-sealed').waitFor({ state: 'detached' });
        }
        await vanna.getByRole('heading', { name: 'Government', level: 4 }).waitFor();
        expect(await vanna.getByRole('button', { name: 'Reveal 1 red line' }).count()).toBe(0);
        await screenshot(vanna, 'planning-red-line-revealed-phone', true);
        expect(errors.flat()).toEqual([]);
      }));
});
