import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';
import { answerIn, newRound, roundOf, ROUND_KEY, type ConsentError, type ConsentRound, type Voter } from './consent';
import { newId } from './ids';
import { byOrder, keyAfter } from './order';
import { applyTextChange } from './items';
import { err, ok, type Result } from './result';
import { boardPartOf, liveBoard } from './schema';
import { checkText, LIMITS, stripControls, type TextError } from './text';

/* A vision board holds one statement everyone edits at once (a Y.Text: each edit changes only
 * the characters that changed, so two people typing in different places both keep their words)
 * and the versions the facilitator names along the way ("Draft 1", "After group work"), each a
 * snapshot of the statement with its own consent round. Seed 000 (L41-42) asks for a draft
 * vision that stays flexible; seed 004 (L41, L71) for a joint objective. */

export interface VisionVersion {
  id: string;
  name: string;
  text: string;
  createdBy: string;
  createdAt: number;
  /** Position key: versions list in the order they were named, whatever the devices' clocks. */
  order: string;
  round: ConsentRound;
}

export type VisionError = TextError | ConsentError | 'no-version' | 'empty-vision';

const STATEMENT = 'statement';
const VERSIONS = 'versions';

const statementOf = (doc: Y.Doc, boardId: string): Y.Text | undefined => {
  const text = liveBoard(doc, boardId)?.get(STATEMENT);
  return text instanceof Y.Text ? text : undefined;
};
const versionsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, VERSIONS);

/** The statement as it stands now ('' on a board that is not a vision board). */
export const visionText = (doc: Y.Doc, boardId: string): string => statementOf(doc, boardId)?.toString() ?? '';

/** Brings the shared statement to `raw`, changing only the characters that differ. Spaces and
 *  unfinished words are kept as typed, since this runs at each keystroke; pasted controls go. */
export function editVision(doc: Y.Doc, boardId: string, raw: string, origin: unknown): Result<void, VisionError> {
  const statement = statementOf(doc, boardId);
  if (!statement) return err('no-board', boardId);
  const text = stripControls(raw);
  const length = [...text].length;
  if (length > LIMITS.vision) return err('too-long', `${length} > ${LIMITS.vision}`);
  if (statement.toString() !== text) doc.transact(() => applyTextChange(statement, text), origin);
  return ok(undefined);
}

/** Where a caret at `index` of `before` belongs in `after`, when someone else's edit changed the
 *  text under it: behind the change it moves with the text, inside a replaced run it goes to
 *  the run's start. */
export function shiftCaret(before: string, after: string, index: number): number {
  const { index: at, remove, insert } = simpleDiffString(before, after);
  if (index <= at) return index;
  if (index >= at + remove) return index - remove + insert.length;
  return at;
}

function toVersion(doc: Y.Doc, map: Y.Map<unknown>, me: string | undefined): VisionVersion {
  return {
    id: String(map.get('id')),
    name: String(map.get('name') ?? ''),
    text: String(map.get('text') ?? ''),
    createdBy: String(map.get('createdBy') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    order: String(map.get('order') ?? ''),
    round: roundOf(doc, map, me),
  };
}

/** The named versions, oldest first; `me` fills in each round's `mine`. */
export function listVersions(doc: Y.Doc, boardId: string, me?: string): VisionVersion[] {
  return [...(versionsOf(doc, boardId)?.values() ?? [])].map((m) => toVersion(doc, m, me)).sort(byOrder);
}

/** The version the room adopted last, if any: the summary shows it first. */
export function adoptedVersion(doc: Y.Doc, boardId: string): VisionVersion | undefined {
  return listVersions(doc, boardId).filter((v) => v.round.status === 'adopted').at(-1);
}

/** Keeps the statement as it stands under a name; the statement itself stays editable. */
export function nameVersion(
  doc: Y.Doc, boardId: string, fields: { name: string; createdBy: string }, origin: unknown,
): Result<string, VisionError> {
  const name = checkText(fields.name, 'versionName');
  if (!name.ok) return name;
  const versions = versionsOf(doc, boardId);
  if (!versions) return err('no-board', boardId);
  const text = visionText(doc, boardId).trim();
  if (!text) return err('empty-vision');
  const id = newId();
  const order = keyAfter(listVersions(doc, boardId));
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ id, name: name.value, text, createdBy: fields.createdBy, createdAt: Date.now(), order })) {
      map.set(key, value);
    }
    map.set(ROUND_KEY, newRound());
    versions.set(id, map);
  }, origin);
  return ok(id);
}

function versionMap(doc: Y.Doc, boardId: string, versionId: string): Result<Y.Map<unknown>, VisionError> {
  const versions = versionsOf(doc, boardId);
  if (!versions) return err('no-board', boardId);
  const map = versions.get(versionId);
  return map ? ok(map) : err('no-version', versionId);
}

export function renameVersion(doc: Y.Doc, boardId: string, versionId: string, rawName: string, origin: unknown): Result<void, VisionError> {
  const name = checkText(rawName, 'versionName');
  if (!name.ok) return name;
  const map = versionMap(doc, boardId, versionId);
  if (!map.ok) return map;
  if (map.value.get('name') !== name.value) doc.transact(() => map.value.set('name', name.value), origin);
  return ok(undefined);
}

export function deleteVersion(doc: Y.Doc, boardId: string, versionId: string, origin: unknown): Result<void, VisionError> {
  const map = versionMap(doc, boardId, versionId);
  if (!map.ok) return map;
  doc.transact(() => versionsOf(doc, boardId)!.delete(versionId), origin);
  return ok(undefined);
}

/** Puts a version's words back into the shared statement (the room goes back to a draft). */
export function restoreVersion(doc: Y.Doc, boardId: string, versionId: string, origin: unknown): Result<void, VisionError> {
  const map = versionMap(doc, boardId, versionId);
  if (!map.ok) return map;
  return editVision(doc, boardId, String(map.value.get('text') ?? ''), origin);
}

/** A participant's answer in a version's consent round, for their group. */
export function answerVersion(
  doc: Y.Doc, boardId: string, versionId: string, voter: Voter, response: { answer: string | null; reason?: string }, origin: unknown,
): Result<void, VisionError> {
  const map = versionMap(doc, boardId, versionId);
  if (!map.ok) return map;
  return answerIn(doc, map.value, voter, response, origin);
}
