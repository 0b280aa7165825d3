import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/core/schema';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { listeningDevice } from './room-client';
import { addNote, facilitatorAndPhone, inviteLink, waitForNotes } from './workshop-steps';

const env = useHubAndBrowser();
const BOARD = 'Hopes for today';
const NOTES = ['Clear next steps', 'Shared indicators', 'Budget clarity', 'A calendar we keep'];

/** Note texts in the order the board shows them. */
const shownNotes = (page: Page) => page.getByTestId('note').locator('p').allTextContents();
const panel = (page: Page) => page.locator('details.recently-deleted');

describe('Recently deleted, a facilitator on a laptop and a participant on a phone', () => {
  it('every note deleted by a modified client in one update comes back, one tap each or all at once', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: BOARD, kind: 'Notes' });
      for (const [i, text] of NOTES.entries()) await addNote(i % 2 ? laptop : phone, text);
      await waitForNotes(laptop, NOTES);
      await waitForNotes(phone, NOTES);
      const order = await shownNotes(laptop);

      // A participant's modified client deletes every note of the board in one Yjs update,
      // straight from the shared map, with none of the app's own bookkeeping.
      const raw = await listeningDevice(await inviteLink(laptop), env.hub.url);
      try {
        const boardId = raw.doc.getArray<string>('boards').toArray()
          .find((id) => raw.doc.getMap(`board:${id}`).get('title') === BOARD)!;
        await expect.poll(() => itemsOf(raw.doc, boardId)?.size).toBe(NOTES.length);
        const before = raw.updates.length;
        raw.doc.transact(() => { for (const id of [...itemsOf(raw.doc, boardId)!.keys()]) itemsOf(raw.doc, boardId)!.delete(id); });
        const update = raw.updates.slice(before);
        expect(update).toHaveLength(1);
        expect(update[0]!.length).toBeLessThan(600);
      } finally {
        raw.destroy();
      }
      await waitForNotes(laptop, []);
      await waitForNotes(phone, []);

      // The list survives a reload: the device kept it with the workshop.
      await laptop.reload();
      await laptop.getByRole('heading', { name: BOARD }).waitFor();
      await panel(laptop).locator('summary', { hasText: `Recently deleted (${NOTES.length})` }).click();
      for (const text of NOTES) await expect.poll(() => panel(laptop).getByText(text, { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => panel(laptop).getByText(/^Deleted elsewhere/).count()).toBe(NOTES.length);
      await screenshot(laptop, 'recently-deleted-laptop');
      await laptop.setViewportSize(PHONE.viewport);
      await screenshot(laptop, 'recently-deleted-phone', true);
      await laptop.setViewportSize(LAPTOP.viewport);
      expect(await panel(phone).count()).toBe(0);

      await laptop.getByRole('button', { name: `Restore “${NOTES[2]}”` }).click();
      await waitForNotes(phone, [NOTES[2]!]);
      await laptop.getByRole('button', { name: `Restore all ${NOTES.length - 1}` }).click();
      await waitForNotes(phone, NOTES);
      await waitForNotes(laptop, NOTES);
      expect(await shownNotes(laptop)).toEqual(order);
      expect(await shownNotes(phone)).toEqual(order);
      expect(await panel(laptop).count()).toBe(0);
      expect(await panel(phone).count()).toBe(0);
    })));
});
