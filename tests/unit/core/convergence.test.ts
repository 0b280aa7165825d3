import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { boardIds, createBoard, deleteBoard, listBoards, moveBoard } from '../../../src/core/boards';
import { addGroup, listGroups } from '../../../src/core/groups';
import { addItem, deleteItem, editItem, getItem, listItems, moveItem, moveItemToBoard } from '../../../src/core/items';
import { getMeta, updateMeta } from '../../../src/core/meta';
import { QUADRANTS, addCluster, clusterNote, deleteCluster, listClusters, swotView } from '../../../src/core/swot';
import { addBoard, addBoardOf, author, newWorkshop, send, syncAll } from './helpers';

/* Three devices start from one shared workshop with one board, then make random changes and
 * random, possibly partial and out-of-order syncs. Once everyone has exchanged everything, every
 * query must give the same plain data on every device. Steps may name boards and items a device
 * does not have (deleted, or not yet synced to it): the core must answer with an error value. */

const DEVICES = 3;
const device = fc.nat(DEVICES - 1);
const lane = fc.constantFrom('', '', 'strengths', 'threats');

const stepsOver = (text: fc.Arbitrary<string>) => fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), device, board: fc.nat(), text, lane }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const), device, item: fc.nat(),
      at: fc.nat(), remove: fc.nat(3), insert: text,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const), device, item: fc.nat(),
      toIndex: fc.nat(), lane: fc.option(lane, { nil: undefined }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('move-to-board' as const), device, item: fc.nat(), to: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), device, item: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('create-board' as const), device, title: text }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('move-board' as const), device, board: fc.nat(), toIndex: fc.integer({ min: -1, max: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete-board' as const), device, board: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('add-group' as const), device, name: fc.constantFrom('Government', 'government', 'Donors', 'NGOs', 'Community') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('meta' as const), device, place: text }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('add-cluster' as const), device, title: text, quadrant: fc.constantFrom(...QUADRANTS) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete-cluster' as const), device, pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('cluster-note' as const), device, item: fc.nat(), pick: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('sync' as const), from: device, to: device,
      // full: all that `to` lacks; subset: only some of `from`'s updates, merged, minus what `to` has;
      // reversed: some of `from`'s updates, one by one, newest first.
      mode: fc.constantFrom('full' as const, 'subset' as const, 'reversed' as const),
      pick: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    }),
    weight: 5,
  },
);
type Step = ReturnType<typeof stepsOver> extends fc.Arbitrary<infer S> ? S : never;

/** Everything the views read, as plain data. */
function snapshot(doc: Y.Doc, boards: readonly string[], swot: string) {
  return {
    meta: getMeta(doc),
    boards: listBoards(doc),
    items: Object.fromEntries(boards.map((id) => [id, listItems(doc, id)])),
    groups: listGroups(doc),
    swot: swotView(doc, swot),
  };
}

function run(steps: readonly Step[]): void {
  const base = newWorkshop();
  const first = addBoard(base, 'Expectations');
  // A SWOT board that items can also move to and from, for cluster steps.
  const swot = addBoardOf(base, 'swot', 'SWOT');
  const initial = Y.encodeStateAsUpdate(base);
  const logs: Uint8Array[][] = [];
  const docs = Array.from({ length: DEVICES }, (_, i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial, 'remote');
    logs[i] = [];
    doc.on('update', (update: Uint8Array) => logs[i]!.push(update));
    return doc;
  });
  // Every board and item ever created on any device: one pick in five names one of these, which
  // the acting device may lack (not yet synced) or have deleted; the others pick what it shows.
  const boards = [first, swot];
  const items: string[] = [];
  const boardFor = (doc: Y.Doc, n: number): string => {
    const live = boardIds(doc);
    return (n % 5 === 4 ? boards[n % boards.length] : live[n % Math.max(live.length, 1)]) ?? boards[0]!;
  };
  /** A board and one of its items: mostly one the device shows, sometimes any ever created. */
  const itemFor = (doc: Y.Doc, n: number): [board: string, item: string] => {
    const shown = boardIds(doc).flatMap((board) => listItems(doc, board).map((i) => [board, i.id] as [string, string]));
    const pair = n % 5 === 4 || shown.length === 0 ? undefined : shown[n % shown.length];
    return pair ?? [boardFor(doc, n), items[n % Math.max(items.length, 1)] ?? 'no-such-item'];
  };

  for (const step of steps) {
    if (step.kind === 'sync') {
      const from = docs[step.from]!;
      const to = docs[step.to]!;
      if (step.mode === 'full') { send(from, to); continue; }
      const chosen = logs[step.from]!.filter((_, k) => step.pick[k % step.pick.length]);
      if (chosen.length === 0) continue;
      if (step.mode === 'subset') {
        Y.applyUpdate(to, Y.diffUpdate(Y.mergeUpdates(chosen), Y.encodeStateVector(to)), 'remote');
      } else {
        for (const update of [...chosen].reverse()) Y.applyUpdate(to, update, 'remote');
      }
      continue;
    }
    const doc = docs[step.device]!;
    const origin = `device-${step.device}`;
    switch (step.kind) {
      case 'add': {
        const r = addItem(doc, boardFor(doc, step.board), { ...author, text: step.text, lane: step.lane }, origin);
        if (r.ok) items.push(r.value);
        break;
      }
      case 'edit': {
        const [board, item] = itemFor(doc, step.item);
        // Splice in code points, as a person types: the core must turn it into a Y.Text change.
        const current = [...(getItem(doc, board, item)?.text ?? '')];
        const at = step.at % (current.length + 1);
        const next = [...current.slice(0, at), step.insert, ...current.slice(at + step.remove)].join('');
        editItem(doc, board, item, next, origin);
        break;
      }
      case 'move': {
        const [board, item] = itemFor(doc, step.item);
        // Mostly a valid index into the target lane; sometimes one past its end, sometimes -1.
        const lane = step.lane ?? getItem(doc, board, item)?.lane ?? '';
        const others = listItems(doc, board, lane).filter((i) => i.id !== item).length;
        const toIndex = step.toIndex % 11 === 10 ? -1 : step.toIndex % (others + 2);
        moveItem(doc, board, item, { toIndex, lane: step.lane }, origin);
        break;
      }
      case 'move-to-board': {
        const [board, item] = itemFor(doc, step.item);
        moveItemToBoard(doc, board, item, boardFor(doc, step.to), origin);
        break;
      }
      case 'delete': {
        const [board, item] = itemFor(doc, step.item);
        deleteItem(doc, board, item, origin);
        break;
      }
      case 'create-board': {
        const r = createBoard(doc, { type: 'notes', title: step.title }, origin);
        if (r.ok) boards.push(r.value);
        break;
      }
      case 'move-board':
        moveBoard(doc, boardFor(doc, step.board), step.toIndex, origin);
        break;
      case 'delete-board':
        deleteBoard(doc, boardFor(doc, step.board), origin);
        break;
      case 'add-group':
        addGroup(doc, step.name, origin);
        break;
      case 'meta':
        updateMeta(doc, { place: step.place }, origin);
        break;
      case 'add-cluster':
        addCluster(doc, swot, { title: step.title, quadrant: step.quadrant }, origin);
        break;
      case 'delete-cluster':
        deleteCluster(doc, swot, listClusters(doc, swot)[step.pick % 4]?.id ?? 'no-such-cluster', origin);
        break;
      case 'cluster-note': {
        // Mostly an item the SWOT board shows; sometimes '' (out of any cluster).
        const notes = listItems(doc, swot);
        const clusters = listClusters(doc, swot);
        const cluster = step.pick % 5 === 4 ? '' : clusters[step.pick % Math.max(clusters.length, 1)]?.id ?? 'no-such-cluster';
        clusterNote(doc, swot, notes[step.item % Math.max(notes.length, 1)]?.id ?? 'no-such-item', cluster, origin);
        break;
      }
    }
  }

  syncAll(docs);
  for (const doc of docs) expect(doc.store.pendingStructs).toBeNull();
  const [reference, ...others] = docs.map((doc) => snapshot(doc, boards, swot));
  for (const other of others) expect(other).toEqual(reference);
}

describe('convergence', () => {
  it.each([
    ['letters, Khmer, spaces and control characters', ['a', 'b', 'c', ' ', '\n', '\t', 'ក', 'ស', '្', '\u0000', '\u202E']],
    ['emoji', ['a', ' ', '👍', '👎', '😀', '😃', '🌱']],
  ])('any edits, any partial exchanges: all devices agree once everyone has synced (text of %s)', (_name, units) => {
    // Mostly plain letters, so most writes pass validation; the rest exercise cleaning and Y.Text offsets.
    const unit = fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'c'), weight: 3 }, { arbitrary: fc.constantFrom(...units), weight: 2 });
    const text = fc.string({ unit, minLength: 1, maxLength: 8 });
    fc.assert(fc.property(fc.array(stepsOver(text), { maxLength: 60, size: 'max' }), (steps) => run(steps)), { numRuns: 500 });
  }, 60_000);

  it('agrees when every device adds and moves items in one lane before any sync', () => {
    // A fixed worst case for ordering: each round gives the devices' new items equal order numbers.
    const steps: Step[] = [];
    for (let round = 0; round < 5; round++) {
      for (let d = 0; d < DEVICES; d++) steps.push({ kind: 'add', device: d, board: 0, text: `r${round}d${d}`, lane: '' });
      for (let d = 0; d < DEVICES; d++) steps.push({ kind: 'move', device: d, item: round + d, toIndex: 0, lane: undefined });
    }
    run(steps);
  });
});
