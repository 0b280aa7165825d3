import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { addProposal, listProposals } from '../../../src/core/ground-rules';
import { listItems, moveItem } from '../../../src/core/items';
import { keyAt, orderKey, type Ordered } from '../../../src/core/order';
import { SCHEMA_VERSION, boardMapOf, itemsOf, metaOf, migrate } from '../../../src/core/schema';
import { addStakeholder, listStakeholders } from '../../../src/core/stakeholders';
import { addCluster, listClusters } from '../../../src/core/swot';
import { addBoardOf, addItems, exchange, joinDevice, newWorkshop, recordWrites, unwrap, workshopWithBoard } from './helpers';

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

/** Sets what version 1 stored: a number per entry of one of a board's maps. */
function writeVersion1(doc: Y.Doc, board: string, part: string, orders: ReadonlyMap<string, number | undefined>): void {
  doc.transact(() => {
    const entries = boardMapOf(doc, board).get(part) as Y.Map<Y.Map<unknown>>;
    for (const [id, order] of orders) {
      if (order === undefined) entries.get(id)!.delete('order');
      else entries.get(id)!.set('order', order);
    }
  });
}

const stampVersion1 = (doc: Y.Doc) => doc.transact(() => metaOf(doc).set('schemaVersion', 1));

/** A version-1 workshop with every kind of ordered entry, each list with a tie, and the order
 *  version 1 showed them in. */
function version1Workshop() {
  const doc = newWorkshop();
  const notes = addBoardOf(doc, 'notes');
  const [n1, n2, n3, n4, n5] = addItems(doc, notes, ['n1', 'n2', 'n3', 'n4', 'n5']).sort();
  // Items tied on a number showed the older first, before ids: here the later id is older.
  doc.transact(() => {
    itemsOf(doc, notes)!.get(n1!)!.set('createdAt', 2_000);
    itemsOf(doc, notes)!.get(n2!)!.set('createdAt', 1_000);
  });
  writeVersion1(doc, notes, 'items', new Map([[n1!, 2], [n2!, 2], [n3!, -1], [n4!, 1.5], [n5!, undefined]]));
  const swot = addBoardOf(doc, 'swot');
  const [c1, c2, c3] = ['c1', 'c2', 'c3'].map((title) => unwrap(addCluster(doc, swot, { title, quadrant: 'threats' }, 'v1')));
  writeVersion1(doc, swot, 'clusters', new Map([[c1!, 3], [c2!, 0.25], [c3!, 3]]));
  const rules = addBoardOf(doc, 'ground-rules');
  const [p1, p2, p3] = ['p1', 'p2', 'p3'].map((text) => unwrap(addProposal(doc, rules, { text, proposedBy: 'p1' }, 'v1')));
  writeVersion1(doc, rules, 'proposals', new Map([[p1!, 10], [p2!, 1e-9], [p3!, 10]]));
  const map = addBoardOf(doc, 'stakeholders');
  const [s1, s2] = ['s1', 's2'].map((name) => unwrap(addStakeholder(doc, map, { name, createdBy: 'p1' }, 'v1')));
  writeVersion1(doc, map, 'stakeholders', new Map([[s1!, 2], [s2!, 1]]));
  stampVersion1(doc);
  const byId = (a: string, b: string) => (a < b ? [a, b] : [b, a]);
  return {
    doc, notes, swot, rules, map,
    shown: {
      items: [n3!, n5!, n4!, n2!, n1!],
      clusters: [c2!, ...byId(c1!, c3!)],
      proposals: [p2!, ...byId(p1!, p3!)],
      stakeholders: [s2!, s1!],
    },
  };
}

function shown(doc: Y.Doc, w: ReturnType<typeof version1Workshop>) {
  return {
    items: ids(listItems(doc, w.notes)),
    clusters: ids(listClusters(doc, w.swot, 'threats')),
    proposals: ids(listProposals(doc, w.rules)),
    stakeholders: ids(listStakeholders(doc, w.map)),
  };
}

/** Every `order` stored on the board maps of a document. */
function storedOrders(doc: Y.Doc): unknown[] {
  return [...doc.share.keys()].filter((n) => n.startsWith('board:')).flatMap((name) =>
    ['items', 'clusters', 'proposals', 'stakeholders'].flatMap((part) => {
      const entries = doc.getMap<unknown>(name).get(part);
      return entries instanceof Y.Map ? [...entries.values()].map((e: Y.Map<unknown>) => e.get('order')) : [];
    }));
}

describe('order keys', () => {
  it('read version-1 numbers in numeric order, as keys the library accepts', () => {
    const numbers = [-Infinity, -1e300, -2.5, -1, -1e-300, 0, 1e-300, 0.5, 1, 1.5, 2, 3, 1e300, Infinity, Number.NaN];
    const keys = numbers.map((n) => orderKey(n, ['x']));
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(() => generateKeyBetween(key, null)).not.toThrow();
    expect(orderKey(-0, ['x'])).toBe(orderKey(0, ['x']));
    expect(orderKey(undefined, ['x'])).toBe(orderKey(0, ['x']));
  });

  it('keep equal numbers apart by their ties, in the order of the ties', () => {
    expect(orderKey(2, [1_000, 'b']) < orderKey(2, [2_000, 'a'])).toBe(true);
    expect(orderKey(2, ['a']) < orderKey(2, ['ab'])).toBe(true);
    expect(orderKey(2, ['ab']) < orderKey(2, ['b'])).toBe(true);
    expect(orderKey(2, ['z']) < orderKey(2.000001, ['a'])).toBe(true);
  });

  it('read anything that is not a key nor a number after every number', () => {
    for (const junk of ['', '3', 'a', 'a10', 'b1', 'ü0', 'a0 ', true, {}]) {
      const key = orderKey(junk, ['x']);
      expect(key).toBe(orderKey(Number.NaN, ['x']));
      expect(() => generateKeyBetween(key, null)).not.toThrow();
    }
    for (const key of ['a0', 'a1V', 'Zz', 'b00', 'b001']) expect(orderKey(key, ['x'])).toBe(key);
  });

  it('put an entry at any slot of any list built by insertions anywhere', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 200 }), (slots) => {
      const list: Ordered[] = [];
      slots.forEach((slot, n) => list.splice(slot % (list.length + 1), 0, { id: String(n), order: keyAt(list, slot % (list.length + 1)) }));
      const keys = list.map((e) => e.order);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(keys.length);
    }), { numRuns: 200 });
  });

  it('find a slot between any two neighbours, and after entries that share a key', () => {
    const list = [{ id: 'a', order: 'a0' }, { id: 'b', order: 'a0' }, { id: 'c', order: 'a1' }];
    const between = keyAt(list, 2);
    expect(between > 'a0' && between < 'a1').toBe(true);
    // 'a' and 'b' share a key: a slot between them cannot be written, so it goes after both.
    const tied = keyAt(list, 1);
    expect(tied > 'a0' && tied < 'a1').toBe(true);
    expect(keyAt(list, 0) < 'a0').toBe(true);
    expect(keyAt(list, 3) > 'a1').toBe(true);
  });
});

describe('schema version 2', () => {
  it('turns every numeric order into a key and keeps the order every list showed', () => {
    const w = version1Workshop();
    expect(shown(w.doc, w)).toEqual(w.shown);
    const { result, updates } = recordWrites(w.doc, () => migrate(w.doc, 'migration'));
    expect(result).toEqual({ ok: true, value: 1 });
    expect(updates).toBe(1);
    expect(SCHEMA_VERSION).toBe(2);
    expect(storedOrders(w.doc).every((o) => typeof o === 'string')).toBe(true);
    expect(shown(w.doc, w)).toEqual(w.shown);
    // The two items that were tied on one number can have another put between them.
    const [first, ...rest] = w.shown.items;
    unwrap(moveItem(w.doc, w.notes, first!, { toIndex: 3 }, 'me'));
    expect(ids(listItems(w.doc, w.notes))).toEqual([...rest.slice(0, 3), first, rest[3]]);
  });

  it('writes the same keys on two devices that migrate one document at once', () => {
    const w = version1Workshop();
    const other = joinDevice(w.doc);
    unwrap(migrate(w.doc, 'a'));
    unwrap(migrate(other, 'b'));
    expect(storedOrders(other)).toEqual(storedOrders(w.doc));
    exchange(w.doc, other);
    expect(shown(w.doc, w)).toEqual(w.shown);
    expect(shown(other, w)).toEqual(w.shown);
  });

  it('changes nothing in a document already at version 2', () => {
    const w = version1Workshop();
    unwrap(migrate(w.doc, 'migration'));
    const state = Y.encodeStateAsUpdate(w.doc);
    const { result, updates } = recordWrites(w.doc, () => migrate(w.doc, 'migration'));
    expect(result).toEqual({ ok: true, value: 2 });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(w.doc)).toEqual(state);
  });

  it('refuses a version-3 document', () => {
    const doc = newWorkshop();
    doc.transact(() => metaOf(doc).set('schemaVersion', 3));
    expect(migrate(doc, 'migration')).toEqual({ ok: false, error: 'newer-schema', detail: '3 > 2' });
  });

  it('sorts what an older device wrote offline among the migrated keys, and moves it with a key', () => {
    const { doc: old, board } = workshopWithBoard();
    const [a, b, c] = addItems(old, board, ['a', 'b', 'c']);
    writeVersion1(old, board, 'items', new Map([[a!, 1], [b!, 2], [c!, 3]]));
    stampVersion1(old);
    const upgraded = joinDevice(old);
    unwrap(migrate(upgraded, 'migration'));
    const [e] = addItems(upgraded, board, ['e']);
    unwrap(moveItem(upgraded, board, a!, { toIndex: 3 }, 'me'));
    // The older device, offline, appends d as version 1 did and puts g between a and b.
    const [d, g] = addItems(old, board, ['d', 'g']);
    writeVersion1(old, board, 'items', new Map([[d!, 4], [g!, 1.5]]));
    exchange(old, upgraded);
    // Then, having seen keys it cannot read, it appends h at NaN (version 1's max + 1).
    const [h] = addItems(old, board, ['h']);
    writeVersion1(old, board, 'items', new Map([[h!, Number.NaN]]));
    exchange(old, upgraded);
    const expected = [g, b, c, d, h, e, a];
    expect(ids(listItems(upgraded, board))).toEqual(expected);
    expect(ids(listItems(old, board))).toEqual(expected);
    unwrap(moveItem(upgraded, board, g!, { toIndex: 6 }, 'me'));
    expect(typeof itemsOf(upgraded, board)!.get(g!)!.get('order')).toBe('string');
    expect(ids(listItems(upgraded, board))).toEqual([b, c, d, h, e, a, g]);
    unwrap(moveItem(upgraded, board, a!, { toIndex: 1 }, 'me'));
    expect(ids(listItems(upgraded, board))).toEqual([b, a, c, d, h, e, g]);
  });
});

describe('moves', () => {
  it('converge when two devices fill the same gap at once', () => {
    const { doc: one, board } = workshopWithBoard();
    const [a, b, x, y] = addItems(one, board, ['a', 'b', 'x', 'y']);
    const two = joinDevice(one);
    unwrap(moveItem(one, board, x!, { toIndex: 1 }, 'one'));
    unwrap(moveItem(two, board, y!, { toIndex: 1 }, 'two'));
    const [fromOne] = addItems(one, board, ['end one']);
    const [fromTwo] = addItems(two, board, ['end two']);
    exchange(one, two);
    const merged = ids(listItems(one, board));
    expect(ids(listItems(two, board))).toEqual(merged);
    expect(merged[0]).toBe(a);
    expect(new Set(merged.slice(1, 3))).toEqual(new Set([x, y]));
    expect(merged[3]).toBe(b);
    expect(new Set(merged.slice(4))).toEqual(new Set([fromOne, fromTwo]));
    // And a later move still lands between the two that filled one gap.
    unwrap(moveItem(one, board, a!, { toIndex: 1 }, 'one'));
    expect(ids(listItems(one, board))).toEqual([merged[1], a, merged[2], b, merged[4], merged[5]]);
  });

  it('order entries that share a key by id, alike on every device', () => {
    const { doc: one, board } = workshopWithBoard();
    const [a, b] = addItems(one, board, ['a', 'b']);
    const two = joinDevice(one);
    one.transact(() => itemsOf(one, board)!.get(a!)!.set('order', 'a5'));
    two.transact(() => itemsOf(two, board)!.get(b!)!.set('order', 'a5'));
    exchange(one, two);
    const byId = [a!, b!].sort();
    expect(ids(listItems(one, board))).toEqual(byId);
    expect(ids(listItems(two, board))).toEqual(byId);
  });

  it('write only the moved entry\'s order, even after 1,000 moves into one gap', () => {
    const { doc, board } = workshopWithBoard();
    const expected = addItems(doc, board, ['a', 'b', 'c', 'd', 'e']);
    const writes: string[] = [];
    itemsOf(doc, board)!.observeDeep((events) => {
      for (const event of events) {
        const id = event.target === itemsOf(doc, board) ? '(items)' : String((event.target as Y.Map<unknown>).get('id'));
        for (const key of event.keys.keys()) writes.push(`${id}.${key}`);
      }
    });
    for (let n = 0; n < 1_000; n++) {
      // The last into the gap after the first, the gap halving every time.
      const moved = expected.pop()!;
      expected.splice(1, 0, moved);
      writes.length = 0;
      const { updates } = recordWrites(doc, () => unwrap(moveItem(doc, board, moved, { toIndex: 1 }, 'me')));
      expect(updates).toBe(1);
      expect(writes).toEqual([`${moved}.order`]);
    }
    expect(ids(listItems(doc, board))).toEqual(expected);
    // The gap halves with every move: keys grow by about one digit per six moves, not per move.
    expect(Math.max(...listItems(doc, board).map((i) => i.order.length))).toBeLessThan(300);
  }, 30_000);
});
