import * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { checkText, type TextError } from '../text';
import { decisionsOf, newEntry, num, parkedOf, readSource, str, type SourceRef } from './doc';

/* What a facilitator concludes about an item: *Decided* (with the decision's wording) or
 * *Parked — not central now* (seed 000 L99–101: disagreements not central now are put on hold),
 * to come back on a later meeting's agenda. */

/** A decision, with its wording. */
export interface Decision {
  id: string;
  text: string;
  source: SourceRef | null;
  meeting: string;
  at: number;
  by: string;
}

/** An item put on hold, with its wording. */
export interface Parked extends Decision {
  /** The meeting whose agenda took it up, and the board made for it there. */
  scheduled: { meeting: string; board: string } | null;
}

export type OutcomeError = TextError | 'no-parked';

interface OutcomeFields { text: string; source: SourceRef | null; meeting: string; by: string }

function add(map: Y.Map<Y.Map<unknown>>, fields: OutcomeFields, origin: unknown): Result<string, TextError> {
  const text = checkText(fields.text, 'note', { multiline: true });
  if (!text.ok) return text;
  const { id, map: entry } = newEntry({ ...fields, text: text.value, at: Date.now() });
  map.doc!.transact(() => map.set(id, entry), origin);
  return ok(id);
}

export const markDecided = (doc: Y.Doc, fields: OutcomeFields, origin: unknown) => add(decisionsOf(doc), fields, origin);

export const park = (doc: Y.Doc, fields: OutcomeFields, origin: unknown) => add(parkedOf(doc), fields, origin);

/** Puts a parked item on a meeting's agenda (the board made for it there). */
export function scheduleParked(doc: Y.Doc, id: string, at: { meeting: string; board: string }, origin: unknown): Result<void, OutcomeError> {
  const entry = parkedOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return err('no-parked', id);
  doc.transact(() => entry.set('scheduled', { meeting: at.meeting, board: at.board }), origin);
  return ok(undefined);
}

const base = (m: Y.Map<unknown>) => ({
  id: str(m.get('id')), text: str(m.get('text')), source: readSource(m.get('source')),
  meeting: str(m.get('meeting')), at: num(m.get('at')), by: str(m.get('by')),
});

const ordered = <T extends { at: number; id: string }>(list: T[]) => list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

const entries = (map: Y.Map<Y.Map<unknown>>) => [...map.values()].filter((m) => m instanceof Y.Map && str(m.get('id')));

export const listDecisions = (doc: Y.Doc): Decision[] => ordered(entries(decisionsOf(doc)).map(base));

export function listParked(doc: Y.Doc): Parked[] {
  return ordered(entries(parkedOf(doc)).map((m) => {
    const at = m.get('scheduled') as Record<string, unknown> | null | undefined;
    const scheduled = at && typeof at === 'object' && str(at.meeting) && str(at.board) ? { meeting: str(at.meeting), board: str(at.board) } : null;
    return { ...base(m), scheduled };
  }));
}
