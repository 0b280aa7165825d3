import * as Y from 'yjs';
import { BOARD_KIND_RECORDS, shownKind } from './board-kinds';
import { err, ok, type Result } from './result';
import { boardOrderOf, liveBoard } from './schema';

/** An entry's contents as plain data that IndexedDB can store, tagged so that writing it back
 *  makes the same shared types (a note's text is a `Y.Text`, a stakeholder's estimates a map). */
export type KeptValue =
  | { value: unknown }
  | { text: string }
  | { map: Record<string, KeptValue> }
  | { list: KeptValue[] };
export type KeptEntry = Record<string, KeptValue>;

/** An entry (note, SWOT note, stakeholder, proposal) that disappeared from its board, as this
 *  device last saw it. Who deleted it is known only when it was this device: a Yjs update does
 *  not say whose deletions it carries. */
export interface DeletedEntry {
  board: string;
  /** The board's map the entry lived in (`items`, `stakeholders`, `proposals`). */
  part: string;
  id: string;
  /** The entry's text or name, for the list. */
  label: string;
  deletedAt: number;
  byThisDevice: boolean;
  entry: KeptEntry;
}

export const deletedKey = (entry: Pick<DeletedEntry, 'board' | 'id'>) => `${entry.board}|${entry.id}`;

function keep(value: unknown): KeptValue {
  if (value instanceof Y.Text) return { text: value.toString() };
  if (value instanceof Y.Map) return { map: keepMap(value) };
  if (value instanceof Y.Array) return { list: value.toArray().map(keep) };
  return { value };
}

const keepMap = (map: Y.Map<unknown>): KeptEntry => Object.fromEntries([...map.entries()].map(([k, v]) => [k, keep(v)]));

function revive(kept: KeptValue): unknown {
  if ('text' in kept) return new Y.Text(kept.text);
  if ('map' in kept) return reviveMap(kept.map);
  if ('list' in kept) {
    const array = new Y.Array<unknown>();
    array.push(kept.list.map(revive));
    return array;
  }
  return kept.value;
}

function reviveMap(entry: KeptEntry): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entry)) map.set(key, revive(value));
  return map;
}

function labelOf(entry: KeptEntry): string {
  for (const field of [entry.text, entry.name]) {
    if (field && 'text' in field) return field.text;
    if (field && 'value' in field && typeof field.value === 'string') return field.value;
  }
  return '';
}

/** The map of a board whose entries people add and delete: the one its kind counts. */
function entriesOf(doc: Y.Doc, boardId: string): { part: string; map: Y.Map<unknown> } | undefined {
  const board = liveBoard(doc, boardId);
  if (!board) return undefined;
  const part = BOARD_KIND_RECORDS[shownKind(String(board.get('type')))].counted;
  const map = board.get(part);
  return map instanceof Y.Map ? { part, map } : undefined;
}

/** Writes a deleted entry back where it was, with its id and every field it had (lane, quadrant,
 *  cluster, order, estimates, answers), so it reappears in its place. */
export function restoreDeleted(doc: Y.Doc, deleted: DeletedEntry, origin: unknown): Result<void, 'no-board'> {
  const target = entriesOf(doc, deleted.board);
  if (!target || target.part !== deleted.part) return err('no-board', deleted.board);
  if (target.map.has(deleted.id)) return ok(undefined);
  doc.transact(() => target.map.set(deleted.id, reviveMap(deleted.entry)), origin);
  return ok(undefined);
}

export interface DeletionChange {
  added: DeletedEntry[];
  /** Keys (`deletedKey`) of entries that are back on their board. */
  back: string[];
}

/** Watches every board's entries and keeps a plain copy of each, so that when one disappears
 *  (through the app, an undo, or a modified client's raw `delete` arriving in an update) this
 *  device still has its contents. The deleter's cooperation is not needed: the observer keeps it.
 *  An entry moved to another board is not a deletion; one written back leaves the list. */
export class DeletionWitness {
  readonly #copies = new Map<string, Map<string, KeptEntry>>();
  readonly #deleted = new Map<string, DeletedEntry>();
  readonly #stops: (() => void)[] = [];

  constructor(private readonly doc: Y.Doc, private readonly onChange: (change: DeletionChange) => void) {
    const order = boardOrderOf(doc);
    const watchAll = () => { for (const id of new Set(order.toArray())) this.#watch(id); };
    watchAll();
    order.observe(watchAll);
    this.#stops.push(() => order.unobserve(watchAll));
  }

  /** Adds what this device kept before (stored with the workshop) and returns the keys of those
   *  left out because they are back on their board (restored while this device was away). */
  adopt(kept: readonly DeletedEntry[]): string[] {
    const back: string[] = [];
    for (const entry of kept) {
      const key = deletedKey(entry);
      if (this.#present(entry.board, entry.id)) back.push(key);
      else if (!this.#deleted.has(key)) this.#deleted.set(key, entry);
    }
    return back;
  }

  /** Deleted entries of one board, the most recent first. */
  list(boardId: string): DeletedEntry[] {
    return [...this.#deleted.values()].filter((e) => e.board === boardId).sort((a, b) => b.deletedAt - a.deletedAt);
  }

  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  #present(boardId: string, id: string): boolean {
    return !!entriesOf(this.doc, boardId)?.map.has(id);
  }

  #watch(boardId: string): void {
    if (this.#copies.has(boardId)) return;
    const found = entriesOf(this.doc, boardId);
    if (!found) return;
    const { part, map } = found;
    const copies = new Map<string, KeptEntry>();
    for (const [id, entry] of map) if (entry instanceof Y.Map) copies.set(id, keepMap(entry));
    this.#copies.set(boardId, copies);
    const observer = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
      const change: DeletionChange = { added: [], back: [] };
      // An event on the map itself names the entries added, replaced or deleted; one below it
      // (a text edit, an estimate) names the entry by the first step of its path.
      const touched = new Set(events.flatMap((e) => (e.target === map ? [...e.changes.keys.keys()] : [e.path[0]])));
      for (const id of touched) {
        if (typeof id !== 'string') continue;
        const entry = map.get(id);
        if (entry instanceof Y.Map) {
          copies.set(id, keepMap(entry));
          const key = deletedKey({ board: boardId, id });
          if (this.#deleted.delete(key)) change.back.push(key);
        } else {
          const lost = this.#lose(boardId, part, id, copies, tr.local);
          if (lost) change.added.push(lost);
        }
      }
      if (change.added.length || change.back.length) this.onChange(change);
    };
    map.observeDeep(observer);
    this.#stops.push(() => map.unobserveDeep(observer));
  }

  #lose(boardId: string, part: string, id: string, copies: Map<string, KeptEntry>, local: boolean): DeletedEntry | undefined {
    const entry = copies.get(id);
    copies.delete(id);
    if (!entry) return undefined;
    // A move to another board writes it there and deletes it here in one transaction.
    const movedTo = [...this.#copies.keys()].find((board) => board !== boardId && this.#present(board, id));
    if (movedTo) return undefined;
    const deleted: DeletedEntry = { board: boardId, part, id, label: labelOf(entry), deletedAt: Date.now(), byThisDevice: local, entry };
    this.#deleted.set(deletedKey(deleted), deleted);
    return deleted;
  }
}
