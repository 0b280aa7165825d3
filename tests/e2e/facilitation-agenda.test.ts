import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useHubAndBrowser } from './harness';
import { withRoom } from './workshop-steps';

const env = useHubAndBrowser();
const MIN = 60_000;

/** The phones' clocks are minutes off, in opposite directions: the app reads `Date.now()`. */
const SKEW = { facilitator: 0, sokha: 7 * MIN, vanna: -4 * MIN - 1_234 } as const;

async function skewClock(context: BrowserContext, who: keyof typeof SKEW) {
  await context.addInitScript((skew) => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + skew;
  }, SKEW[who]);
}

const bar = (page: Page) => page.getByRole('region', { name: 'Current step' });

/** Seconds left on the shared timer as this page shows it ("9:58"). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** The largest difference between the timers of `pages`, read at once. */
async function spread(pages: Page[]): Promise<number> {
  const shown = await Promise.all(pages.map(secondsLeft));
  return Math.max(...shown) - Math.min(...shown);
}

const onBoard = (page: Page, title: string) => page.getByRole('heading', { name: title, exact: true }).waitFor();

describe('agenda, shared timer and following the facilitator', () => {
  it('a facilitator runs a two-step agenda; two phones with clocks minutes apart follow it and show the same time', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG agenda', board: 'Priorities', kind: 'Notes' }, async ({ facilitator: dara, sokha, vanna, errors }) => {
      // The workshop has two boards, Expectations and Priorities; everyone is on Priorities.
      const everyone = [dara, sokha, vanna];
      const phones = [sokha, vanna];
      // The skews are in place: without the clock sync, the phones' timers would be minutes apart.
      expect(await sokha.evaluate(() => Date.now()) - Date.now()).toBeGreaterThan(SKEW.sokha - MIN);
      expect(await vanna.evaluate(() => Date.now()) - Date.now()).toBeLessThan(SKEW.vanna + MIN);

      // Dara builds the agenda: Expectations first, with a title of its own, then Priorities.
      const add = dara.getByRole('form', { name: 'Add step' });
      await add.getByLabel('Board', { exact: true }).selectOption({ label: 'Expectations' });
      await add.getByLabel('Minutes').fill('10');
      await add.getByLabel('Step title (optional)').fill('Hopes and fears');
      await add.getByRole('button', { name: 'Add step' }).click();
      await add.getByLabel('Board', { exact: true }).selectOption({ label: 'Priorities' });
      await add.getByLabel('Minutes').fill('0');
      await add.getByRole('button', { name: 'Add step' }).click();
      await add.getByRole('alert').getByText('A timebox is a whole number of minutes, from 1 to 480.').waitFor();
      await add.getByLabel('Minutes').fill('5');
      await add.getByRole('button', { name: 'Add step' }).click();
      const steps = dara.getByRole('region', { name: 'Agenda', exact: true }).getByRole('listitem');
      const stepTexts = async () => (await steps.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      await expect.poll(stepTexts).toEqual([
        expect.stringMatching(/^1 Hopes and fears Expectations · 10 min/), expect.stringMatching(/^2 Priorities 5 min/),
      ]);
      // Reordered and edited, as a facilitator corrects an agenda.
      await dara.getByRole('button', { name: 'Move step 2 up: Priorities' }).click();
      await expect.poll(stepTexts).toEqual([expect.stringMatching(/^1 Priorities/), expect.stringMatching(/^2 Hopes and fears/)]);
      await dara.getByRole('button', { name: 'Move step 1 down: Priorities' }).click();
      await dara.getByRole('button', { name: 'Edit step 2: Priorities' }).click();
      const edit = dara.getByRole('form', { name: 'Edit step 2: Priorities' });
      await edit.getByLabel('Minutes').fill('15');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await expect.poll(stepTexts).toEqual([expect.stringMatching(/^1 Hopes and fears/), expect.stringMatching(/^2 Priorities 15 min/)]);

      // Starting step 1 brings both phones to its board; Dara's laptop stays where it is.
      await dara.getByRole('button', { name: 'Start step 1: Hopes and fears' }).click();
      for (const phone of phones) {
        await onBoard(phone, 'Expectations');
        await bar(phone).getByText('Step 1 of 2').waitFor();
        await bar(phone).getByRole('link', { name: 'Hopes and fears' }).waitFor();
      }
      await onBoard(dara, 'Priorities');

      // Every timer reads the same, though the phones' clocks are 7 minutes ahead and 4 behind.
      await expect.poll(() => spread(everyone), { timeout: 10_000 }).toBeLessThanOrEqual(2);
      expect(await secondsLeft(sokha)).toBeGreaterThan(9 * 60);
      // And it runs: a phone's reading goes down on its own.
      const started = await secondsLeft(vanna);
      await expect.poll(() => secondsLeft(vanna), { timeout: 5_000 }).toBeLessThan(started);

      // Participants are offered none of the facilitator's controls, and see the agenda read-only.
      for (const phone of phones) {
        for (const name of ['Pause', 'Resume', 'Add a minute', 'Next step', 'Bring everyone here', /^Start step/, /^Edit step/]) {
          expect(await phone.getByRole('button', { name }).count(), String(name)).toBe(0);
        }
        expect(await phone.getByRole('form', { name: 'Add step' }).count()).toBe(0);
      }

      // Sokha wanders to another board; a tap on "Back to" returns. Timer changes do not pull her.
      await sokha.getByRole('link', { name: '← Boards' }).click();
      const agenda = sokha.getByRole('region', { name: 'Agenda', exact: true });
      await agenda.locator('[aria-current="step"]').getByText('Hopes and fears').waitFor();
      await sokha.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Priorities/ }).click();
      await onBoard(sokha, 'Priorities');
      const back = bar(sokha).getByRole('link', { name: 'Back to Expectations' });
      await back.waitFor();
      expect(await bar(vanna).getByRole('link', { name: /^Back to/ }).count()).toBe(0);

      // Pause holds the time on every device: the same reading everywhere, and one minute more
      // after "+1 min" (had any timer kept running, it would be short of that).
      await bar(dara).getByRole('button', { name: 'Pause' }).click();
      for (const page of everyone) await bar(page).getByRole('status').getByText('Paused').waitFor();
      const paused = await secondsLeft(dara);
      for (const page of everyone) await expect.poll(() => secondsLeft(page)).toBe(paused);
      await bar(dara).getByRole('button', { name: 'Add a minute' }).click();
      for (const page of everyone) await expect.poll(() => secondsLeft(page)).toBe(paused + 60);
      await bar(dara).getByRole('button', { name: 'Resume' }).click();
      for (const page of everyone) await bar(page).getByText('Paused').waitFor({ state: 'detached' });
      await expect.poll(() => spread(everyone), { timeout: 10_000 }).toBeLessThanOrEqual(2);
      expect(await secondsLeft(vanna)).toBeGreaterThan(paused + 60 - 30);

      await onBoard(sokha, 'Priorities');
      await back.click();
      await onBoard(sokha, 'Expectations');
      await back.waitFor({ state: 'detached' });

      // "Next step" takes both phones to step 2's board, and the laptop stays on its own.
      await dara.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Expectations/ }).click();
      await onBoard(dara, 'Expectations');
      await bar(dara).getByRole('button', { name: 'Next step' }).click();
      for (const phone of phones) {
        await bar(phone).getByText('Step 2 of 2').waitFor();
        await onBoard(phone, 'Priorities');
      }
      await onBoard(dara, 'Expectations');
      expect(await bar(dara).getByRole('button', { name: 'Next step' }).count()).toBe(0);
      await expect.poll(() => spread(everyone), { timeout: 10_000 }).toBeLessThanOrEqual(2);

      // Dara brings everyone to the board she is on.
      await bar(dara).getByRole('button', { name: 'Bring everyone here' }).click();
      for (const phone of phones) await onBoard(phone, 'Expectations');

      expect(errors.flat()).toEqual([]);
    }, skewClock));
});
