import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BOARD_KIND_RECORDS, BOARD_TYPES } from '../../src/core/board-kinds';
import { en } from '../../src/i18n/en';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addBoard, createWorkshop } from './workshop-steps';

const env = useHubAndBrowser();

/** Back to the agenda, which a phone hides while a board is open. */
async function backToAgenda(page: Page) {
  const back = page.getByRole('link', { name: /Boards/ });
  if (await back.isVisible()) await back.click();
}

describe('every kind of board gets the shared frame', () => {
  for (const [name, device] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    it(`on a ${name}: Undo/Redo, the lock notice, and vote results where the kind has dot votes`, () =>
      withContext(env.browser, device, async (context, errors) => {
        const page = await context.newPage();
        await createWorkshop(page, env.hub.url, 'Frame check', 'First');
        for (const kind of BOARD_TYPES) {
          await backToAgenda(page);
          const title = `A ${kind} board`;
          await addBoard(page, title, en[`board.kind.${kind}`]);
          const board = page.locator('.board-pane');
          await board.getByRole('button', { name: 'Undo' }).waitFor();
          await board.getByRole('button', { name: 'Redo' }).waitFor();

          await board.getByRole('button', { name: 'Lock board' }).click();
          await board.getByTestId('locked-notice').waitFor();
          await screenshot(page, `frame-${kind}-${name}`, true);
          await board.getByRole('button', { name: 'Unlock board' }).click();
          await board.getByTestId('locked-notice').waitFor({ state: 'detached' });

          const open = board.getByRole('button', { name: 'Open dot vote' });
          if (BOARD_KIND_RECORDS[kind].noteFacilitation) {
            await open.click();
            await board.getByTestId('vote-results').waitFor();
            await board.getByTestId('dot-vote').waitFor();
          } else {
            expect(await open.count()).toBe(0);
            expect(await board.getByTestId('vote-results').count()).toBe(0);
          }
        }
        expect(errors).toEqual([]);
      }));
  }
});
