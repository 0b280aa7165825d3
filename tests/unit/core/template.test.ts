import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteBoard, listBoards, moveBoard, updateBoard } from '../../../src/core/boards';
import { addGroup, listGroups } from '../../../src/core/groups';
import { listItems } from '../../../src/core/items';
import { getMeta, initWorkshop, updateMeta } from '../../../src/core/meta';
import { copyAsTemplate } from '../../../src/core/template';
import { addBoard, addItems, newWorkshop, recordWrites, unwrap } from './helpers';

/** A finished workshop: purpose, place, date, three groups, three live boards (one deleted), items. */
function finishedWorkshop() {
  const source = new Y.Doc();
  unwrap(initWorkshop(source, { title: 'Retreat 2024', createdBy: 'p1', locale: 'km' }, 'setup'));
  unwrap(updateMeta(source, { purpose: 'Agree roles\n\nand budget', place: 'Kampot', startsAt: '2024-05-01' }, 'setup'));
  addGroup(source, 'Government', 'setup');
  addGroup(source, 'Donors', 'setup', '#123456');
  addGroup(source, 'Civil society', 'setup');
  const [expectations, rules, gone, actions] = ['Expectations', 'Ground rules', 'Gone', 'Actions'].map((t) => addBoard(source, t));
  unwrap(updateBoard(source, rules!, { prompt: 'What helps us work well?', titleKm: 'ច្បាប់', promptKm: 'អ្វីជួយយើង?' }, 'setup'));
  unwrap(moveBoard(source, actions!, 0, 'setup'));
  unwrap(deleteBoard(source, gone!, 'setup'));
  addItems(source, expectations!, ['Clear roles', 'Fair budget']);
  addItems(source, rules!, ['Phones off'], 'agreed');
  return source;
}

describe('copyAsTemplate', () => {
  it('copies purpose, place and locale under the new title and author', () => {
    const source = finishedWorkshop();
    const target = new Y.Doc();
    const before = Date.now();
    const copied = unwrap(copyAsTemplate(source, target, { title: ' Retreat 2025 ', createdBy: 'p9' }, 'copy'));
    expect([...copied.keys()]).toEqual(listBoards(source).map((b) => b.id));
    expect([...copied.values()]).toEqual(listBoards(target).map((b) => b.id));
    const meta = getMeta(target);
    expect(meta).toMatchObject({
      title: 'Retreat 2025', createdBy: 'p9', purpose: 'Agree roles\n\nand budget', place: 'Kampot', locale: 'km',
      schemaVersion: getMeta(source).schemaVersion,
    });
    expect(meta.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('copies groups with their names and colours, under new ids', () => {
    const source = finishedWorkshop();
    const target = new Y.Doc();
    unwrap(copyAsTemplate(source, target, { title: 'Retreat 2025', createdBy: 'p9' }, 'copy'));
    const strip = (doc: Y.Doc) => listGroups(doc).map(({ name, color }) => ({ name, color }));
    expect(strip(target)).toEqual(strip(source));
    const sourceIds = new Set(listGroups(source).map((g) => g.id));
    expect(listGroups(target).some((g) => sourceIds.has(g.id))).toBe(false);
  });

  it('copies the live boards in agenda order with type, title and prompt in both languages, but no items', () => {
    const source = finishedWorkshop();
    const target = new Y.Doc();
    unwrap(copyAsTemplate(source, target, { title: 'Retreat 2025', createdBy: 'p9' }, 'copy'));
    const boards = listBoards(target);
    expect(boards.map(({ id: _, ...board }) => board)).toEqual([
      { title: 'Actions', type: 'notes', prompt: '', itemCount: 0 },
      { title: 'Expectations', type: 'notes', prompt: '', itemCount: 0 },
      { title: 'Ground rules', type: 'notes', prompt: 'What helps us work well?', titleKm: 'ច្បាប់', promptKm: 'អ្វីជួយយើង?', itemCount: 0 },
    ]);
    for (const board of boards) expect(listItems(target, board.id)).toEqual([]);
    const sourceIds = new Set(listBoards(source).map((b) => b.id));
    expect(boards.some((b) => sourceIds.has(b.id))).toBe(false);
  });

  it('leaves the source untouched', () => {
    const source = finishedWorkshop();
    const state = Y.encodeStateAsUpdate(source);
    copyAsTemplate(source, new Y.Doc(), { title: 'Retreat 2025', createdBy: 'p9' }, 'copy');
    expect(Y.encodeStateAsUpdate(source)).toEqual(state);
  });

  it('does not copy the date: a new run is scheduled anew', () => {
    const target = new Y.Doc();
    unwrap(copyAsTemplate(finishedWorkshop(), target, { title: 'Retreat 2025', createdBy: 'p9' }, 'copy'));
    expect(getMeta(target).startsAt).toBe('');
  });

  it('writes everything with the given origin', () => {
    const source = finishedWorkshop();
    const target = new Y.Doc();
    const { result, origins } = recordWrites(target, () =>
      copyAsTemplate(source, target, { title: 'Retreat 2025', createdBy: 'p9' }, 'copy'));
    expect(result.ok).toBe(true);
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.every((o) => o === 'copy')).toBe(true);
  });

  it('copies an empty workshop', () => {
    const target = new Y.Doc();
    unwrap(copyAsTemplate(newWorkshop('Empty'), target, { title: 'Copy', createdBy: 'p9' }, 'copy'));
    expect(getMeta(target).title).toBe('Copy');
    expect(listBoards(target)).toEqual([]);
    expect(listGroups(target)).toEqual([]);
  });

  it('rejects an empty new title and leaves the target empty', () => {
    const target = new Y.Doc();
    const { result, updates } = recordWrites(target, () =>
      copyAsTemplate(finishedWorkshop(), target, { title: '  ', createdBy: 'p9' }, 'copy'));
    expect(result).toMatchObject({ ok: false, error: 'empty' });
    expect(updates).toBe(0);
    expect(listBoards(target)).toEqual([]);
    expect(listGroups(target)).toEqual([]);
  });
});
