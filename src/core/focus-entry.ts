import * as Y from 'yjs';
import { entriesOf } from './board-entries';

/* Kept apart from facilitation/focus.ts, which imports the signing code: the screens read the
 * focused entry with this, and must not bring the cryptography into the first load. */

/** The note, stakeholder or proposal the facilitator put on every screen; `seq` tells a new call
 *  from one a device already stepped back from. */
export interface FocusTarget {
  boardId: string;
  entryId: string;
  seq: number;
}

/** What a screen shows of a focused entry: its words only (a note's or proposal's text, a
 *  stakeholder's name and needs), never its author, whatever the board's anonymity. */
export interface FocusedEntry {
  title: string;
  details: string[];
}

const textOf = (value: unknown): string => (value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '');

export function focusedEntry(doc: Y.Doc, boardId: string, entryId: string): FocusedEntry | undefined {
  const entry = entriesOf(doc, boardId)?.get(entryId);
  if (!(entry instanceof Y.Map)) return undefined;
  const title = textOf(entry.get('text')) || textOf(entry.get('name'));
  const details = ['needs', 'interests', 'motivations', 'brings'].map((k) => textOf(entry.get(k))).filter(Boolean);
  return { title, details };
}
