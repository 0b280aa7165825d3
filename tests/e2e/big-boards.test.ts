import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedWorkshop } from '../../scripts/bench-seed';
import { createBoard } from '../../src/core/boards';
import { ensureGroup } from '../../src/core/groups';
import { initWorkshop } from '../../src/core/meta';
import { addCluster, addNote, QUADRANTS } from '../../src/core/swot';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addSwotNote, inviteLink, join, useTransports } from './workshop-steps';

const env = useHubAndBrowser();
const NOTES = 2000;

/** A SWOT board of 2,000 notes, a fifth of them under a heading in each quadrant. */
function bigSwot() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Big board', createdBy: 'seed' }, 'seed');
  const group = ensureGroup(doc, 'Government', 'seed');
  const board = createBoard(doc, { type: 'swot', title: 'Sector SWOT' }, 'seed');
  if (!group.ok || !board.ok) throw new Error('seed');
  const headings = QUADRANTS.map((quadrant) => {
    const c = addCluster(doc, board.value, { title: `Theme of ${quadrant}`, quadrant }, 'seed');
    if (!c.ok) throw new Error(c.error);
    return c.value;
  });
  for (let i = 0; i < NOTES; i++) {
    addNote(doc, board.value, {
      text: `Note ${i}: district teams report on time`, createdBy: `p${i % 30}`, group: group.value,
      quadrant: QUADRANTS[i % 4]!, cluster: i % 5 === 0 ? headings[i % 4] : '',
    }, 'seed');
  }
  return { doc, boardId: board.value };
}

describe('a board of 2,000 notes', () => {
  it('renders what is on screen, finds a note, reaches the last one by keyboard and shows a remote edit', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      for (const c of [laptopContext, phoneContext]) await useTransports(c, { relay: true, peers: false });
      const laptop = await laptopContext.newPage();
      await laptop.goto(env.hub.url);
      await laptop.getByLabel('New workshop title').waitFor();
      const { doc, boardId } = bigSwot();
      await seedWorkshop(laptop, 'bigboard00000001', doc);
      await laptop.goto(`${env.hub.url}#/w/bigboard00000001/b/${boardId}`);

      // The loose strengths (notes 4, 8, … not under a heading) are one list of 400: it says so,
      // and only the cards near the screen are in the page.
      const strengths = laptop.getByTestId('quadrant-strengths').locator('ul[data-list=""]');
      await strengths.getByText('Note 4:', { exact: false }).first().waitFor();
      await expect(strengths.locator('> li').first().getAttribute('aria-setsize')).resolves.toBe('400');
      const cards = await laptop.getByTestId('note').count();
      expect(cards).toBeGreaterThan(4);
      expect(cards).toBeLessThan(NOTES / 10);

      // Find narrows the board to the one note that matches, wherever it was in the list.
      await laptop.getByLabel('Find on this board').fill('note 1998');
      await laptop.getByText('1 of 2,000 shown').waitFor();
      await expect(laptop.getByTestId('note').locator('p').allTextContents()).resolves.toEqual(['Note 1998: district teams report on time']);
      await laptop.getByRole('search').evaluate((box) => box.scrollIntoView({ block: 'center' }));
      await screenshot(laptop, 'big-board-find-laptop');
      await laptop.getByRole('button', { name: 'Clear' }).click();
      await laptop.getByText('1 of 2,000 shown').waitFor({ state: 'detached' });

      // A participant joins (the invite dialog scrolls the facilitator's page back up).
      const phone = await phoneContext.newPage();
      await join(phone, await inviteLink(laptop), 'Sokha', 'Government', 'Sector SWOT');
      await phone.getByLabel('Find on this board').fill('1997');
      await phone.getByText('Note 1997: district teams report on time').waitFor();
      await phone.getByRole('search').evaluate((box) => box.scrollIntoView({ block: 'center' }));
      await screenshot(phone, 'big-board-find-phone');

      // The keyboard reaches the last loose strength: End from the first note's Edit button.
      await strengths.locator('> li').first().getByRole('button', { name: 'Edit' }).focus();
      await laptop.keyboard.press('End');
      const last = strengths.locator('> li[aria-posinset="400"]');
      await expect.poll(() => last.evaluate((li) => li === document.activeElement)).toBe(true);
      await expect(last.locator('p').first().textContent()).resolves.toBe('Note 1996: district teams report on time');
      await laptop.keyboard.press('ArrowUp');
      await expect.poll(() => laptop.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('399');
      // Tab from there goes on into that note's own controls.
      await laptop.keyboard.press('Tab');
      await expect(laptop.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).resolves.toBe('399');

      // The participant's note arrives at the end of that list, where the facilitator is looking.
      await phone.getByLabel('Find on this board').fill('');
      await addSwotNote(phone, 'Strengths', 'Arrived from the phone');
      await laptop.getByTestId('quadrant-strengths').getByText('Arrived from the phone').waitFor();
      await expect(strengths.locator('> li').last().getAttribute('aria-setsize')).resolves.toBe('401');
      expect(await laptop.getByTestId('note').count()).toBeLessThan(NOTES / 10);

      // The facilitator puts a note far down the board on every screen; stepping back, the phone
      // finds its board scrolled to that note, which it had not rendered.
      const far = 'Note 1803: district teams report on time';
      expect(await phone.getByText(far).count()).toBe(0);
      await laptop.getByLabel('Find on this board').fill('note 1803');
      await laptop.getByRole('button', { name: `Put “${far}” on every screen` }).click();
      await phone.getByTestId('focus').waitFor();
      await phone.getByRole('button', { name: 'Back to the board' }).click();
      await expect.poll(() => phone.getByText(far).isVisible()).toBe(true);
      await expect(phone.getByText(far).evaluate((p) => {
        const box = p.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      })).resolves.toBe(true);
    })));
});
