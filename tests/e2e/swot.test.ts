import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, launch, startTestHub, withContext } from './harness';
import { addBoard, createWorkshop, inviteLink, join, useTransports } from './workshop-steps';

let browser: Browser;
let hub: Awaited<ReturnType<typeof startTestHub>>;
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const quadrant = (page: Page, name: string) => page.getByTestId(`quadrant-${name}`);
const notesIn = (page: Page, name: string) => quadrant(page, name).getByTestId('note').locator('p').allTextContents();
async function addTo(page: Page, name: string, label: string, text: string) {
  await page.getByLabel(`New note in ${label}`).fill(text);
  await quadrant(page, name).getByRole('button', { name: 'Add note' }).click();
  await quadrant(page, name).getByText(text).waitFor();
}

describe('SWOT grid, a facilitator on a laptop and a participant on a phone', () => {
  it('both add notes to quadrants, move them with the menu, filter by group, and undo only their own', () =>
    withContext(browser, LAPTOP, (laptopContext) => withContext(browser, PHONE, async (phoneContext) => {
      for (const c of [laptopContext, phoneContext]) await useTransports(c, { relay: true, peers: false });
      const laptop = await laptopContext.newPage();
      await laptop.goto(hub.url);
      await laptop.getByRole('link', { name: 'My profile' }).click();
      await laptop.getByLabel('Your name').fill('Dara');
      await laptop.getByLabel('Your stakeholder group').fill('Development Partners');
      await laptop.getByRole('button', { name: 'Save profile' }).click();
      await createWorkshop(laptop, hub.url, 'TWG alignment');
      await addBoard(laptop, 'Health sector SWOT', 'SWOT grid');
      const link = await inviteLink(laptop);

      const phone = await phoneContext.newPage();
      await join(phone, link, 'Sokha', 'Government', 'Health sector SWOT');

      await addTo(phone, 'strengths', 'Strengths', 'Strong district health teams');
      await addTo(laptop, 'weaknesses', 'Weaknesses', 'Fragmented reporting systems');
      await addTo(phone, 'threats', 'Threats', 'Budget cuts next year');
      await quadrant(laptop, 'threats').getByText('Budget cuts next year').waitFor();
      await quadrant(phone, 'weaknesses').getByText('Fragmented reporting systems').waitFor();

      // The phone moves its threat to opportunities with the move menu; the laptop sees it move.
      await quadrant(phone, 'threats').getByLabel('Move this note to another quadrant').selectOption({ label: 'Opportunities' });
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

      await laptop.screenshot({ path: '/tmp/screens/laptop-8-swot.png', fullPage: true });
      await phone.screenshot({ path: '/tmp/screens/phone-8-swot.png', fullPage: true });
    })));
});
