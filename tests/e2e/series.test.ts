import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { listActions } from '../../src/core/series/actions';
import { WorkshopSync } from '../../src/sync/connection';
import { parseInvite } from '../../src/sync/invite';
import { readDocx } from '../unit/export/docx-read';
import { joinRoom } from '../../src/sync/node-client';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addNote, facilitatorAndPhone, inviteLink, join, waitForNotes } from './workshop-steps';

const env = useHubAndBrowser();
const BOARD = 'Next steps';
const ACTION = 'Share the district data calendar';
const PARKED = 'Pooled funding for surveys';
const DECIDED = 'Review the plan every quarter';
const EDITED = 'Share the district and provincial data calendars';

const note = (page: Page, text: string) => page.getByTestId('note').filter({ hasText: text });
const since = (page: Page) => page.getByTestId('since-last-time');
const actionCard = (scope: Page | ReturnType<typeof since>, text: string) => scope.getByTestId('action').filter({ hasText: text });

/** A participant's device that holds only meeting 2: the scripts' client joins its invite, and
 *  with the series the invite names, the series' room (the app's own sync code, relay only). */
async function newcomerSeries(link: string, hub: string) {
  const meeting = await joinRoom(link, { hub });
  const series = parseInvite(new URL(link).hash.replace(/^#\/join/, ''))?.series;
  if (!series) throw new Error('the invite names no series');
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const doc = new Y.Doc();
  const sync = new WorkshopSync(doc, {
    workshopId: series.id, secret: series.secret, hub, register: false, signaling: [], relay: true, peers: false, iceServers: [], own: () => false,
  });
  return { doc, destroy: () => { sync.destroy(); meeting.destroy(); } };
}

describe('two meetings of one series: a facilitator on a laptop, a participant on a phone', () => {
  it('carries actions, parked items and decisions from meeting 1 into meeting 2, and reports both', () =>
    withContext(env.browser, LAPTOP, (laptopContext, laptopErrors) => withContext(env.browser, PHONE, async (phoneContext, phoneErrors) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'Health TWG meeting 1', board: BOARD, kind: 'Notes' });
      await laptop.getByRole('button', { name: 'Start a series with this workshop' }).click();
      await laptop.getByRole('heading', { name: 'Series: Health TWG meeting 1' }).waitFor();

      // Meeting 1: the phone makes an action from its note, owned by the facilitator's group.
      await addNote(phone, ACTION);
      await addNote(laptop, PARKED);
      await addNote(laptop, DECIDED);
      await waitForNotes(phone, [ACTION, PARKED, DECIDED]);
      await note(phone, ACTION).getByRole('button', { name: 'Make an action' }).click();
      await phone.getByLabel('Owner').selectOption({ label: 'Development Partners' });
      await phone.getByLabel('Due').fill('2027-03-31');
      await phone.getByRole('button', { name: 'Add action' }).click();
      await phone.getByText('Action added.').waitFor();
      await screenshot(phone, 'series-meeting1-phone', true);
      // The facilitator parks one item and records a decision on another; the phone is offered neither.
      expect(await note(phone, PARKED).getByRole('button', { name: 'Park' }).count()).toBe(0);
      await note(laptop, PARKED).getByRole('button', { name: 'Park' }).click();
      await note(laptop, DECIDED).getByRole('button', { name: 'Decided…' }).click();
      await laptop.getByLabel("The decision's wording").fill(DECIDED);
      await laptop.getByRole('button', { name: 'Decided', exact: true }).click();
      await expect.poll(() => actionCard(laptop, ACTION).count(), { timeout: 30_000 }).toBe(1);
      await screenshot(laptop, 'series-meeting1-laptop');

      // Meeting 2, made from the home screen's series group: its agenda opens with Since last time.
      await laptop.goto(env.hub.url);
      await laptop.getByRole('button', { name: 'Next meeting' }).click();
      const agenda = laptop.getByRole('region', { name: 'Agenda', exact: true }).getByRole('listitem');
      await agenda.first().getByText('Since last time').waitFor();

      // The phone joins meeting 2; starting the first step brings it to Since last time.
      const link2 = await inviteLink(laptop);
      await join(phone, link2, 'Sokha', 'Government', BOARD);
      await laptop.getByRole('button', { name: 'Start step 1: Since last time' }).click();
      await phone.getByRole('heading', { name: 'Since last time', exact: true }).waitFor({ timeout: 30_000 });
      await actionCard(since(phone), ACTION).waitFor({ timeout: 30_000 });
      await laptop.getByRole('region', { name: /^Series:/ }).getByRole('link', { name: 'Since last time' }).click();
      await actionCard(since(laptop), ACTION).waitFor();
      expect(await since(laptop).count()).toBe(1);
      await since(laptop).getByText(PARKED, { exact: true }).waitFor();
      await since(laptop).getByText(DECIDED, { exact: true }).waitFor();
      await screenshot(laptop, 'series-since-last-time-laptop');
      await screenshot(phone, 'series-since-last-time-phone', true);

      // A participant invited only to meeting 2 (a script device) sees the open action too.
      const newcomer = await newcomerSeries(link2, env.hub.url);
      try {
        await expect.poll(() => listActions(newcomer.doc).map((a) => [a.text, a.status, a.due]), { timeout: 30_000 })
          .toEqual([[ACTION, 'open', '2027-03-31']]);

        // The owner's group, on the laptop, moves it along in Since last time; the phone and
        // the newcomer see it, and the phone's own change of the due date keeps both fields.
        await laptop.locator('summary', { hasText: 'Actions (1)' }).click();
        await laptop.getByText('My actions').click();
        await laptop.getByText('No actions here.').waitFor();
        await laptop.getByText("My group's actions").click();
        expect(await actionCard(laptop, ACTION).count()).toBe(2);
        await actionCard(since(laptop), ACTION).getByLabel('Status').selectOption({ label: 'In progress' });
        await actionCard(since(phone), ACTION).getByLabel('Due').fill('2027-04-30');
        await actionCard(since(phone), ACTION).getByLabel('Due').dispatchEvent('change');
        await expect.poll(() => listActions(newcomer.doc).map((a) => [a.status, a.due]), { timeout: 30_000 })
          .toEqual([['in-progress', '2027-04-30']]);
        await expect.poll(() => actionCard(since(phone), ACTION).getByLabel('Status').inputValue(), { timeout: 30_000 }).toBe('in-progress');
        expect(listActions(newcomer.doc)[0]!.history.map((c) => c.status)).toEqual(['open', 'in-progress']);

        // The phone rewords the action and hands it to the Government group; Undo takes that
        // back for everyone, Redo puts it again.
        await actionCard(since(phone), ACTION).getByRole('button', { name: /^Edit/ }).click();
        await since(phone).getByLabel('What is to be done').fill(EDITED);
        await since(phone).getByLabel('Owner').selectOption({ label: 'Government' });
        await since(phone).getByRole('button', { name: 'Save action' }).click();
        await expect.poll(() => listActions(newcomer.doc).map((a) => [a.text, a.owner?.label, a.status, a.due]), { timeout: 30_000 })
          .toEqual([[EDITED, 'Government', 'in-progress', '2027-04-30']]);
        await actionCard(since(laptop), EDITED).locator('.owner', { hasText: 'Government' }).waitFor({ timeout: 30_000 });
        await phone.getByRole('button', { name: /Undo/ }).click();
        await actionCard(since(laptop), ACTION).locator('.owner', { hasText: 'Development Partners' }).waitFor({ timeout: 30_000 });
        await phone.getByRole('button', { name: /Redo/ }).click();
        await expect.poll(() => listActions(newcomer.doc).map((a) => [a.text, a.owner?.label]), { timeout: 30_000 })
          .toEqual([[EDITED, 'Government']]);
      } finally {
        newcomer.destroy();
      }

      // The parked item goes onto meeting 2's agenda as a timed step; starting it brings the phone there.
      await since(laptop).getByRole('button', { name: 'Put on this agenda' }).click();
      await expect.poll(() => agenda.allTextContents()).toEqual([expect.stringContaining('Since last time'), expect.stringMatching(new RegExp(`${PARKED}.*15 min`))]);
      expect(await since(laptop).getByText('Nothing is waiting on the parking lot.').count()).toBe(1);
      await laptop.getByRole('button', { name: `Start step 2: ${PARKED}` }).click();
      await phone.getByRole('heading', { name: PARKED, exact: true }).waitFor({ timeout: 30_000 });

      // The series report lists both meetings, the action's history and the parked item's fate.
      await laptop.getByRole('button', { name: 'Series report' }).click();
      const [download] = await Promise.all([laptop.waitForEvent('download'), laptop.getByRole('button', { name: 'Download Markdown' }).click()]);
      const report = await new Response((await download.createReadStream()) as unknown as ReadableStream).text();
      expect(report).toContain('Health TWG meeting 1');
      expect(report).toContain('Health TWG meeting 1 — meeting 2');
      expect(report).toContain('Open in Health TWG meeting 1 → In progress in Health TWG meeting 1 — meeting 2');
      expect(report).toContain('On the agenda of Health TWG meeting 1 — meeting 2');
      expect(report).toContain('Review the plan every quarter');
      expect(report).toContain(EDITED);
      // And as Word: the library loads on the click, and the document holds the same history.
      await screenshot(laptop, 'series-report-dialog');
      const [word] = await Promise.all([laptop.waitForEvent('download'), laptop.getByRole('button', { name: 'Download Word (.docx)' }).click()]);
      expect(word.suggestedFilename()).toMatch(/\.docx$/);
      const { text } = readDocx(await new Response((await word.createReadStream()) as unknown as ReadableStream).arrayBuffer());
      expect(text).toContain('Open in Health TWG meeting 1 → In progress in Health TWG meeting 1 — meeting 2');
      expect(laptopErrors).toEqual([]);
      expect(phoneErrors).toEqual([]);
    })), 180_000);
});
