import type * as Y from 'yjs';
import { newId } from '../ids';
import { checkNoteText, listItems, restoreItem, type Item, type NewItem } from '../items';
import { keyAfter } from '../order';
import { err, ok, type Result } from '../result';
import { itemsOf, liveBoard } from '../schema';
import type { TextError } from '../text';
import { boardModes, silentChange } from './board-modes';
import { signChanges, storeRecords, type ControlError, type Signer } from './controls';
import { sealingKeys } from './roles';
import { openSealed, sealForFacilitators, writeUnlinked, type SealError } from './sealed-boxes';

/* During a silent brainstorm every peer holds the whole document, so a note hidden only by the
 * interface would be readable in anyone's copy. A hidden note is therefore written sealed:
 * `sealed` maps a note id to { board, box }, the box holding text, author, group and time,
 * openable by the facilitators (and by the author's own key, if given) and nobody else. */

export const sealedOf = (doc: Y.Doc) => doc.getMap<unknown>('sealed');

export type HiddenNote = Pick<Item, 'id' | 'text' | 'createdBy' | 'group' | 'createdAt' | 'lane' | 'cluster'>;
export type HiddenNoteError = TextError | ControlError | SealError | 'no-board' | 'not-silent' | 'no-note';

const context = (boardId: string, noteId: string) => `common-ground/hidden-note/1\n${boardId}\n${noteId}`;

interface SealedEntry {
  board: string;
  box: string;
}

function entriesOf(doc: Y.Doc, boardId: string): [string, SealedEntry][] {
  return [...sealedOf(doc).entries()].filter((entry): entry is [string, SealedEntry] => {
    const value = entry[1] as Partial<SealedEntry> | null;
    return typeof value?.box === 'string' && value.board === boardId;
  });
}

/** Adds a note to a silent board, sealed to every facilitator now and to `authorKey` (the
 *  author device's own X25519 public key, so that it can show its hidden notes after a reload). */
export function addHiddenNote(
  doc: Y.Doc, root: string, boardId: string, fields: NewItem & { authorKey?: string }, origin: unknown,
): Result<string, HiddenNoteError> {
  const text = checkNoteText(fields.text);
  if (!text.ok) return text;
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  if (!sealingKeys(doc, root).length) return err('bad-root');
  if (!boardModes(doc, root, boardId).silent) return err('not-silent', boardId);
  const note: HiddenNote = {
    id: newId(), text: text.value, createdBy: fields.createdBy,
    group: fields.group, createdAt: Date.now(), lane: fields.lane ?? '', cluster: fields.cluster ?? '',
  };
  const box = sealForFacilitators(doc, root, note, fields.authorKey, context(boardId, note.id));
  if (!box.ok) return box;
  writeUnlinked(doc, () => sealedOf(doc).set(note.id, { board: boardId, box: box.value }), origin);
  return ok(note.id);
}

/** A note's author can take it back before the reveal. A deletion names only what it deletes,
 *  never who deleted it, so it needs no one-off device. */
export function deleteHiddenNote(doc: Y.Doc, boardId: string, noteId: string, origin: unknown): Result<void, HiddenNoteError> {
  if (!entriesOf(doc, boardId).some(([id]) => id === noteId)) return err('no-note', noteId);
  doc.transact(() => sealedOf(doc).delete(noteId), origin);
  return ok(undefined);
}

/** How many notes wait for the reveal on a board: everyone may see that notes exist. */
export const hiddenNoteCount = (doc: Y.Doc, boardId: string): number => entriesOf(doc, boardId).length;

/** A box's contents, checked as carefully as any note typed here: its author may run a
 *  modified client. The id must be the entry's own, so a box copied to another entry is refused. */
function parseNote(raw: unknown, noteId: string): HiddenNote | undefined {
  const n = (raw ?? {}) as Record<keyof HiddenNote, unknown>;
  const strings = [n.id, n.text, n.createdBy, n.group, n.lane, n.cluster];
  if (!strings.every((s) => typeof s === 'string') || typeof n.createdAt !== 'number' || n.id !== noteId) return undefined;
  const text = checkNoteText(n.text as string);
  if (!text.ok) return undefined;
  return {
    id: noteId, text: text.value, createdBy: n.createdBy as string, group: n.group as string,
    createdAt: n.createdAt, lane: n.lane as string, cluster: n.cluster as string,
  };
}

/** The hidden notes on a board that `secret` opens: the author's own, or all of them for a
 *  facilitator. Oldest first. */
export function openHiddenNotes(doc: Y.Doc, boardId: string, secret: string): HiddenNote[] {
  return entriesOf(doc, boardId)
    .map(([id, { box }]) => openSealed(box, secret, context(boardId, id), (raw) => parseNote(raw, id)))
    .filter((n): n is HiddenNote => n !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface Reveal {
  revealed: number;
  /** Boxes this facilitator's key cannot open (sealed before it was granted, or junk). */
  unreadable: number;
}

/** Ends silent mode and publishes every hidden note this facilitator can open as an ordinary
 *  note with its author and group, all in one transaction. Needs only the facilitator's key, so
 *  it works after the authors have left. Safe to repeat for notes that arrive after a reveal. */
export function revealBoard(doc: Y.Doc, signer: Signer, boardId: string, origin: unknown): Result<Reveal, HiddenNoteError> {
  const items = itemsOf(doc, boardId);
  if (!items) return err('no-board', boardId);
  const entries = entriesOf(doc, boardId);
  const notes = openHiddenNotes(doc, boardId, signer.keys.sealing.secret);
  const signed = signChanges(doc, signer, [silentChange(boardId, false)]);
  if (!signed.ok) return signed;
  doc.transact(() => {
    storeRecords(doc, signed.value);
    for (const note of notes) {
      const order = keyAfter(listItems(doc, boardId, note.lane));
      restoreItem(doc, boardId, { ...note, updatedAt: note.createdAt, order }, origin);
      sealedOf(doc).delete(note.id);
    }
  }, origin);
  return ok({ revealed: notes.length, unreadable: entries.length - notes.length });
}
