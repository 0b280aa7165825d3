import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { facilitatorAndPhone } from './workshop-steps';

const env = useHubAndBrowser();

const quadrant = (page: Page, name: string) => page.getByTestId(`quadrant-${name}`);
const box = async (locator: Locator) => (await locator.boundingBox())!;
const viewportHeight = (page: Page) => page.viewportSize()!.height;

/** The composer sits wholly in the window, at its foot, and the page was not scrolled to find it. */
async function expectDockedInView(page: Page) {
  const dock = await box(page.getByTestId('composer'));
  expect(dock.y).toBeGreaterThan(0);
  expect(Math.round(dock.y + dock.height)).toBe(viewportHeight(page));
}

/** Whether a note's card is on screen above the composer, not under it. */
async function clearOfDock(page: Page, note: Locator) {
  const card = await box(note);
  const dock = await box(page.getByTestId('composer'));
  return card.y >= 0 && card.y + card.height <= dock.y + 1;
}

describe('the one-thumb composer: a phone writes at the foot of the screen, a laptop keeps the grid', () => {
  it('a tap on a quadrant chip, one in the input and one on send put the note in that quadrant on every screen', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext, errors) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: 'Health sector SWOT', kind: 'SWOT grid' });

      // The phone: one input and one send button, docked in view; the quadrants hold only notes.
      expect(await phone.getByLabel(/^New note in /).count()).toBe(0);
      expect(await phone.getByRole('button', { name: 'Add note' }).count()).toBe(1);
      expect(await phone.evaluate(() => scrollY)).toBe(0);
      await expectDockedInView(phone);
      // Four text areas and four buttons made this board about 2,300 px tall at 360×800.
      expect(await phone.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1400);
      const send = await box(phone.getByRole('button', { name: 'Add note' }));
      expect(send.height).toBeGreaterThanOrEqual(44);
      expect(await phone.getByRole('radio', { name: 'Strengths', exact: true }).isChecked()).toBe(true);

      await phone.getByRole('radio', { name: 'Threats', exact: true }).tap();
      expect(await phone.getByRole('radio', { name: 'Threats', exact: true }).isChecked()).toBe(true);
      await phone.getByLabel('Your note').tap();
      await phone.keyboard.type('Budget cuts next year');
      await phone.getByRole('button', { name: 'Add note' }).tap();
      const note = quadrant(phone, 'threats').getByText('Budget cuts next year');
      await note.waitFor();
      // Typing on: focus stays in the emptied input, and the new note was brought into view (its
      // top at least: the page may still shift a little as the hub acknowledges it).
      expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      expect(await phone.getByLabel('Your note').inputValue()).toBe('');
      await phone.waitForFunction(() => {
        const card = [...document.querySelectorAll('[data-testid="quadrant-threats"] [data-testid="note"]')].at(-1)!.getBoundingClientRect();
        const dock = document.querySelector('[data-testid="composer"]')!.getBoundingClientRect();
        return card.top >= 0 && card.top < dock.top - 20;
      });

      // The laptop keeps its grid of four fields, and no composer; the note is in its quadrant there.
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor();
      expect(await laptop.getByLabel(/^New note in /).count()).toBe(4);
      expect(await laptop.getByTestId('composer').count()).toBe(0);
      expect(await quadrant(laptop, 'strengths').getByTestId('note').count()).toBe(0);

      // The chosen quadrant stays chosen: a second note goes there too, after one tap on send.
      await phone.keyboard.type('Staff turnover in provinces');
      await phone.getByRole('button', { name: 'Add note' }).tap();
      await quadrant(laptop, 'threats').getByText('Staff turnover in provinces').waitFor();
      await screenshot(phone, 'phone-composer-swot');
      await screenshot(laptop, 'laptop-composer-swot');

      // With the on-screen keyboard up (a shorter window), the composer stays above it, and at the
      // foot of the page the last note (Threats come last) is not hidden under it.
      await phone.setViewportSize({ width: 360, height: 500 });
      await expectDockedInView(phone);
      await phone.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const last = quadrant(phone, 'threats').getByTestId('note').last();
      expect(await clearOfDock(phone, last)).toBe(true);
      await screenshot(phone, 'phone-composer-keyboard');
      await phone.setViewportSize(PHONE.viewport);

      // A locked board: the composer gives way to the reason; unlocked, it is back.
      await laptop.getByRole('button', { name: 'Lock board' }).click();
      await phone.getByTestId('composer').getByText('Locked by the facilitator').waitFor();
      expect(await phone.getByLabel('Your note').count()).toBe(0);
      await screenshot(phone, 'phone-composer-locked');
      await laptop.getByRole('button', { name: 'Unlock board' }).click();
      await phone.getByLabel('Your note').waitFor();
      expect(errors).toEqual([]);
    })));
});
