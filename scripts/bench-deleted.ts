// What keeping deleted entries costs on a board of 2,000 notes after 500 are deleted, for the
// design this app uses (every device keeps a plain copy of each entry and stores the deleted ones
// with the workshop: core/deleted-entries.ts) and for the alternative of a document that never
// collects deleted content (`gc: false`) read back through Yjs snapshots. Figures, never asserted.
// Run: node --expose-gc --import tsx scripts/bench-deleted.ts
import * as Y from 'yjs';
import { DeletionWitness, type DeletedEntry } from '../src/core/deleted-entries';
import { itemsOf } from '../src/core/schema';
import { bigWorkshop, median } from './bench-seed';

const NOTES = 2000;
const DELETED = 500;
const RUNS = 5;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => { for (let i = 0; i < 4; i++) gc(); return process.memoryUsage().heapUsed; };
/** Heap taken by what `make` returns, kept alive while measured. */
function heapOf<T>(make: () => T): { value: T; bytes: number } {
  const base = heap();
  const value = make();
  return { value, bytes: heap() - base };
}

/** A modified client's raw deletion of `count` notes, in one update. */
function rawDelete(doc: Y.Doc, boardId: string, count: number): Uint8Array {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  const items = itemsOf(other, boardId)!;
  other.transact(() => { for (const id of [...items.keys()].slice(0, count)) items.delete(id); });
  return Y.encodeStateAsUpdate(other, before);
}

/** The same workshop on a device, loaded from its stored bytes as y-dexie would. */
function device(state: Uint8Array, gcOn: boolean): Y.Doc {
  const doc = new Y.Doc({ gc: gcOn });
  Y.applyUpdate(doc, state);
  return doc;
}

function kept(): { start: number[]; apply: number[]; applyBare: number[]; heapDoc: number[]; heapCopies: number[]; stored: number; deletion: number; size: number } {
  const { doc, boardId } = bigWorkshop(NOTES);
  const state = Y.encodeStateAsUpdate(doc);
  const deletion = rawDelete(doc, boardId, DELETED);
  const start: number[] = [];
  const apply: number[] = [];
  const applyBare: number[] = [];
  const heapDoc: number[] = [];
  const heapCopies: number[] = [];
  let stored = 0;
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    const loaded = heapOf(() => device(state, true));
    const target = loaded.value;
    heapDoc.push(loaded.bytes);
    let added: DeletedEntry[] = [];
    const watched = heapOf(() => {
      const t0 = performance.now();
      const w = new DeletionWitness(target, (change) => { added = change.added; });
      start.push(performance.now() - t0);
      return w;
    });
    heapCopies.push(watched.bytes);
    const witness = watched.value;
    const t = performance.now();
    Y.applyUpdate(target, deletion, 'remote');
    apply.push(performance.now() - t);
    stored = new TextEncoder().encode(JSON.stringify(added)).length;
    size = Y.encodeStateAsUpdate(target).length;
    witness.destroy();
    const bare = device(state, true);
    const t1 = performance.now();
    Y.applyUpdate(bare, deletion, 'remote');
    applyBare.push(performance.now() - t1);
    if (added.length !== DELETED) throw new Error(`kept ${added.length} of ${DELETED}`);
  }
  return { start, apply, applyBare, heapDoc, heapCopies, stored, deletion: deletion.length, size };
}

function withoutGc(): { size: number; heapDoc: number; read: number[] } {
  const { doc, boardId } = bigWorkshop(NOTES);
  const state = Y.encodeStateAsUpdate(doc);
  const deletion = rawDelete(doc, boardId, DELETED);
  const { value: target, bytes: heapDoc } = heapOf(() => device(state, false));
  const before = Y.snapshot(target);
  Y.applyUpdate(target, deletion, 'remote');
  const read: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const past = Y.createDocFromSnapshot(target, before);
    const missing = [...itemsOf(past, boardId)!.keys()].filter((id) => !itemsOf(target, boardId)!.has(id));
    read.push(performance.now() - t);
    if (missing.length !== DELETED) throw new Error(`read back ${missing.length} of ${DELETED}`);
  }
  return { size: Y.encodeStateAsUpdate(target).length, heapDoc, read };
}

const { doc } = bigWorkshop(NOTES);
const full = Y.encodeStateAsUpdate(doc).length;
const a = kept();
const b = withoutGc();

console.log(`board of ${NOTES} notes: document ${kb(full)}; ${DELETED} deleted by one raw update of ${a.deletion} bytes`);
console.log(`kept copies (this app): document after the deletion ${kb(a.size)} (nothing added to it);`);
console.log(`  copies of ${NOTES} entries ${kb(median(a.heapCopies))} of heap (the document itself ${kb(median(a.heapDoc))}); start ${ms(median(a.start))} (medians of ${RUNS});`);
console.log(`  the deletion applied and ${DELETED} entries kept ${ms(median(a.apply))} (the deletion alone ${ms(median(a.applyBare))}); stored on the device ${kb(a.stored)}`);
console.log(`gc: false + snapshot: document after the deletion ${kb(b.size)} (${kb(b.size - a.size)} more, sent to every newcomer, and growing with every edit);`);
console.log(`  document in memory ${kb(b.heapDoc)}; reading the deleted notes back from a snapshot ${ms(median(b.read))}`);
