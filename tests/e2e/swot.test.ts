import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addSwotNote, facilitatorAndPhone } from './workshop-steps';

const env = useHubAndBrowser();

const quadrant = (page: Page, name: string) => page.getByTestId(`quadrant-${name}`);
const notesIn = (page: Page, name: string) => quadrant(page, name).getByTestId('note').locator('p').allTextContents();
/** Picks a choice in a note's move menu as a person does: reaching for the menu first (its choices
 *  are built then), then choosing. */
async function moveWithMenu(note: Locator, choice: string) {
  const menu = note.getByLabel('Move this note');
  await menu.focus();
  await menu.selectOption({ label: choice });
}

/** Drags with the mouse as a person does, in small steps, dropping at `at` of the target's height.
 *  Both ends must be on screen at once: the target is scrolled to the middle, the source below it. */
async function drag(page: Page, source: Locator, target: Locator, at = 0.5) {
  await target.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * at, { steps: 8 });
  await page.mouse.up();
}

async function addTo(page: Page, name: string, label: string, text: string) {
  await addSwotNote(page, label, text);
  await quadrant(page, name).getByText(text).waitFor();
}

describe('SWOT grid, a facilitator on a laptop and a participant on a phone', () => {
  it('both add notes to quadrants, move them with the menu, filter by group, and undo only their own', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: 'Health sector SWOT', kind: 'SWOT grid' });

      await addTo(phone, 'strengths', 'Strengths', 'Strong district health teams');
      await addTo(laptop, 'weaknesses', 'Weaknesses', 'Fragmented reporting systems');
      await addTo(phone, 'threats', 'Threats', 'Budget cuts next year');
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor();
      await quadrant(phone, 'weaknesses').getByText('Fragmented reporting systems').waitFor();

      // The phone moves its threat to opportunities with the move menu; the laptop sees it move.
      await moveWithMenu(quadrant(phone, 'threats'), 'Opportunities');
      await quadrant(laptop, 'opportunities').getByText('Budget cuts next year').waitFor();
      expect(await notesIn(laptop, 'threats')).toEqual([]);

      // Filter by group: the laptop shows only the Government's notes.
      await laptop.getByLabel('Show notes of').selectOption({ label: 'Government' });
      await quadrant(laptop, 'weaknesses').getByText('No notes yet.').waitFor();
      expect(await notesIn(laptop, 'strengths')).toEqual(['Strong district health teams']);
      await laptop.getByLabel('Show notes of').selectOption({ label: 'All groups' });

      // Undo on the phone takes back the phone's last change (the move), never the laptop's note.
      await phone.getByRole('button', { name: 'Undo' }).click();
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor();
      await phone.getByRole('button', { name: 'Undo' }).click();
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor({ state: 'detached' });
      expect(await notesIn(phone, 'weaknesses')).toEqual(['Fragmented reporting systems']);
      await phone.getByRole('button', { name: 'Redo' }).click();
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor();

      await screenshot(laptop, 'laptop-8-swot', true);
      await screenshot(phone, 'phone-8-swot', true);
    })));

  it('groups notes under headings, drags and reorders them, and compares the groups with their shared themes', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: 'Education SWOT', kind: 'SWOT grid' });

      await addTo(laptop, 'strengths', 'Strengths', 'Committed school directors');
      await addTo(laptop, 'strengths', 'Strengths', 'Donor coordination meetings are regular');
      await addTo(phone, 'strengths', 'Strengths', 'Regular donor coordination meetings');
      await addTo(phone, 'weaknesses', 'Weaknesses', 'Teacher shortages in rural provinces');

      // The facilitator adds a heading; the phone puts its note under it with the move menu.
      await quadrant(laptop, 'strengths').getByText('Add a heading to group notes').click();
      await laptop.getByLabel('New heading in Strengths').fill('Coordination');
      await laptop.getByRole('button', { name: 'Add heading' }).click();
      const heading = (page: Page) => quadrant(page, 'strengths').getByRole('group', { name: 'Coordination' });
      await heading(phone).waitFor();
      await moveWithMenu(quadrant(phone, 'strengths').locator('li', { hasText: 'Regular donor coordination meetings' }), 'Under “Coordination”');
      await heading(laptop).getByText('Regular donor coordination meetings').waitFor();

      // The laptop drags its own note under the heading, above the phone's, then one to weaknesses.
      await drag(laptop, quadrant(laptop, 'strengths').getByText('Donor coordination meetings are regular'),
        heading(laptop).getByText('Regular donor coordination meetings'), 0.1);
      await laptop.waitForFunction(() => [...document.querySelectorAll('[data-testid="heading"] [data-testid="note"] p')]
        .map((p) => p.textContent).join('|') === 'Donor coordination meetings are regular|Regular donor coordination meetings');
      await drag(laptop, quadrant(laptop, 'strengths').getByText('Committed school directors'),
        quadrant(laptop, 'weaknesses').getByRole('heading', { name: 'Weaknesses' }));
      await quadrant(phone, 'weaknesses').getByText('Committed school directors').waitFor();
      // Dropped above the quadrant's first note, it comes first.
      expect(await notesIn(phone, 'weaknesses')).toEqual(['Committed school directors', 'Teacher shortages in rural provinces']);

      // The phone reorders its own note with the menu (another's note has no menu on its screen).
      expect(await quadrant(phone, 'weaknesses').locator('li', { hasText: 'Committed school directors' })
        .getByLabel('Move this note').count()).toBe(0);
      await moveWithMenu(quadrant(phone, 'weaknesses').locator('li', { hasText: 'Teacher shortages in rural provinces' }), 'Up');
      await laptop.waitForFunction(() => document.querySelector('[data-testid="quadrant-weaknesses"] [data-testid="note"] p')
        ?.textContent === 'Teacher shortages in rural provinces');

      // Comparison: each group's column, and the shared theme (one heading, similar words) on both.
      for (const page of [laptop, phone]) {
        await page.getByRole('button', { name: 'Compare groups' }).click();
        const themes = page.getByTestId('shared-themes').getByTestId('theme');
        await themes.first().waitFor();
        expect(await themes.count()).toBe(1);
        expect(await themes.first().textContent()).toContain('Government');
        expect(await page.getByTestId('compare-strengths').getByTestId('shared-note').count()).toBe(2);
        expect(await page.getByTestId('compare-strengths').getByRole('group', { name: 'Government' }).textContent())
          .toContain('Regular donor coordination meetings');
      }
      await screenshot(laptop, 'laptop-8-swot-compare', true);
      await screenshot(phone, 'phone-8-swot-compare', true);
    })));
});
