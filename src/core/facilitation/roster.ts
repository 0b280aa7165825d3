import type * as Y from 'yjs';
import { parseFacilitatorId } from './keys';
import { bySeq, readRecord, type SignedRecord } from './signature';

/** Grants and removals of facilitators, append-only (keyed by signature) so that the whole
 *  history replays the same way on every device. */
export const rolesOf = (doc: Y.Doc) => doc.getMap<unknown>('roles');

export const ROLE_KINDS = ['grant', 'remove'] as const;

export interface Facilitator {
  /** The facilitator id (both public keys), as in an invite link. */
  id: string;
  participantId: string;
  name: string;
  /** The facilitator id of whoever granted the role; '' for the workshop's creator. */
  grantedBy: string;
}

/** Who is a facilitator now, and since when each signing key held the role: a record counts
 *  only if its signer was a facilitator at its `seq`, so a removed co-facilitator's earlier
 *  decisions stand and later ones do not. */
export interface Roster {
  root: string;
  current: Map<string, Facilitator>;
  terms: Map<string, { from: number; until: number }[]>;
  /** The highest `seq` among the records that took effect. */
  maxSeq: number;
}

const MAX_NAME = 120;

/** A grant's value: who the key belongs to. */
export function grantee(value: unknown): { participantId: string; name: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { participantId, name } = value as Record<string, unknown>;
  if (typeof participantId !== 'string' || typeof name !== 'string') return undefined;
  if (participantId.length > MAX_NAME || name.length > MAX_NAME) return undefined;
  return { participantId, name };
}

/** A removal's value: the keys the removed facilitator had granted the role to, as the remover
 *  saw them. A removed facilitator still holds their key and could sign a grant dated inside
 *  their past term; a grant of theirs to a key not listed does not count, whether it was made
 *  after the removal or offline before it, unseen. Removals without the list limit nothing. */
export const removalValue = (granted: readonly string[]) => ({ granted: [...granted] });

function grantedOf(value: unknown): Set<string> | undefined {
  const granted = (value as { granted?: unknown } | null)?.granted;
  return Array.isArray(granted) ? new Set(granted.filter((g): g is string => typeof g === 'string')) : undefined;
}

/** The keys `signer` (an Ed25519 public key) has granted the role to in `doc`, as `removalValue`
 *  lists them. */
export function grantedBy(doc: Y.Doc, root: string, signer: string): string[] {
  const records = validRoleRecords(doc, root).filter((r) => r.kind === 'grant' && r.signer === signer);
  return [...new Set(records.map((r) => r.target))];
}

const validRoleRecords = (doc: Y.Doc, root: string) => [...rolesOf(doc).values()]
  .map((raw) => readRecord(root, raw))
  .filter((r): r is SignedRecord => r !== undefined && (ROLE_KINDS as readonly string[]).includes(r.kind))
  .sort(bySeq);

/** Replays every valid role record in (seq, signer) order from the root, which is trusted
 *  because its id came from the invite link or the creator's own device, never from the
 *  document. Undefined when `root` is not a facilitator id. */
export function rosterOf(doc: Y.Doc, root: string): Roster | undefined {
  const rootKeys = parseFacilitatorId(root);
  if (!rootKeys) return undefined;
  const records = validRoleRecords(doc, root);
  // A refused grant can undo the removal that refused another (its grantee signed it), so the
  // replay runs again until the refusals it finds are the ones it started from.
  let refused = new Set<string>();
  for (let round = 0; ; round++) {
    const { roster, refuse } = replay(root, rootKeys.signing, records, refused);
    if (round >= records.length || (refuse.size === refused.size && [...refuse].every((sig) => refused.has(sig)))) return roster;
    refused = refuse;
  }
}

function replay(root: string, rootSigning: string, records: readonly SignedRecord[], refused: ReadonlySet<string>): { roster: Roster; refuse: Set<string> } {
  const current = new Map<string, Facilitator>([[rootSigning, { id: root, participantId: '', name: '', grantedBy: '' }]]);
  const terms = new Map([[rootSigning, [{ from: 0, until: Infinity }]]]);
  const refuse = new Set<string>();
  let maxSeq = 0;
  for (const record of records) {
    const signer = current.get(record.signer);
    const subject = parseFacilitatorId(record.target);
    if (!signer || !subject || refused.has(record.sig)) continue;
    const held = current.get(subject.signing);
    if (record.kind === 'grant') {
      const who = grantee(record.value);
      if (!who) continue;
      if (held) {
        current.set(subject.signing, { ...held, ...who });
      } else {
        current.set(subject.signing, { id: record.target, ...who, grantedBy: signer.id });
        terms.set(subject.signing, [...(terms.get(subject.signing) ?? []), { from: record.seq, until: Infinity }]);
      }
    } else {
      // Any facilitator may remove a co-facilitator, but only the creator ends the creator's role
      // (a hand-over): a co-facilitator cannot take the workshop away from the person who made it.
      if (!held || (subject.signing === rootSigning && record.signer !== rootSigning)) continue;
      current.delete(subject.signing);
      const term = terms.get(subject.signing)!.at(-1)!;
      term.until = record.seq;
      const granted = grantedOf(record.value);
      if (granted) {
        for (const grant of records) {
          if (grant.kind === 'grant' && grant.signer === subject.signing && term.from < grant.seq && grant.seq < term.until && !granted.has(grant.target)) refuse.add(grant.sig);
        }
      }
    }
    maxSeq = Math.max(maxSeq, record.seq);
  }
  return { roster: { root, current, terms, maxSeq }, refuse };
}

/** Whether `signer` (an Ed25519 public key) was a facilitator when it wrote at `seq`. */
export const heldRoleAt = (roster: Roster, signer: string, seq: number): boolean =>
  (roster.terms.get(signer) ?? []).some((t) => t.from < seq && seq < t.until);
