import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { facilitatorAndPhone } from './workshop-steps';

const env = useHubAndBrowser();

const TRANSPARENCY = 'We share information openly and honestly, including about our own interests and limits.';
const SILENT = 'Phones on silent during sessions';
const REASON = 'Some of us are on call for emergencies';

const proposal = (page: Page, text: string) => page.getByTestId('proposal').filter({ hasText: text });
const answerButton = (page: Page, text: string, answer: string) =>
  proposal(page, text).getByRole('button', { name: answer, exact: true });
const waitForStatus = (page: Page, text: string, status: string) =>
  proposal(page, text).getByTestId('status').getByText(status, { exact: true }).waitFor();
const proposalTexts = (page: Page) => page.getByTestId('proposal').locator('p.text').allTextContents();

/** Controls a thumb must hit: every button and field of the board at least 44 px each way. */
const smallTargets = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('article.board :is(button, input, textarea, select)')]
    .map((e) => ({ e, box: e.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
    .map(({ e }) => e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName));

describe('Ground rules, a facilitator on a laptop and a participant on a phone', () => {
  it('propose from a suggestion and in their own words, answer the consent round, undo only their own, project the adopted rules', () =>
    withContext(env.browser, LAPTOP, (laptopContext, laptopErrors) => withContext(env.browser, PHONE, async (phoneContext, phoneErrors) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'Partnership retreat', board: 'Our ground rules', kind: 'Ground rules' });

      // The laptop takes a principle's wording; it leaves the suggestions on both devices.
      await laptop.getByTestId('suggestion').filter({ hasText: 'Transparency' })
        .getByRole('button', { name: 'Propose this' }).click();
      await proposal(phone, TRANSPARENCY).waitFor();
      await phone.getByTestId('suggestion').filter({ hasText: 'Transparency' }).waitFor({ state: 'detached' });
      expect(await phone.getByTestId('suggestion').count()).toBe(4);
      await proposal(laptop, TRANSPARENCY).getByText('From the principle: Transparency').waitFor();

      // The phone proposes in its own words; the laptop sees who proposed it.
      await phone.getByLabel('Propose a ground rule').fill(SILENT);
      await phone.getByRole('button', { name: 'Propose', exact: true }).click();
      await proposal(laptop, SILENT).getByText('Proposed by Sokha · Government').waitFor();
      // A new proposal waits for every stakeholder group present, by name.
      await waitForStatus(laptop, SILENT, 'Waiting for Development Partners, Government');

      // The laptop answers with the keyboard alone: focus went to its new proposal, Agree is next.
      await laptop.keyboard.press('Tab');
      await laptop.keyboard.press('Enter');
      expect(await answerButton(laptop, TRANSPARENCY, 'Agree').getAttribute('aria-pressed')).toBe('true');
      // One group's agreement does not adopt it (seed 000: acceptable to all).
      await waitForStatus(phone, TRANSPARENCY, 'Waiting for Government');
      await answerButton(phone, TRANSPARENCY, 'Agree with reservations').click();
      await waitForStatus(laptop, TRANSPARENCY, 'Adopted');
      await proposal(laptop, TRANSPARENCY).getByText('1 agree · 1 with reservations · 0 object').waitFor();
      await proposal(laptop, TRANSPARENCY).getByText('Sokha agrees with reservations').waitFor();

      // An objection with a reason: the rule needs discussion on both devices.
      await answerButton(phone, SILENT, 'Agree').click();
      await answerButton(laptop, SILENT, 'Object').click();
      await proposal(laptop, SILENT).getByLabel('Why? (optional, everyone sees it)').fill(REASON);
      await proposal(laptop, SILENT).getByRole('button', { name: 'Save reason' }).click();
      await waitForStatus(phone, SILENT, 'Needs discussion');
      await proposal(phone, SILENT).getByText(`Dara objects: “${REASON}”`).waitFor();
      await waitForStatus(laptop, TRANSPARENCY, 'Adopted');

      // The phone changes its answer: the status follows on both devices.
      await answerButton(phone, TRANSPARENCY, 'Object').click();
      await waitForStatus(laptop, TRANSPARENCY, 'Needs discussion');
      await waitForStatus(phone, TRANSPARENCY, 'Needs discussion');
      expect(await answerButton(phone, TRANSPARENCY, 'Agree with reservations').getAttribute('aria-pressed')).toBe('false');

      // Undo on the phone takes back its own change of answer, never the laptop's objection.
      await phone.getByRole('button', { name: 'Undo' }).click();
      await waitForStatus(laptop, TRANSPARENCY, 'Adopted');
      await waitForStatus(phone, TRANSPARENCY, 'Adopted');
      expect(await answerButton(phone, TRANSPARENCY, 'Agree with reservations').getAttribute('aria-pressed')).toBe('true');
      await waitForStatus(phone, SILENT, 'Needs discussion');
      await proposal(laptop, SILENT).getByText(`Dara objects: “${REASON}”`).waitFor();
      expect(await answerButton(laptop, SILENT, 'Object').getAttribute('aria-pressed')).toBe('true');

      // Only the facilitator reorders; the phone follows.
      expect(await phone.getByRole('button', { name: /^Move proposal/ }).count()).toBe(0);
      await laptop.getByRole('button', { name: 'Move proposal 2 up' }).click();
      await phone.waitForFunction((first) => document.querySelector('[data-testid="proposal"] p.text')?.textContent === first, SILENT);
      expect(await proposalTexts(phone)).toEqual([SILENT, TRANSPARENCY]);
      expect(await laptop.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move proposal 1 down');

      expect(await smallTargets(phone)).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // The app bar is sticky: from a scrolled page it would land mid-screenshot.
      for (const page of [laptop, phone]) await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(laptop, 'laptop-10-rules', true);
      await screenshot(phone, 'phone-10-rules', true);

      // The projection shows exactly the adopted rules; Escape closes it.
      await laptop.getByRole('button', { name: /Show adopted rules/ }).click();
      const projection = laptop.getByRole('dialog', { name: 'Our ground rules' });
      await projection.waitFor();
      expect(await projection.getByTestId('adopted-rules').locator('li').allTextContents()).toEqual([TRANSPARENCY]);
      await screenshot(laptop, 'laptop-10-rules-projection');
      await laptop.keyboard.press('Escape');
      await projection.waitFor({ state: 'detached' });
      expect(await laptop.evaluate(() => document.activeElement?.textContent)).toContain('Show adopted rules');

      expect(laptopErrors).toEqual([]);
      expect(phoneErrors).toEqual([]);
    })));
});
