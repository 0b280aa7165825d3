// What the benchmark scripts share: a workshop written into a page's IndexedDB, and percentiles.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createBoard } from '../src/core/boards';
import { addItem } from '../src/core/items';
import { initWorkshop } from '../src/core/meta';

export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

export const median = (xs: number[]) => percentile(xs, 0.5);

/** Writes a workshop straight into the tables y-dexie keeps, as if an earlier session on this
 *  device had made it (the facilitator's copy). */
export function seedWorkshop(page: Page, id: string, doc: Y.Doc): Promise<void> {
  const update = Array.from(Y.encodeStateAsUpdateV2(doc));
  return page.evaluate(({ id, update }) => new Promise<void>((done, fail) => {
    const open = indexedDB.open('common-ground');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['workshops', '$workshops.doc_updates'], 'readwrite');
      tx.objectStore('workshops').put({ id, title: 'Bench workshop', updatedAt: Date.now(), role: 'facilitator' });
      tx.objectStore('$workshops.doc_updates').add({ k: id, u: new Uint8Array(update), f: 1 });
      tx.oncomplete = () => { open.result.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }), { id, update });
}

/** A workshop of `notes` notes on one board, as the bytes y-dexie stores. */
export function bigWorkshop(notes: number) {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Bench workshop', createdBy: 'bench' }, 'bench');
  const board = createBoard(doc, { type: 'notes', title: 'Brainstorm' }, 'bench');
  if (!board.ok) throw new Error(board.error);
  for (let i = 0; i < notes; i++) {
    addItem(doc, board.value, { text: `Idea ${i}: shared indicators for district health outcomes`, createdBy: `p${i % 30}`, group: '' }, 'bench');
  }
  return { boardId: board.value, doc };
}
