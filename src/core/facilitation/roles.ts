import type * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { checkText, type TextError } from '../text';
import { writeChanges, type ControlError, type Signer } from './controls';
import { facilitatorId, parseFacilitatorId } from './keys';
import { grantedBy, removalValue, rosterOf, type Facilitator } from './roster';

export type { Facilitator } from './roster';
export type RoleError = ControlError | TextError | 'bad-key' | 'cannot-remove-creator' | 'not-a-facilitator';

export interface Grantee {
  participantId: string;
  name: string;
}

function checkGrantee(who: Grantee): Result<Grantee, TextError> {
  const name = checkText(who.name, 'displayName', { optional: true });
  return name.ok ? ok({ participantId: who.participantId, name: name.value }) : name;
}

/** Makes `subjectId` (a facilitator id the other device showed, e.g. as a QR code) a
 *  facilitator. Granting oneself only updates the participant and name the role shows: the
 *  creator does this once, so that everyone can see who facilitates. */
export function grantFacilitator(doc: Y.Doc, signer: Signer, subjectId: string, who: Grantee, origin: unknown): Result<void, RoleError> {
  if (!parseFacilitatorId(subjectId)) return err('bad-key', subjectId);
  const grantee = checkGrantee(who);
  if (!grantee.ok) return grantee;
  return writeChanges(doc, signer, [{ kind: 'grant', target: subjectId, value: { ...grantee.value } }], origin);
}

/** Ends a facilitator's role: one's own (stepping down) or a co-facilitator's. Only the
 *  creator can end the creator's role. */
export function removeFacilitator(doc: Y.Doc, signer: Signer, subjectId: string, origin: unknown): Result<void, RoleError> {
  const subject = parseFacilitatorId(subjectId);
  if (!subject) return err('bad-key', subjectId);
  const roster = rosterOf(doc, signer.root);
  if (!roster) return err('bad-root');
  if (!roster.current.has(subject.signing)) return err('not-a-facilitator', subjectId);
  const root = parseFacilitatorId(signer.root)!;
  if (subject.signing === root.signing && signer.keys.signing.public !== root.signing) return err('cannot-remove-creator');
  return writeChanges(doc, signer, [{ kind: 'remove', target: subjectId, value: removalValue(grantedBy(doc, signer.root, subject.signing)) }], origin);
}

/** Grants the role to `subjectId` and ends one's own, in one transaction: the grant's lower
 *  counter keeps it valid after the signer's role ends. */
export function handOver(doc: Y.Doc, signer: Signer, subjectId: string, who: Grantee, origin: unknown): Result<void, RoleError> {
  if (!parseFacilitatorId(subjectId)) return err('bad-key', subjectId);
  if (subjectId === facilitatorId(signer.keys)) return err('bad-key', subjectId);
  const grantee = checkGrantee(who);
  if (!grantee.ok) return grantee;
  return writeChanges(doc, signer, [
    { kind: 'grant', target: subjectId, value: { ...grantee.value } },
    { kind: 'remove', target: facilitatorId(signer.keys), value: removalValue([...grantedBy(doc, signer.root, signer.keys.signing.public), subjectId]) },
  ], origin);
}

/** The facilitators now, creator first, then by name. */
export function listFacilitators(doc: Y.Doc, root: string): Facilitator[] {
  const roster = rosterOf(doc, root);
  if (!roster) return [];
  return [...roster.current.values()].sort((a, b) =>
    Number(b.id === root) - Number(a.id === root) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Whether a device's facilitator id, or a participant, holds the role now. A participant id is
 *  only what a facilitator's signed grant says it is: use it to label people, and the key to
 *  decide what this device may sign. */
export function isFacilitator(doc: Y.Doc, root: string, who: { key: string } | { participant: string }): boolean {
  const roster = rosterOf(doc, root);
  if (!roster) return false;
  if ('key' in who) {
    const keys = parseFacilitatorId(who.key);
    return !!keys && roster.current.get(keys.signing)?.id === who.key;
  }
  return [...roster.current.values()].some((f) => f.participantId === who.participant && who.participant !== '');
}

/** The X25519 keys hidden notes are sealed to: every facilitator now, so any of them can reveal. */
export function sealingKeys(doc: Y.Doc, root: string): string[] {
  const roster = rosterOf(doc, root);
  return roster ? [...roster.current.values()].map((f) => parseFacilitatorId(f.id)!.sealing) : [];
}
