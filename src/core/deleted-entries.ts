import * as Y from 'yjs';
import { entriesOf, partOf } from './board-entries';
import { err, ok, type Result } from './result';
import { deletedKey } from './deleted-key';
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

export { deletedKey };

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

/** Writes a deleted entry back where it was, with its id and every field it had (lane, quadrant,
 *  cluster, order, estimates, answers), so it reappears in its place. */
export function restoreDeleted(doc: Y.Doc, deleted: DeletedEntry, origin: unknown): Result<void, 'no-board'> {
  const board = liveBoard(doc, deleted.board);
  if (!board || partOf(board) !== deleted.part) return err('no-board', deleted.board);
  const current = board.get(deleted.part);
  if (current instanceof Y.Map && current.has(deleted.id)) return ok(undefined);
  doc.transact(() => {
    let map = current instanceof Y.Map ? (current as Y.Map<unknown>) : undefined;
    // A modified client may have removed the whole map: the entry needs one to live in.
    if (!map) board.set(deleted.part, (map = new Y.Map<unknown>()));
    map.set(deleted.id, reviveMap(deleted.entry));
  }, origin);
  return ok(undefined);
}

export interface DeletionChange {
  added: DeletedEntry[];
  /** Keys (`deletedKey`) of entries that are back on their board. */
  back: string[];
}

/** One board as the witness follows it: its entries map (replaced when a peer replaces it) and
 *  a plain copy of every entry in it. */
interface WatchedBoard {
  part: string;
  map?: Y.Map<unknown>;
  copies: Map<string, KeptEntry>;
  stop?: () => void;
}

/** Watches every board's entries and keeps a plain copy of each, so that when one disappears
 *  (through the app, an undo, or a modified client's raw `delete` arriving in an update) this
 *  device still has its contents. The deleter's cooperation is not needed: the observer keeps it.
 *  An entry moved to another board is not a deletion; one written back leaves the list. */
export class DeletionWitness {
  readonly #boards = new Map<string, WatchedBoard>();
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
    for (const board of this.#boards.values()) board.stop?.();
  }

  #present(boardId: string, id: string): boolean {
    return !!entriesOf(this.doc, boardId)?.has(id);
  }

  #report(change: DeletionChange): void {
    if (change.added.length || change.back.length) this.onChange(change);
  }

  #watch(boardId: string): void {
    const board = liveBoard(this.doc, boardId);
    if (this.#boards.has(boardId) || !board) return;
    const watched: WatchedBoard = { part: partOf(board), copies: new Map() };
    this.#boards.set(boardId, watched);
    this.#attach(boardId, watched);
    // A modified client can also replace or remove the whole map: every entry in it is then lost.
    const onBoard = (_: unknown, tr: Y.Transaction) => {
      const now = entriesOf(this.doc, boardId);
      if (!liveBoard(this.doc, boardId) || now === watched.map) return;
      const added = [...watched.copies.keys()].filter((id) => !now?.has(id)).flatMap((id) => this.#lose(boardId, watched, id, tr.local));
      watched.stop?.();
      this.#report({ added, back: this.#attach(boardId, watched) });
    };
    board.observe(onBoard);
    this.#stops.push(() => board.unobserve(onBoard));
  }

  /** Follows the board's current entries map, copying every entry; returns the keys of deleted
   *  entries that are in it again. */
  #attach(boardId: string, watched: WatchedBoard): string[] {
    const map = entriesOf(this.doc, boardId);
    Object.assign(watched, { map, stop: undefined });
    watched.copies.clear();
    if (!map) return [];
    /** Copies an entry; returns its key when it had been deleted and is back. */
    const copy = (id: string, entry: Y.Map<unknown>): string[] => {
      watched.copies.set(id, keepMap(entry));
      const key = deletedKey({ board: boardId, id });
      return this.#deleted.delete(key) ? [key] : [];
    };
    const observer = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
      const change: DeletionChange = { added: [], back: [] };
      // An event on the map itself names the entries added, replaced or deleted; one below it
      // (a text edit, an estimate) names the entry by the first step of its path.
      const touched = new Set(events.flatMap((e) => (e.target === map ? [...e.changes.keys.keys()] : [e.path[0]])));
      for (const id of touched) {
        if (typeof id !== 'string') continue;
        const entry = map.get(id);
        if (entry instanceof Y.Map) change.back.push(...copy(id, entry));
        else change.added.push(...this.#lose(boardId, watched, id, tr.local));
      }
      this.#report(change);
    };
    map.observeDeep(observer);
    watched.stop = () => map.unobserveDeep(observer);
    return [...map].flatMap(([id, entry]) => (entry instanceof Y.Map ? copy(id, entry) : []));
  }

  /** Keeps the copy of an entry that left its board; none for an entry moved to another board
   *  (written there and deleted here in one transaction). */
  #lose(boardId: string, watched: WatchedBoard, id: string, local: boolean): DeletedEntry[] {
    const entry = watched.copies.get(id);
    watched.copies.delete(id);
    if (!entry || [...this.#boards.keys()].some((board) => board !== boardId && this.#present(board, id))) return [];
    const deleted: DeletedEntry = {
      board: boardId, part: watched.part, id, label: labelOf(entry), deletedAt: Date.now(), byThisDevice: local, entry,
    };
    this.#deleted.set(deletedKey(deleted), deleted);
    return [deleted];
  }
}
