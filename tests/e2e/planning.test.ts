import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useHubAndBrowser } from './harness';
import { addBoard, withRoom } from './workshop-steps';

const env = useHubAndBrowser();

const statement = (page: Page) => page.getByLabel('Shared vision statement');
const version = (page: Page, name: string) => page.getByTestId('version').filter({ has: page.getByRole('heading', { name }) });
const indicator = (page: Page, name: string) => page.getByTestId('indicator').filter({ has: page.getByRole('heading', { name }) });
const waitForStatus = (card: ReturnType<typeof version>, status: string) =>
  card.getByTestId('status').getByText(status, { exact: true }).waitFor();

/** Waits until the shared statement in `page`'s text box reads `text`. */
async function waitForStatement(page: Page, text: string) {
  try {
    await page.waitForFunction((expected) => document.querySelector<HTMLTextAreaElement>('#vision-text')?.value === expected, text);
  } catch (error) {
    throw new Error(`the statement reads “${await statement(page).inputValue()}”, not “${text}”`, { cause: error });
  }
}

/** A phone opens another board of the workshop from the agenda. */
async function openBoard(page: Page, title: string) {
  await page.getByRole('link', { name: '← Boards' }).click();
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

describe('Planning boards: a facilitator on a laptop, two phones of two other groups', () => {
  it('co-edit the vision, keep a version, and adopt it only once every group present has answered; then an indicator', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'Partnership scoping', board: 'Our vision', kind: 'Vision and joint objective' },
      async ({ facilitator: dara, sokha, vanna, errors }) => {
        // Two phones type into the one statement; each keeps the other's words (character merge).
        await statement(sokha).fill('Every mother and child receives quality care.');
        await waitForStatement(vanna, 'Every mother and child receives quality care.');
        await statement(vanna).click();
        await vanna.keyboard.press('Control+End');
        await vanna.keyboard.type(' Close to home.');
        await statement(sokha).click();
        await sokha.keyboard.press('Control+Home');
        await sokha.keyboard.type('In every district, ');
        const merged = 'In every district, Every mother and child receives quality care. Close to home.';
        for (const page of [dara, sokha, vanna]) await waitForStatement(page, merged);

        // Only the facilitator names versions.
        expect(await sokha.getByLabel('Name this version').count()).toBe(0);
        await dara.getByLabel('Name this version').fill('Draft 1');
        await dara.getByRole('button', { name: 'Keep as version' }).click();
        for (const page of [dara, sokha, vanna]) await version(page, 'Draft 1').getByText(merged).waitFor();
        await waitForStatus(version(dara, 'Draft 1'), 'Waiting for Civil society, Development Partners, Government');

        // One Agree does not adopt it: the round names whom it still waits for.
        await version(sokha, 'Draft 1').getByRole('button', { name: 'Agree', exact: true }).click();
        await waitForStatus(version(dara, 'Draft 1'), 'Waiting for Civil society, Development Partners');
        await version(dara, 'Draft 1').getByRole('button', { name: 'Agree', exact: true }).click();
        await waitForStatus(version(sokha, 'Draft 1'), 'Waiting for Civil society');
        await dara.getByTestId('adopted-vision').getByText('No version has been adopted yet.').waitFor();
        await screenshot(dara, 'vision-waiting-laptop');
        await screenshot(vanna, 'vision-waiting-phone', true);

        // The second phone's group answers: adopted on every screen.
        await version(vanna, 'Draft 1').getByRole('button', { name: 'Agree with reservations' }).click();
        for (const page of [dara, sokha, vanna]) {
          await waitForStatus(version(page, 'Draft 1'), 'Adopted');
          await page.getByTestId('adopted-vision').getByText('Adopted vision: Draft 1').waitFor();
        }

        // Undo takes back only Vanna's own answer, on her phone; Redo gives it again.
        await vanna.getByRole('button', { name: 'Undo' }).click();
        await waitForStatus(version(dara, 'Draft 1'), 'Waiting for Civil society');
        await vanna.getByRole('button', { name: 'Redo' }).click();
        await waitForStatus(version(dara, 'Draft 1'), 'Adopted');

        // The statement moves on; the side-by-side marks the words the newer text added.
        await statement(dara).fill(`${merged} For all.`);
        await dara.getByTestId('compare-after').locator('ins').getByText('For all.').waitFor();
        expect(await dara.getByTestId('compare-before').textContent()).toBe(merged);
        await screenshot(dara, 'vision-adopted-laptop', true);
        await screenshot(sokha, 'vision-adopted-phone', true);

        // An indicator, with its own round.
        await addBoard(dara, 'Indicators of success', 'Indicators of success');
        await openBoard(sokha, 'Indicators of success');
        await openBoard(vanna, 'Indicators of success');
        const add = sokha.getByRole('region', { name: 'Add an indicator' });
        await add.getByLabel('What success looks like').fill('Mothers give birth safely');
        await add.getByLabel('Indicator', { exact: true }).fill('Births attended by skilled staff');
        await add.getByLabel('Baseline').fill('62%');
        await add.getByLabel('Target').fill('85% by 2028');
        await add.getByLabel('Who collects').fill('Provincial Health Department');
        await add.getByLabel('How often').fill('Quarterly');
        await add.getByLabel('Partner that needs it reported').fill('Development Partners');
        await add.getByRole('button', { name: 'Add indicator' }).click();
        const births = 'Births attended by skilled staff';
        await indicator(dara, births).getByText('Provincial Health Department').waitFor();

        await indicator(vanna, births).getByRole('button', { name: 'Object' }).click();
        await indicator(vanna, births).getByLabel('Why? (optional, everyone sees it)').fill('Who pays for the survey?');
        await indicator(vanna, births).getByRole('button', { name: 'Save reason' }).click();
        await waitForStatus(indicator(dara, births), 'Needs discussion');
        await indicator(dara, births).getByText('Vanna objects: “Who pays for the survey?”').waitFor();
        await indicator(vanna, births).getByRole('button', { name: 'Agree', exact: true }).click();
        await indicator(sokha, births).getByRole('button', { name: 'Agree', exact: true }).click();
        await waitForStatus(indicator(dara, births), 'Waiting for Development Partners');
        await indicator(dara, births).getByRole('button', { name: 'Agree', exact: true }).click();
        for (const page of [dara, sokha, vanna]) await waitForStatus(indicator(page, births), 'Adopted');
        await screenshot(dara, 'indicators-laptop', true);
        await screenshot(vanna, 'indicators-phone', true);

        expect(errors.flat()).toEqual([]);
      }));
});
