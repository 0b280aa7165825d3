import type * as Y from 'yjs';
import type { Json } from './encoding';
import { facilitatorId, type FacilitatorKeys } from './keys';
import { err, ok, type Result } from '../result';
import { heldRoleAt, ROLE_KINDS, rolesOf, rosterOf, type Roster } from './roster';
import { bySeq, readRecord, signRecord, type SignedRecord } from './signature';

/** Facilitator-only state (locks, silent mode, agenda, timer, follow target, votes): signed
 *  records, one entry per (kind, target, signer). A facilitator's newer record replaces their
 *  own older one; two facilitators never overwrite each other, and readers pick the winner. */
export const controlsOf = (doc: Y.Doc) => doc.getMap<unknown>('controls');

/** What a facilitator's device acts with: the workshop's root (from the invite link or the
 *  creator's device) and its own keys, which never leave the device. */
export interface Signer {
  root: string;
  keys: FacilitatorKeys;
}

export interface Change {
  kind: string;
  target: string;
  value: Json;
}

export type ControlError = 'bad-root' | 'not-facilitator';

/** The slot of a record: the signing key's first 66 bits tell facilitators apart. */
const slotOf = (r: SignedRecord) => `${r.kind}|${r.target}|${r.signer.slice(0, 11)}`;

/** Every control record that is validly signed by someone who held the role at its `seq`. */
function validControls(doc: Y.Doc, roster: Roster): SignedRecord[] {
  return [...controlsOf(doc).values()]
    .map((raw) => readRecord(roster.root, raw))
    .filter((r): r is SignedRecord => r !== undefined && heldRoleAt(roster, r.signer, r.seq));
}

/** For each target of `kind`, the record that wins: the highest (seq, signer) whose value
 *  `parse` accepts. Forged, tampered and unsigned entries never get here. */
export function winners<T>(doc: Y.Doc, root: string, kind: string, parse: (value: Json) => T | undefined): Map<string, { value: T; record: SignedRecord }> {
  const roster = rosterOf(doc, root);
  const best = new Map<string, { value: T; record: SignedRecord }>();
  if (!roster) return best;
  for (const record of validControls(doc, roster)) {
    if (record.kind !== kind) continue;
    const value = parse(record.value);
    if (value === undefined) continue;
    const held = best.get(record.target);
    if (!held || bySeq(held.record, record) < 0) best.set(record.target, { value, record });
  }
  return best;
}

export function winner<T>(doc: Y.Doc, root: string, kind: string, target: string, parse: (value: Json) => T | undefined) {
  return winners(doc, root, kind, parse).get(target);
}

/** Signs `changes` with consecutive Lamport counters above every record in the document, so
 *  they win over whatever this device has seen. Refused unless the signer is a facilitator now. */
export function signChanges(doc: Y.Doc, signer: Signer, changes: readonly Change[]): Result<SignedRecord[], ControlError> {
  const roster = rosterOf(doc, signer.root);
  if (!roster) return err('bad-root');
  const me = signer.keys.signing.public;
  if (!roster.current.has(me)) return err('not-facilitator', facilitatorId(signer.keys));
  const top = validControls(doc, roster).reduce((max, r) => Math.max(max, r.seq), roster.maxSeq);
  return ok(changes.map((change, i) =>
    signRecord(signer.root, signer.keys.signing.secret, { ...change, seq: top + 1 + i, signer: me })));
}

/** The maps that hold signed records: the one place that knows where each record lives. */
export const RECORD_MAPS = ['roles', 'controls'] as const;
export type RecordMap = (typeof RECORD_MAPS)[number];

export const recordMapOf = (doc: Y.Doc, map: RecordMap) => (map === 'roles' ? rolesOf(doc) : controlsOf(doc));

/** Where a record is stored: a role record under its signature (the roles are append-only), any
 *  other in its slot. Readers never rely on the key; the witness does, to know which record
 *  an entry should hold. */
export const homeOf = (record: SignedRecord): { map: RecordMap; key: string } =>
  (ROLE_KINDS as readonly string[]).includes(record.kind) ? { map: 'roles', key: record.sig } : { map: 'controls', key: slotOf(record) };

/** Writes signed records inside the caller's transaction. */
export function storeRecords(doc: Y.Doc, records: readonly SignedRecord[]): void {
  for (const record of records) {
    const { map, key } = homeOf(record);
    recordMapOf(doc, map).set(key, record);
  }
}

/** Signs and writes `changes` in one transaction. */
export function writeChanges(doc: Y.Doc, signer: Signer, changes: readonly Change[], origin: unknown): Result<void, ControlError> {
  const signed = signChanges(doc, signer, changes);
  if (!signed.ok) return signed;
  doc.transact(() => storeRecords(doc, signed.value), origin);
  return ok(undefined);
}
