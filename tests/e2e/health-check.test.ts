import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser } from './harness';
import { addBoard, createWorkshop, inviteLink, join, setProfile, withDevices } from './workshop-steps';

const env = useHubAndBrowser();
const BOARD = 'Partnership health';
const SET = 'Partnership review: impacts, relationships, value';
const TRACKING = 'We track our progress and performance together, regularly.';
const COMMENT = 'Reports reach the ministry after the meeting';

/** Ratings of the review set's twelve statements: impacts (3), relationships (5), value (4). */
const meeting1 = (tracking: number) => [4, 4, tracking, 4, 4, 4, 4, 4, 4, 4, 4, 4];
const meeting2 = [4, 4, 4, 3, 3, 3, 3, 3, 4, 4, 4, 4];

/** Taps each statement's rating (and a comment on the first, if given), as a thumb would. */
async function answerAll(page: Page, ratings: number[], comment?: string) {
  const cards = page.getByTestId('health-statement');
  await cards.nth(ratings.length - 1).waitFor({ timeout: 30_000 });
  for (const [i, rating] of ratings.entries()) {
    await cards.nth(i).getByRole('radio', { name: new RegExp(`^Rate ${rating} of 5`) }).click();
  }
  if (comment) {
    await cards.first().getByRole('button', { name: 'Add a comment' }).click();
    await cards.first().getByLabel('Comment').fill(comment);
    await cards.first().getByRole('button', { name: 'Save comment' }).click();
    await cards.first().getByText(comment).waitFor();
  }
  await page.getByTestId('health-progress').filter({ hasText: `${ratings.length} of ${ratings.length} answered` }).waitFor();
}

/** The facilitator adds the built-in review set from the Statements tab. */
async function addReviewSet(laptop: Page) {
  await laptop.getByRole('tab', { name: 'Statements' }).click();
  await laptop.getByRole('button', { name: SET }).click();
  await laptop.getByText('12 statements added.').waitFor();
}

const answered = (page: Page, count: number) =>
  page.getByTestId('health-answered').filter({ hasText: `${count} people answered` }).waitFor({ timeout: 30_000 });

describe('a partnership health check in two meetings of a series', () => {
  it('a facilitator and three phones of two groups answer; results, Where to improve, then the trend', async () => {
    await withDevices(env.browser, async (open, errors) => {
      const laptop = await open(LAPTOP);
      await setProfile(laptop, env.hub.url, 'Dara', 'Development Partners');
      await createWorkshop(laptop, env.hub.url, 'Health TWG meeting 1');
      await addBoard(laptop, BOARD, 'Partnership health check');
      await laptop.getByRole('button', { name: 'Start a series with this workshop' }).click();
      await laptop.getByRole('heading', { name: 'Series: Health TWG meeting 1' }).waitFor();
      await addReviewSet(laptop);

      const link1 = await inviteLink(laptop);
      const people = [['Sokha', 'Government'], ['Vanna', 'Government'], ['Anna', 'Development Partners']] as const;
      const phones: Page[] = [];
      for (const [name, group] of people) {
        const phone = await open(PHONE);
        await join(phone, link1, name, group, BOARD);
        phones.push(phone);
      }

      // Everyone answers; the phone's twelve answers and a comment take seconds, not minutes.
      const started = Date.now();
      await answerAll(phones[0]!, meeting1(2), COMMENT);
      expect(Date.now() - started).toBeLessThan(5 * 60_000);
      await screenshot(phones[0]!, 'health-answer-phone');
      await answerAll(phones[1]!, meeting1(1));
      await answerAll(phones[2]!, meeting1(2));
      await laptop.getByRole('tab', { name: 'Answer' }).click();
      await answerAll(laptop, meeting1(2));
      await screenshot(laptop, 'health-answer-laptop');

      // The facilitator's results: four answers, two per group, so groups show too few.
      await laptop.getByRole('tab', { name: 'Results' }).click();
      await answered(laptop, 4);
      const improve = laptop.getByTestId('health-improve');
      await improve.getByText(TRACKING).waitFor();
      expect(await improve.locator('li').count()).toBe(1);
      const tracking = laptop.getByTestId('health-result').filter({ hasText: TRACKING });
      expect(await tracking.getByTestId('mean').first().textContent()).toBe('1.8');
      expect(await tracking.getByTestId('too-few').count()).toBe(2);
      await laptop.getByTestId('health-result').first().getByText('Comments (1)').click();
      await laptop.getByText(COMMENT).waitFor();
      expect(await laptop.getByTestId('health-trend').getByText('No earlier run').count()).toBe(1);
      await screenshot(laptop, 'health-results-laptop', true);

      // Shared with the room: the phones see the same results, never a sheet.
      await laptop.getByRole('button', { name: 'Share results with the room' }).click();
      await laptop.getByText('Results shared.').waitFor();
      await phones[1]!.getByRole('tab', { name: 'Results' }).click();
      await phones[1]!.getByTestId('health-improve').getByText(TRACKING).waitFor({ timeout: 30_000 });
      await screenshot(phones[1]!, 'health-results-phone');

      // Meeting 2 of the series: the same check, the room now tracks progress but decides worse.
      await laptop.goto(env.hub.url);
      await laptop.getByRole('button', { name: 'Next meeting' }).click();
      // Meeting 2 opens with its Since last time step.
      await laptop.getByRole('region', { name: 'Agenda', exact: true }).getByRole('listitem').first().getByText('Since last time').waitFor();
      await laptop.getByRole('link', { name: new RegExp(BOARD) }).first().click();
      await laptop.getByRole('heading', { name: BOARD }).waitFor();
      await addReviewSet(laptop);
      const link2 = await inviteLink(laptop);
      for (const [i, [name, group]] of people.entries()) {
        await join(phones[i]!, link2, name, group, BOARD);
        await answerAll(phones[i]!, meeting2);
      }
      await laptop.getByRole('tab', { name: 'Answer' }).click();
      await answerAll(laptop, meeting2);
      await laptop.getByRole('tab', { name: 'Results' }).click();
      await answered(laptop, 4);
      const trend = laptop.getByTestId('health-trend');
      await trend.getByTestId('trend-improved').waitFor({ timeout: 30_000 });
      expect(await trend.locator('li').allTextContents()).toEqual([
        expect.stringMatching(/Project impacts\s*Improved/), expect.stringMatching(/Relationships and functioning\s*Declined/),
        expect.stringMatching(/Value of partnering\s*Steady/),
      ]);
      expect(await trend.locator('svg').count()).toBe(3);
      await screenshot(laptop, 'health-trend-laptop', true);
      expect(errors).toEqual(errors.map(() => []));
    });
  }, 300_000);
});
