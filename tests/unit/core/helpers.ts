/** Shared setup for the core tests: devices are `Y.Doc`s, a sync is an exchange of what each lacks. */
import * as Y from 'yjs';
import { createBoard, type BoardType } from '../../../src/core/boards';
import { addItem, listItems, type NewItem } from '../../../src/core/items';
import { initWorkshop } from '../../../src/core/meta';
import type { Result } from '../../../src/core/result';

/** Two-way sync: each side receives exactly what it lacks, marked as a remote change. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

/** One-way sync: `to` receives what it lacks from `from`. */
export function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

/** Merges every device with every other, so all of them hold every change. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) exchange(docs[i]!, docs[j]!);
  // A second round carries changes that reached a device after it had already exchanged.
  for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) exchange(docs[i]!, docs[j]!);
}

/** The value of a result that must have succeeded; a failure names its error in the test output. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}${result.detail ? ` (${result.detail})` : ''}`);
  return result.value;
}

/** A new device holding an initialised workshop. */
export function newWorkshop(title = 'TWG retreat', createdBy = 'p1'): Y.Doc {
  const doc = new Y.Doc();
  unwrap(initWorkshop(doc, { title, createdBy }, 'setup'));
  return doc;
}

/** A second (or third...) device that starts from everything `doc` holds. */
export function joinDevice(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  exchange(doc, other);
  return other;
}

/** Adds a notes board and returns its id. */
export function addBoard(doc: Y.Doc, title = 'Expectations', origin: unknown = 'setup'): string {
  return unwrap(createBoard(doc, { type: 'notes', title }, origin));
}

/** Adds a board of any type (a SWOT board, a stakeholder map...) and returns its id. */
export function addBoardOf(doc: Y.Doc, type: BoardType, title = 'Board', origin: unknown = 'setup'): string {
  return unwrap(createBoard(doc, { type, title }, origin));
}

/** A workshop with one board, as most item tests need. */
export function workshopWithBoard(title = 'Expectations'): { doc: Y.Doc; board: string } {
  const doc = newWorkshop();
  return { doc, board: addBoard(doc, title) };
}

export const author: Omit<NewItem, 'text'> = { createdBy: 'p1', group: '' };

/** Adds items with the given texts (in that order) and returns their ids. */
export function addItems(doc: Y.Doc, board: string, texts: readonly string[], lane?: string): string[] {
  return texts.map((text) => unwrap(addItem(doc, board, { ...author, text, ...(lane === undefined ? {} : { lane }) }, 'setup')));
}

/** Item texts of a board (or one lane) in display order. */
export const textsOf = (doc: Y.Doc, board: string, lane?: string): string[] =>
  listItems(doc, board, lane).map((i) => i.text);

/** Runs `write` and reports how many updates the document emitted and the origin of every
 *  transaction it ran, so a test can check "one action, one transaction, my origin". */
export function recordWrites<T>(doc: Y.Doc, write: () => T): { result: T; updates: number; origins: unknown[] } {
  const origins: unknown[] = [];
  let updates = 0;
  const onUpdate = () => { updates++; };
  const onTransaction = (tr: Y.Transaction) => { origins.push(tr.origin); };
  doc.on('update', onUpdate);
  doc.on('afterTransaction', onTransaction);
  try {
    const result = write();
    return { result, updates, origins };
  } finally {
    doc.off('update', onUpdate);
    doc.off('afterTransaction', onTransaction);
  }
}
