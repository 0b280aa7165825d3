import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { listBoards, updateBoard } from '../../src/core/boards';
import { addItem, deleteItem, listItems } from '../../src/core/items';
import { BACKUP_MAX_BYTES, encodeBackup, parseBackup } from '../../src/export/backup';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { addNote, createWorkshop, useTransports, waitForNotes } from './workshop-steps';

const env = useHubAndBrowser();
const files = mkdtempSync(join(tmpdir(), 'cg-import-preview-'));
const NOTES = ['Clear roles', 'A shared plan', 'Data we trust', 'Fewer meetings', 'Follow-up in March'];

/** The workshop's backup file as the app saves it, read back into a document. */
async function savedBackup(page: Page): Promise<{ id: string; doc: Y.Doc }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save backup file' }).click()]);
  await page.getByRole('button', { name: 'Close' }).click();
  const path = join(files, 'saved.json');
  await download.saveAs(path);
  const parsed = parseBackup(readFileSync(path, 'utf8'), { maxBytes: BACKUP_MAX_BYTES });
  if (!parsed.ok) throw new Error(`the app's backup did not parse: ${parsed.error}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, parsed.value.update);
  return { id: parsed.value.id, doc };
}

/** A backup file written from `doc` after `change`, with a valid checksum: what a modified client can hand over. */
function craft(name: string, id: string, source: Y.Doc, change: (doc: Y.Doc, board: string) => void): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  change(doc, listBoards(doc)[0]!.id);
  const path = join(files, name);
  writeFileSync(path, encodeBackup(doc, { id }));
  return path;
}

async function importFile(page: Page, path: string) {
  await page.goto(env.hub.url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a backup file' }).click()]);
  await chooser.setFiles(path);
}

describe('import preview', () => {
  it('a file that removes notes shows them and merges only when confirmed; one that only adds merges without asking', () =>
    withContext(env.browser, LAPTOP, async (context, errors) => {
      await useTransports(context, { relay: false, peers: false });
      const page = await context.newPage();
      await createWorkshop(page, env.hub.url, 'Retreat', 'Expectations');
      for (const text of NOTES) await addNote(page, text);
      await waitForNotes(page, NOTES);
      const { id, doc } = await savedBackup(page);

      const addsOnly = craft('adds.json', id, doc, (d, board) => {
        addItem(d, board, { text: 'Written on a phone offline', createdBy: 'phone', group: '' }, 'phone');
      });
      const wipe = craft('wipe.json', id, doc, (d, board) => {
        for (const item of listItems(d, board)) deleteItem(d, board, item.id, 'attack');
        updateBoard(d, board, { title: 'Nothing here' }, 'attack');
      });

      // Only additions: merged at once, and the toast says what came in.
      await importFile(page, addsOnly);
      await page.getByText('Merged the backup into “Retreat”: 1 note added. Nothing was lost.').waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByRole('link', { name: /Expectations/ }).click();
      await waitForNotes(page, [...NOTES, 'Written on a phone offline']);

      // Removals: the preview names them, and Cancel merges nothing.
      await importFile(page, wipe);
      const dialog = page.getByRole('dialog', { name: 'Merge this backup into “Retreat”?' });
      await dialog.waitFor();
      await dialog.getByText('Renamed from “Expectations”').waitFor();
      await dialog.getByText('5 notes removed').waitFor();
      for (const text of NOTES) await dialog.getByRole('listitem').getByText(`“${text}”`).waitFor();
      await screenshot(page, 'import-preview-laptop');
      await page.setViewportSize(PHONE.viewport);
      await screenshot(page, 'import-preview-phone');
      const merge = dialog.getByRole('button', { name: 'Merge and remove 5 notes' });
      expect(await merge.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Nothing was imported.').waitFor();
      await page.getByRole('link', { name: /Retreat/ }).click();
      await page.getByRole('link', { name: /Expectations/ }).click();
      await waitForNotes(page, [...NOTES, 'Written on a phone offline']);

      // Confirmed: exactly what the preview said happens.
      await importFile(page, wipe);
      await dialog.getByRole('button', { name: 'Merge and remove 5 notes' }).click();
      await page.getByText('Merged the backup into “Retreat”: 5 notes removed, 1 board changed.').waitFor();
      await page.getByRole('link', { name: /Nothing here/ }).click();
      await waitForNotes(page, ['Written on a phone offline']);
      expect(errors).toEqual([]);
    }));
});
