import * as Y from 'yjs';
import { newRound, ROUND_KEY } from './round-key';
import { newId } from './ids';
import { err, ok, type Result } from './result';
import { BOARD_KIND_RECORDS, isBoardType, shownKind, type BoardKindRecord, type BoardType } from './board-kinds';
import { boardMapOf, boardOrderOf, liveBoard } from './schema';
import { checkText, type TextError } from './text';

export { BOARD_TYPES, type BoardType } from './board-kinds';

export interface Board {
  id: string;
  /** The kind the board is shown as: its own, or notes for a type this version does not know. */
  type: BoardType;
  /** The raw type of a board written by a newer app, kept so that nothing rewrites it; such a
   *  board is shown as notes, read-only. */
  unknownType?: string;
  title: string;
  prompt: string;
  /** The Khmer title and question, when given (./board-words: who sees which). */
  titleKm?: string;
  promptKm?: string;
  itemCount: number;
}

/** Whether notes-like facilitation (silent brainstorm, dot vote) applies to the board: never to
 *  one of a kind from a newer app, which is shown read-only. */
export const hasNoteFacilitation = (board: Board): boolean =>
  board.unknownType === undefined && BOARD_KIND_RECORDS[board.type].noteFacilitation;

export type BoardError = TextError | 'no-board' | 'bad-type' | 'bad-index';

/** Agenda order. Two devices moving the same board at once leave its id twice in the array,
 *  and a move racing a delete can bring a deleted id back: the first live occurrence wins. */
export function boardIds(doc: Y.Doc): string[] {
  const seen = new Set<string>();
  return boardOrderOf(doc).toArray().filter((id) => {
    if (seen.has(id) || !liveBoard(doc, id)) return false;
    seen.add(id);
    return true;
  });
}

function khmerOf(map: Y.Map<unknown>): Pick<Board, 'titleKm' | 'promptKm'> {
  const words: Pick<Board, 'titleKm' | 'promptKm'> = {};
  for (const key of ['titleKm', 'promptKm'] as const) {
    const value = map.get(key);
    if (typeof value === 'string' && value) words[key] = value;
  }
  return words;
}

function toBoard(id: string, map: Y.Map<unknown>): Board {
  const raw = String(map.get('type'));
  const type = shownKind(raw);
  const items = map.get(BOARD_KIND_RECORDS[type].counted) as Y.Map<unknown> | undefined;
  return {
    id,
    type,
    ...(type === raw ? {} : { unknownType: raw }),
    title: String(map.get('title') ?? ''),
    prompt: String(map.get('prompt') ?? ''),
    ...khmerOf(map),
    itemCount: items?.size ?? 0,
  };
}

export function listBoards(doc: Y.Doc): Board[] {
  return boardIds(doc).map((id) => toBoard(id, liveBoard(doc, id)!));
}

export function getBoard(doc: Y.Doc, id: string): Board | undefined {
  const map = liveBoard(doc, id);
  return map && toBoard(id, map);
}

export type BoardWordChanges = Partial<Pick<Board, 'title' | 'prompt' | 'titleKm' | 'promptKm'>>;

/** Checks each given field; the English title is the only one that may not be empty. */
function checkWords(changes: BoardWordChanges): Result<[string, string][], TextError> {
  const checked: [string, string][] = [];
  for (const key of ['title', 'prompt', 'titleKm', 'promptKm'] as const) {
    const raw = changes[key];
    if (raw === undefined) continue;
    const isTitle = key === 'title' || key === 'titleKm';
    const text = checkText(raw, isTitle ? 'title' : 'prompt', { multiline: !isTitle, optional: key !== 'title' });
    if (!text.ok) return text;
    checked.push([key, text.value]);
  }
  return ok(checked);
}

export function createBoard(
  doc: Y.Doc, fields: { type: BoardType; title: string } & BoardWordChanges, origin: unknown,
): Result<string, BoardError> {
  if (!isBoardType(fields.type)) return err('bad-type', fields.type);
  const words = checkWords({ prompt: '', ...fields });
  if (!words.ok) return words;
  const id = newId();
  doc.transact(() => {
    const board = boardMapOf(doc, id);
    board.set('type', fields.type);
    for (const [key, value] of words.value) if (value || key === 'prompt') board.set(key, value);
    board.set('items', new Y.Map());
    const kind: BoardKindRecord = BOARD_KIND_RECORDS[fields.type];
    for (const part of kind.parts) board.set(part, new Y.Map());
    for (const text of kind.texts ?? []) board.set(text, new Y.Text());
    if (kind.rounds) {
      const part = board.get(kind.rounds.part) as Y.Map<unknown>;
      for (const entryId of kind.rounds.ids) {
        const entry = new Y.Map<unknown>();
        entry.set('id', entryId);
        entry.set(ROUND_KEY, newRound());
        part.set(entryId, entry);
      }
    }
    boardOrderOf(doc).push([id]);
  }, origin);
  return ok(id);
}

export function updateBoard(doc: Y.Doc, id: string, changes: BoardWordChanges, origin: unknown): Result<void, BoardError> {
  const board = liveBoard(doc, id);
  if (!board) return err('no-board', id);
  const words = checkWords(changes);
  if (!words.ok) return words;
  doc.transact(() => {
    for (const [key, value] of words.value) {
      // An older app never wrote the Khmer fields: a cleared one goes, as if never given.
      if (value || key === 'title' || key === 'prompt') board.set(key, value);
      else if (board.has(key)) board.delete(key);
    }
  }, origin);
  return ok(undefined);
}

/** Moves a board to `toIndex` in agenda order (an index into `boardIds`). */
export function moveBoard(doc: Y.Doc, id: string, toIndex: number, origin: unknown): Result<void, BoardError> {
  const ids = boardIds(doc);
  const from = ids.indexOf(id);
  if (from < 0) return err('no-board', id);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= ids.length) return err('bad-index', String(toIndex));
  if (from === toIndex) return ok(undefined);
  const reordered = ids.filter((b) => b !== id);
  reordered.splice(toIndex, 0, id);
  doc.transact(() => {
    const order = boardOrderOf(doc);
    // Rewriting only the live ids also drops stale duplicates left by concurrent moves.
    order.delete(0, order.length);
    order.push(reordered);
  }, origin);
  return ok(undefined);
}

export function deleteBoard(doc: Y.Doc, id: string, origin: unknown): Result<void, BoardError> {
  const board = liveBoard(doc, id);
  if (!board) return err('no-board', id);
  doc.transact(() => {
    board.set('deleted', true);
    const order = boardOrderOf(doc);
    for (let i = order.length - 1; i >= 0; i--) if (order.get(i) === id) order.delete(i, 1);
  }, origin);
  return ok(undefined);
}
