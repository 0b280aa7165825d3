import * as Y from 'yjs';
import { err, ok, type Result } from './result';
import { checkText, type TextError } from './text';

/** Who has contributed to this workshop, so notes show an author and the summary can list
 *  participants by group. Keyed by the stable random participant id of each device's profile. */
export interface Participant {
  id: string;
  name: string;
  group: string;
  color: string;
}

export const participantsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('participants');

export function listParticipants(doc: Y.Doc): Participant[] {
  return [...participantsOf(doc).values()]
    .map((m) => m.toJSON() as Participant)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Adds or refreshes this device's participant; writes only the fields that changed. */
export function upsertParticipant(doc: Y.Doc, fields: Participant, origin: unknown): Result<void, TextError | 'no-id'> {
  if (!fields.id) return err('no-id');
  const name = checkText(fields.name, 'displayName');
  if (!name.ok) return name;
  const all = participantsOf(doc);
  const next = { ...fields, name: name.value };
  const current = all.get(fields.id);
  if (current && Object.entries(next).every(([k, v]) => current.get(k) === v)) return ok(undefined);
  doc.transact(() => {
    const map = current ?? new Y.Map<unknown>();
    for (const [k, v] of Object.entries(next)) if (current?.get(k) !== v) map.set(k, v);
    if (!current) all.set(fields.id, map);
  }, origin);
  return ok(undefined);
}
