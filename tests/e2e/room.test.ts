import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useHubAndBrowser } from './harness';
import { FOUR_PHONES, addNote, waitForNotes, withRoomOfPhones } from './workshop-steps';

const env = useHubAndBrowser();
const BOARD = 'Expectations';
const NAMES = ['Dara', ...FOUR_PHONES.map((p) => p.name)];

const card = (page: Page, text: string) => page.getByTestId('note').filter({ hasText: text });
/** What the board shows, as a person reads it. */
const boardText = (page: Page) => page.locator('article.board').innerText();
const otherNames = (page: Page, own: string) => boardText(page).then((text) => NAMES.filter((n) => n !== own && text.includes(n)));

describe('a room of phones', () => {
  it('names on arrival, own words, anonymity, who has spoken and focus, with a facilitator and four phones', () =>
    withRoomOfPhones(env.browser, env.hub.url, { workshop: 'TWG strategic meeting', board: BOARD, atNameAsk: (dara) => screenshot(dara, 'room-name-ask-laptop') },
      async ({ dara, phones, errors }) => {
      // Names on arrival: the roster names Dara, not "Facilitator (no name yet)", on every device.
      await expect.poll(() => dara.getByTestId('facilitator').first().innerText()).toContain('Dara');
      await expect(dara.getByText('Facilitator (no name yet)').count()).resolves.toBe(0);

      const { Sokha: sokha, Chan: chan, Vanna: vanna, Bopha: bopha } = phones;
      await addNote(sokha, 'Meet monthly');
      await addNote(sokha, 'Share the data');
      await addNote(chan, 'Joint field visits');
      await addNote(vanna, 'One reporting format');
      const all = ['Meet monthly', 'Share the data', 'Joint field visits', 'One reporting format'];
      for (const page of [dara, sokha, chan, vanna, bopha]) await waitForNotes(page, all);

      // Own words: Vanna edits and deletes only her own note; Dara any.
      await expect(card(vanna, 'One reporting format').getByRole('button', { name: 'Edit' }).count()).resolves.toBe(1);
      await expect(card(vanna, 'Meet monthly').getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
      await expect(card(vanna, 'Meet monthly').getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
      await expect(card(dara, 'Meet monthly').getByRole('button', { name: 'Delete' }).count()).resolves.toBe(1);
      await screenshot(vanna, 'room-own-words-phone', true);
      // A shared draft: the facilitator opens editing to everyone.
      await dara.getByLabel('Everyone may edit every entry').check();
      await card(vanna, 'Meet monthly').getByRole('button', { name: 'Edit' }).waitFor();
      await dara.getByLabel('Everyone may edit every entry').uncheck();
      await card(vanna, 'Meet monthly').getByRole('button', { name: 'Edit' }).waitFor({ state: 'detached' });

      // Anonymity: names by default; then groups only; then nothing but the text, on every screen.
      await expect.poll(() => otherNames(vanna, 'Vanna')).toEqual(['Sokha', 'Chan']);
      await dara.getByLabel('Authors shown').selectOption({ label: 'Groups only' });
      for (const [name, page] of Object.entries(phones)) {
        await expect.poll(() => otherNames(page, name)).toEqual([]);
        expect(await boardText(page)).toContain('Government');
      }
      await dara.getByLabel('Authors shown').selectOption({ label: 'Nothing, only the text' });
      for (const [name, page] of Object.entries(phones)) {
        await expect.poll(async () => [await otherNames(page, name), (await boardText(page)).includes('Government')]).toEqual([[], false]);
      }
      await screenshot(sokha, 'room-anonymous-phone', true);
      await screenshot(dara, 'room-anonymous-laptop');

      // Who has spoken: only the facilitator sees it; Bopha has not written yet.
      const spoken = dara.getByTestId('participation');
      await spoken.locator('summary').click();
      await expect.poll(() => spoken.getByTestId('spoken-people').innerText()).toBe('Sokha: 2\nChan: 1\nVanna: 1');
      await expect.poll(() => spoken.getByTestId('spoken-groups').innerText()).toBe('Government: 3\nDevelopment Partners: 1');
      await expect.poll(() => spoken.getByTestId('spoken-quiet').innerText()).toBe('Bopha · Development Partners');
      await addNote(bopha, 'Rotate the chair');
      await expect.poll(() => spoken.getByText('Everyone has contributed.').count()).toBe(1);
      await screenshot(dara, 'room-participation-laptop');
      for (const page of Object.values(phones)) expect(await page.getByTestId('participation').count()).toBe(0);

      // Focus: one note on every screen, the projector too; a participant may step back alone,
      // and the facilitator brings everyone back.
      await dara.getByRole('button', { name: 'Put “Share the data” on every screen' }).click();
      for (const page of [dara, ...Object.values(phones)]) {
        await expect.poll(() => page.getByTestId('focus').locator('#focus-text').textContent()).toBe('Share the data');
      }
      await screenshot(chan, 'room-focus-phone');
      await screenshot(dara, 'room-focus-laptop');
      await sokha.getByRole('button', { name: 'Back to the board' }).click();
      await sokha.getByTestId('focus').waitFor({ state: 'detached' });
      expect(await chan.getByTestId('focus').count()).toBe(1);
      await dara.getByRole('button', { name: 'Back to the board for everyone' }).click();
      for (const page of [dara, ...Object.values(phones)]) await page.getByTestId('focus').waitFor({ state: 'detached' });
      await addNote(chan, 'After the focus');
      await waitForNotes(dara, [...all, 'Rotate the chair', 'After the focus']);

      expect(errors.flat()).toEqual([]);
    }), 240_000);
});
