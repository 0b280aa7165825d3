import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser } from './harness';
import { FOUR_PHONES, type PhoneName, addSwotNote, withRoomOfPhones } from './workshop-steps';

const env = useHubAndBrowser();

const quadrant = (page: Page, name: string) => page.getByTestId(`quadrant-${name}`);
async function addTo(page: Page, name: string, label: string, text: string) {
  await addSwotNote(page, label, text);
  await quadrant(page, name).getByText(text).waitFor();
}
/** The table a person sits at in the facilitator's split, from the setup's preview. */
const setupTable = (dara: Page, n: number) => dara.getByTestId('breakout-setup').getByRole('region', { name: new RegExp(`^Table ${n}\\b`) });
async function tableOf(dara: Page, name: PhoneName): Promise<number> {
  for (const n of [1, 2]) {
    if (await setupTable(dara, n).getByText(name, { exact: false }).count()) return n;
  }
  throw new Error(`${name} is at no table`);
}
/** The boards a phone's agenda lists. */
async function boardList(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: '← Boards' }).click();
  const names = await page.getByRole('navigation', { name: 'Boards' }).getByRole('link').allInnerTexts();
  return names.map((n) => n.replace(/^\d+\s*/, '').split('\n')[0]!.trim());
}

describe('breakouts', () => {
  it('splits four phones into mixed tables, each writes on its own copy, and the plenary shows each table', async () => {
    await withRoomOfPhones(env.browser, env.hub.url, { workshop: 'TWG strategic meeting', board: 'SWOT', kind: 'SWOT grid' }, async ({ dara, phones, errors }) => {
      // Mixed across groups (the default): each of the two tables has one of each group.
      const setup = dara.getByTestId('breakout-setup');
      await setup.locator('summary').click();
      for (const p of FOUR_PHONES) await setup.getByText(p.name, { exact: false }).waitFor();
      const at = async () => Object.fromEntries(await Promise.all(FOUR_PHONES.map(async (p) => [p.name, await tableOf(dara, p.name)] as const))) as Record<PhoneName, number>;
      const mixed = await at();
      for (const n of [1, 2]) {
        expect(FOUR_PHONES.filter((p) => mixed[p.name] === n).map((p) => p.group).sort()).toEqual(['Development Partners', 'Government']);
      }
      await screenshot(dara, 'breakouts-setup-laptop');

      // By hand: Sokha and Chan (both Government) swap tables, so the tables stay mixed.
      await setup.getByRole('combobox', { name: 'Seat people' }).selectOption({ label: 'By hand' });
      const [sokhaAt, chanAt] = [await tableOf(dara, 'Sokha'), await tableOf(dara, 'Chan')];
      await setup.getByRole('combobox', { name: 'Table for Sokha' }).selectOption({ label: `Table ${chanAt}` });
      await setup.getByRole('combobox', { name: 'Table for Chan' }).selectOption({ label: `Table ${sokhaAt}` });
      const swapped = await at();
      expect([swapped.Sokha, swapped.Chan]).toEqual([chanAt, sokhaAt]);
      // With the mouse: Vanna and Bopha (both Development Partners) dragged to each other's table.
      const person = (name: PhoneName) => setup.getByRole('listitem').filter({ hasText: name }).getByText(name);
      const [vannaAt, bophaAt] = [swapped.Vanna, swapped.Bopha];
      await person('Vanna').dragTo(setupTable(dara, bophaAt));
      await person('Bopha').dragTo(setupTable(dara, vannaAt));
      await expect.poll(async () => [await tableOf(dara, 'Vanna'), await tableOf(dara, 'Bopha')]).toEqual([bophaAt, vannaAt]);
      const seated = await at();
      await setup.getByLabel('Minutes per table').fill('10');
      await dara.setViewportSize(PHONE.viewport);
      await setup.getByRole('region', { name: /^Table 1\b/ }).scrollIntoViewIfNeeded();
      await screenshot(dara, 'breakouts-setup-phone');
      await dara.setViewportSize(LAPTOP.viewport);
      await setup.getByRole('button', { name: 'Start breakouts' }).click();
      await dara.getByText('Breakouts started: 2 tables.').waitFor();
      await dara.getByRole('button', { name: 'Dismiss' }).click();

      // Each phone goes to its own table's copy, with the table's own timer, and lists no other table.
      const tableTitle = (name: PhoneName) => `SWOT · Table ${seated[name]}`;
      for (const p of FOUR_PHONES) {
        const page = phones[p.name];
        await page.getByRole('heading', { name: tableTitle(p.name) }).waitFor();
        await page.getByRole('timer', { name: 'Time left at this table' }).waitFor();
        await expect.poll(() => page.getByTestId('breakout-bar').innerText()).toContain(`You are at table ${seated[p.name]}`);
      }
      await screenshot(phones.Sokha, 'breakouts-table-phone');
      await dara.getByTestId('breakout-bar').scrollIntoViewIfNeeded();
      await screenshot(dara, 'breakouts-running-laptop');

      // Each table writes on its copy; the other table's phones never see it.
      const words: Record<PhoneName, [string, string, string]> = {
        Sokha: ['strengths', 'Strengths', 'Strong district teams'],
        Chan: ['weaknesses', 'Weaknesses', 'Fragmented reporting'],
        Vanna: ['opportunities', 'Opportunities', 'Pooled funding'],
        Bopha: ['threats', 'Threats', 'Staff turnover'],
      };
      for (const p of FOUR_PHONES) await addTo(phones[p.name], ...words[p.name]);
      for (const p of FOUR_PHONES) {
        const page = phones[p.name];
        const mates = FOUR_PHONES.filter((q) => seated[q.name] === seated[p.name]);
        for (const q of mates) await page.getByText(words[q.name][2]).waitFor();
        for (const q of FOUR_PHONES.filter((o) => !mates.includes(o))) expect(await page.getByText(words[q.name][2]).count()).toBe(0);
      }
      await screenshot(phones.Vanna, 'breakouts-table-notes-phone', true);
      expect(await boardList(phones.Chan)).toEqual(['Expectations', 'SWOT', tableTitle('Chan')]);
      // The facilitator's list holds both tables.
      const daraBoards = await dara.getByRole('navigation', { name: 'Boards' }).innerText();
      for (const n of [1, 2]) expect(daraBoards).toContain(`SWOT · Table ${n}`);

      // Bring everyone back: every screen returns to SWOT, with each table's results.
      await dara.getByRole('button', { name: 'Bring everyone back' }).click();
      for (const page of [dara, ...Object.values(phones)]) {
        await page.getByRole('heading', { name: 'SWOT', exact: true }).waitFor();
        const results = page.getByTestId('breakout-results');
        await results.getByRole('heading', { name: 'Results by table' }).waitFor();
        for (const p of FOUR_PHONES) {
          await results.getByTestId('table-result').filter({ has: page.getByRole('link', { name: `Table ${seated[p.name]}`, exact: true }) })
            .getByText(words[p.name][2]).waitFor();
        }
      }
      // Side by side on the laptop, one under another on a phone.
      const boxes = async (page: Page) => Promise.all((await page.getByTestId('table-result').all()).map((r) => r.boundingBox()));
      const [l1, l2] = await boxes(dara);
      expect(l2!.x).toBeGreaterThan(l1!.x + l1!.width - 1);
      expect(Math.abs(l2!.y - l1!.y)).toBeLessThan(2);
      const [p1, p2] = await boxes(phones.Bopha);
      expect(p2!.y).toBeGreaterThan(p1!.y + p1!.height - 1);
      await phones.Bopha.getByTestId('breakout-results').scrollIntoViewIfNeeded();
      await screenshot(phones.Bopha, 'breakouts-results-phone', true);
      await dara.getByTestId('breakout-results').scrollIntoViewIfNeeded();
      await screenshot(dara, 'breakouts-results-laptop');
      // After the plenary every phone lists both tables' copies again.
      expect(await boardList(phones.Chan)).toEqual(['Expectations', 'SWOT', 'SWOT · Table 1', 'SWOT · Table 2']);
      expect(errors.flat()).toEqual([]);
    });
  });
});
