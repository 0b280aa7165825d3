import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import { createBoard, listBoards } from '../../../src/core/boards';
import * as Y from 'yjs';
import { DeletionWitness, restoreDeleted } from '../../../src/core/deleted-entries';
import { addItem, listItems } from '../../../src/core/items';
import { itemsOf } from '../../../src/core/schema';
import { dexieDeletedStore } from '../../../src/storage/deleted-store';
import { SaveStatus } from '../../../src/storage/save-status';
import { getMeta, initWorkshop } from '../../../src/core/meta';
import { openDb, type CommonGroundDb } from '../../../src/storage/db';
import { dexieWorkshopStore, UNDO_WINDOW_MS } from '../../../src/storage/workshop-store';
import { loadProfile, saveProfile } from '../../../src/storage/profile-store';

let dbs: CommonGroundDb[] = [];
let name = '';
async function freshDb(reuse = false) {
  if (!reuse) name = `test-${Math.random()}`;
  const db = await openDb(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) db.close();
  dbs = [];
  await Dexie.delete(name);
});

async function seed(db: CommonGroundDb, id = 'w1') {
  const store = dexieWorkshopStore(db);
  await store.create({ id, title: 'TWG retreat', role: 'facilitator' }, (doc) => {
    initWorkshop(doc, { title: 'TWG retreat', createdBy: 'p1' }, 'test');
    createBoard(doc, { type: 'notes', title: 'Expectations' }, 'test');
  });
  return store;
}

describe('workshop store (y-dexie)', () => {
  it('creates a workshop whose document opens with its content', async () => {
    const store = await seed(await freshDb());
    const opened = await store.open('w1');
    expect(opened).toBeDefined();
    expect(getMeta(opened!.doc).title).toBe('TWG retreat');
    expect(listBoards(opened!.doc).map((b) => b.title)).toEqual(['Expectations']);
    opened!.close();
  });

  it('persists every edit with no save step: a second database connection sees it', async () => {
    const db = await freshDb();
    const store = await seed(db);
    const opened = (await store.open('w1'))!;
    const board = listBoards(opened.doc)[0]!.id;
    addItem(opened.doc, board, { text: 'Clear roles', createdBy: 'p1', group: '' }, 'test');
    await db.saveStatus.settled();
    opened.close();
    db.close();
    const again = dexieWorkshopStore(await freshDb(true));
    const reopened = (await again.open('w1'))!;
    expect(listItems(reopened.doc, board).map((i) => i.text)).toEqual(['Clear roles']);
    reopened.close();
  });

  it('lists workshops newest first and hides deleted ones until restored, then purges them', async () => {
    const db = await freshDb();
    const store = await seed(db, 'a');
    await seed(db, 'b');
    await store.setSummary('a', { updatedAt: Date.now() + 1000 });
    const seen: string[][] = [];
    const stop = store.watchList((rows) => seen.push(rows.map((r) => r.id)), (e) => { throw e; });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['a', 'b']));
    await store.remove('a');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['b']));
    expect(await store.purgeExpired()).toEqual([]);
    await store.restore('a');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['a', 'b']));
    await store.remove('b');
    expect(await store.purgeExpired(Date.now() + UNDO_WINDOW_MS)).toEqual(['b']);
    expect(await store.get('b')).toBeUndefined();
    expect(await db.table('$workshops.doc_updates').where('k').equals('b').count()).toBe(0);
    stop();
  });

  it('keeps a stable participant id and saves profile changes', async () => {
    const db = await freshDb();
    const first = await loadProfile(db, '#E69F00');
    await saveProfile(db, { name: 'Sokha', group: 'Government' });
    const second = await loadProfile(db, '#000000');
    expect(second).toEqual({ ...first, name: 'Sokha', group: 'Government' });
  });
});

describe('deleted entries kept with the workshop', () => {
  it('an existing device\'s database gains the table and keeps its workshops', async () => {
    name = `test-${Math.random()}`;
    const old = new Dexie(name, { addons: [yDexie] }) as CommonGroundDb;
    old.version(1).stores({ workshops: 'id, updatedAt, doc: Y.Doc', profile: 'key' });
    old.saveStatus = new SaveStatus();
    await seed(old);
    old.close();
    const store = dexieWorkshopStore(await freshDb(true));
    const opened = (await store.open('w1'))!;
    expect(listBoards(opened.doc).map((b) => b.title)).toEqual(['Expectations']);
    expect(await dexieDeletedStore(dbs.at(-1)!).list('w1')).toEqual([]);
    opened.close();
  });

  it('stores what a modified client deleted, lists it after a restart, forgets it once restored and when the workshop is purged', async () => {
    const db = await freshDb();
    const store = await seed(db);
    const deleted = dexieDeletedStore(db);
    const opened = (await store.open('w1'))!;
    const board = listBoards(opened.doc)[0]!.id;
    addItem(opened.doc, board, { text: 'Clean water', createdBy: 'p1', group: '' }, 'test');
    const writes: Promise<void>[] = [];
    const witness = new DeletionWitness(opened.doc, ({ added, back }) => writes.push(deleted.update('w1', added, back)));

    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(opened.doc));
    attacker.transact(() => { for (const id of [...itemsOf(attacker, board)!.keys()]) itemsOf(attacker, board)!.delete(id); });
    Y.applyUpdate(opened.doc, Y.encodeStateAsUpdate(attacker), 'remote');
    await Promise.all(writes);
    expect(listItems(opened.doc, board)).toEqual([]);

    const kept = await dexieDeletedStore(await freshDb(true)).list('w1');
    expect(kept.map((d) => d.label)).toEqual(['Clean water']);
    restoreDeleted(opened.doc, kept[0]!, 'test');
    await Promise.all(writes);
    expect(listItems(opened.doc, board).map((i) => i.text)).toEqual(['Clean water']);
    expect(await deleted.list('w1')).toEqual([]);

    await deleted.update('w1', kept, []);
    await store.remove('w1');
    await store.purgeExpired(Date.now() + UNDO_WINDOW_MS);
    expect(await deleted.list('w1')).toEqual([]);
    witness.destroy();
    opened.close();
  });
});
