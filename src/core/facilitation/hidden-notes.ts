import type * as Y from 'yjs';
import { newId } from '../ids';
import { checkNoteText, listItems, restoreItem, type Item, type NewItem } from '../items';
import { keyAfter } from '../order';
import { err, ok, type Result } from '../result';
import { itemsOf, liveBoard } from '../schema';
import type { TextError } from '../text';
import { boardModes, silentChange } from './board-modes';
import { signChanges, storeRecords, type ControlError, type Signer } from './controls';
import { fromBase64url, utf8 } from './encoding';
import { boundedCache } from './memo';
import { sealingKeys } from './roles';
import { seal, unseal } from './sealing';

/* During a silent brainstorm every peer holds the whole document, so a note hidden only by the
 * interface would be readable in anyone's copy. A hidden note is therefore written sealed:
 * `sealed` maps a note id to { board, box }, the box holding text, author, group and time,
 * openable by the facilitators (and by the author's own key, if given) and nobody else. */

export const sealedOf = (doc: Y.Doc) => doc.getMap<unknown>('sealed');

export type HiddenNote = Pick<Item, 'id' | 'text' | 'createdBy' | 'group' | 'createdAt' | 'lane' | 'cluster'>;
export type HiddenNoteError = TextError | ControlError | 'no-board' | 'not-silent' | 'no-note' | 'bad-key';

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

/** A random 32-bit Yjs client id, as Yjs makes its own. */
const freshClientId = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/** Every entry in a Yjs update carries the id of the device that wrote it, and presence maps
 *  that id to a name. Writing the box as a one-off device leaves nothing that links it to its
 *  author. Yjs allows a document's client id to change (it does so itself on a clash). */
function writeUnlinked(doc: Y.Doc, write: () => void, origin: unknown): void {
  const own = doc.clientID;
  doc.clientID = freshClientId();
  try {
    doc.transact(write, origin);
  } finally {
    doc.clientID = own;
  }
}

/** Adds a note to a silent board, sealed to every facilitator now and to `authorKey` (the
 *  author device's own X25519 public key, so that it can show its hidden notes after a reload). */
export function addHiddenNote(
  doc: Y.Doc, root: string, boardId: string, fields: NewItem & { authorKey?: string }, origin: unknown,
): Result<string, HiddenNoteError> {
  const text = checkNoteText(fields.text);
  if (!text.ok) return text;
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  const recipients = sealingKeys(doc, root);
  if (recipients.length === 0) return err('bad-root');
  if (!boardModes(doc, root, boardId).silent) return err('not-silent', boardId);
  if (fields.authorKey !== undefined && fromBase64url(fields.authorKey)?.length !== 32) return err('bad-key', fields.authorKey);
  const note: HiddenNote = {
    id: newId(), text: text.value, createdBy: fields.createdBy,
    group: fields.group, createdAt: Date.now(), lane: fields.lane ?? '', cluster: fields.cluster ?? '',
  };
  const box = seal(utf8(JSON.stringify(note)), fields.authorKey ? [...recipients, fields.authorKey] : recipients, context(boardId, note.id));
  writeUnlinked(doc, () => sealedOf(doc).set(note.id, { board: boardId, box }), origin);
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

const opened = boundedCache<HiddenNote | undefined>(2048);

/** Opening costs an X25519 operation; views ask at every change, boxes never change. */
function open(boardId: string, noteId: string, box: string, secret: string): HiddenNote | undefined {
  return opened(`${secret}\n${boardId}\n${noteId}\n${box}`, () => {
    const plain = unseal(box, secret, context(boardId, noteId));
    return plain && parseNote(new TextDecoder().decode(plain), noteId);
  });
}

/** A box's contents, checked as carefully as any note typed here: its author may run a
 *  modified client. The id must be the entry's own, so a box copied to another entry is refused. */
function parseNote(json: string, noteId: string): HiddenNote | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
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
    .map(([id, { box }]) => open(boardId, id, box, secret))
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
