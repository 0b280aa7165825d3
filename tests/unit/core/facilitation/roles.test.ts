import { describe, expect, it } from 'vitest';
import { boardModes, setBoardLocked } from '../../../../src/core/facilitation/board-modes';
import { facilitatorId, newFacilitatorKeys } from '../../../../src/core/facilitation/keys';
import {
  grantFacilitator, handOver, isFacilitator, listFacilitators, removeFacilitator, sealingKeys,
} from '../../../../src/core/facilitation/roles';
import { rolesOf } from '../../../../src/core/facilitation/roster';
import { signRecord } from '../../../../src/core/facilitation/signature';
import { exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

const bo = { participantId: 'p2', name: 'Bo' };

describe('the creator', () => {
  it('is the only facilitator of a new workshop, named by a self-grant', () => {
    const { doc, root, creator } = facilitated();
    expect(listFacilitators(doc, root)).toEqual([{ id: root, participantId: 'p1', name: 'Ana', grantedBy: '' }]);
    expect(isFacilitator(doc, root, { key: root })).toBe(true);
    expect(isFacilitator(doc, root, { participant: 'p1' })).toBe(true);
    expect(isFacilitator(doc, root, { participant: 'p2' })).toBe(false);
    expect(sealingKeys(doc, root)).toEqual([creator.keys.sealing.public]);
  });

  it('is trusted from the root given by the invite, not from the document', () => {
    const { doc, root } = facilitated();
    const impostor = otherSigner(root);
    // A participant cannot make themselves root: whose id is root is not the document's to say.
    const fake = facilitatorId(impostor.keys);
    expect(listFacilitators(doc, fake).map((f) => f.id)).toEqual([fake]);
    expect(isFacilitator(doc, root, { key: fake })).toBe(false);
    expect(listFacilitators(doc, 'not-a-key')).toEqual([]);
  });
});

describe('grantFacilitator', () => {
  it('adds a co-facilitator in one transaction, who can then sign and grant', () => {
    const { doc, board, root, creator } = facilitated();
    const co = otherSigner(root);
    const coId = facilitatorId(co.keys);
    const { result, updates, origins } = recordWrites(doc, () => grantFacilitator(doc, creator, coId, bo, 'ana'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect([updates, origins]).toEqual([1, ['ana']]);
    expect(listFacilitators(doc, root)).toEqual([
      { id: root, participantId: 'p1', name: 'Ana', grantedBy: '' },
      { id: coId, participantId: 'p2', name: 'Bo', grantedBy: root },
    ]);
    expect(sealingKeys(doc, root)).toContain(co.keys.sealing.public);
    unwrap(setBoardLocked(doc, co, board, true, 'bo'));
    expect(boardModes(doc, root, board).locked).toBe(true);
    const third = otherSigner(root);
    unwrap(grantFacilitator(doc, co, facilitatorId(third.keys), { participantId: 'p3', name: 'Cy' }, 'bo'));
    expect(isFacilitator(doc, root, { key: facilitatorId(third.keys) })).toBe(true);
  });

  it('is refused to a participant, and a participant\'s own signed grant is ignored', () => {
    const { doc, root } = facilitated();
    const participant = otherSigner(root);
    const pid = facilitatorId(participant.keys);
    expect(grantFacilitator(doc, participant, pid, bo, 'bo')).toEqual({ ok: false, error: 'not-facilitator', detail: pid });
    // A modified client writes the record anyway, correctly signed with its own key.
    const forged = signRecord(root, participant.keys.signing.secret, { kind: 'grant', target: pid, value: bo, seq: 99, signer: participant.keys.signing.public });
    rolesOf(doc).set(forged.sig, forged);
    expect(isFacilitator(doc, root, { key: pid })).toBe(false);
  });

  it('checks the key and the name', () => {
    const { doc, creator } = facilitated();
    expect(grantFacilitator(doc, creator, 'nope', bo, 'a')).toMatchObject({ ok: false, error: 'bad-key' });
    expect(grantFacilitator(doc, creator, facilitatorId(newFacilitatorKeys()), { participantId: 'p', name: 'x'.repeat(61) }, 'a'))
      .toMatchObject({ ok: false, error: 'too-long' });
    expect(grantFacilitator(doc, { ...creator, root: 'x' }, facilitatorId(creator.keys), bo, 'a')).toEqual({ ok: false, error: 'bad-root' });
  });
});

describe('removeFacilitator and handOver', () => {
  it('hands over: the new facilitator holds the role, the creator no longer does', () => {
    const { doc, board, root, creator } = facilitated();
    const co = otherSigner(root);
    const coId = facilitatorId(co.keys);
    unwrap(setBoardLocked(doc, creator, board, true, 'ana'));
    const { updates } = recordWrites(doc, () => unwrap(handOver(doc, creator, coId, bo, 'ana')));
    expect(updates).toBe(1);
    expect(listFacilitators(doc, root).map((f) => f.id)).toEqual([coId]);
    // The creator's decisions before the hand-over stand; after it, their signatures count for nothing.
    expect(boardModes(doc, root, board).locked).toBe(true);
    expect(setBoardLocked(doc, creator, board, false, 'ana')).toMatchObject({ ok: false, error: 'not-facilitator' });
    unwrap(setBoardLocked(doc, co, board, false, 'bo'));
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('lets a facilitator step down or remove a co-facilitator, whose later records are ignored', () => {
    const { doc, board, root, creator } = facilitated();
    const co = otherSigner(root);
    const coId = facilitatorId(co.keys);
    unwrap(grantFacilitator(doc, creator, coId, bo, 'ana'));
    const coDevice = joinDevice(doc);
    unwrap(removeFacilitator(doc, creator, coId, 'ana'));
    // Offline, the co-facilitator's device still believes it holds the role and locks the board.
    unwrap(setBoardLocked(coDevice, co, board, true, 'bo'));
    exchange(doc, coDevice);
    expect(boardModes(doc, root, board).locked).toBe(false);
    expect(boardModes(coDevice, root, board).locked).toBe(false);
    expect(removeFacilitator(doc, creator, coId, 'ana')).toMatchObject({ ok: false, error: 'not-a-facilitator' });
    unwrap(removeFacilitator(doc, creator, root, 'ana'));
    expect(listFacilitators(doc, root)).toEqual([]);
  });

  it('keeps the grants a removed co-facilitator made, and refuses one they date inside their past term', () => {
    const { doc, board, root, creator } = facilitated();
    const co = otherSigner(root);
    const coId = facilitatorId(co.keys);
    unwrap(grantFacilitator(doc, creator, coId, bo, 'ana'));
    const friend = otherSigner(root);
    unwrap(grantFacilitator(doc, co, facilitatorId(friend.keys), { participantId: 'p3', name: 'Chan' }, 'bo'));
    for (const locked of [true, false, true]) unwrap(setBoardLocked(doc, creator, board, locked, 'ana'));
    unwrap(removeFacilitator(doc, creator, coId, 'ana'));
    // The removed co-facilitator signs a grant to a key of their own, dated before the removal.
    const puppet = otherSigner(root);
    const [removal] = [...rolesOf(doc).values()].filter((r) => (r as { kind: string }).kind === 'remove') as { seq: number }[];
    const backdated = signRecord(root, co.keys.signing.secret, {
      kind: 'grant', target: facilitatorId(puppet.keys), value: bo, seq: removal!.seq - 1, signer: co.keys.signing.public,
    });
    // Acting as a facilitator, the puppet removes one.
    const coup = signRecord(root, puppet.keys.signing.secret, {
      kind: 'remove', target: facilitatorId(friend.keys), value: { granted: [] }, seq: removal!.seq + 5, signer: puppet.keys.signing.public,
    });
    rolesOf(doc).set(backdated.sig, backdated);
    rolesOf(doc).set(coup.sig, coup);
    expect(isFacilitator(doc, root, { key: facilitatorId(puppet.keys) })).toBe(false);
    expect(setBoardLocked(doc, puppet, board, false, 'puppet')).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(isFacilitator(doc, root, { key: facilitatorId(friend.keys) })).toBe(true);
    expect(listFacilitators(doc, root).map((f) => f.name)).toEqual(['Ana', 'Chan']);
  });

  it('never lets a co-facilitator remove the creator', () => {
    const { doc, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), bo, 'ana'));
    expect(removeFacilitator(doc, co, root, 'bo')).toEqual({ ok: false, error: 'cannot-remove-creator' });
    const forced = signRecord(root, co.keys.signing.secret, { kind: 'remove', target: root, value: null, seq: 50, signer: co.keys.signing.public });
    rolesOf(doc).set(forced.sig, forced);
    expect(isFacilitator(doc, root, { key: root })).toBe(true);
  });

  it('refuses to hand over to oneself', () => {
    const { doc, root, creator } = facilitated();
    expect(handOver(doc, creator, root, bo, 'ana')).toMatchObject({ ok: false, error: 'bad-key' });
  });
});

describe('roles across devices', () => {
  it('converge when two facilitators grant at once, offline', () => {
    const { doc, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), bo, 'ana'));
    const other = joinDevice(doc);
    const x = facilitatorId(newFacilitatorKeys());
    const y = facilitatorId(newFacilitatorKeys());
    unwrap(grantFacilitator(doc, creator, x, { participantId: 'px', name: 'X' }, 'ana'));
    unwrap(grantFacilitator(other, co, y, { participantId: 'py', name: 'Y' }, 'bo'));
    unwrap(removeFacilitator(other, co, facilitatorId(co.keys), 'bo'));
    exchange(doc, other);
    expect(listFacilitators(doc, root)).toEqual(listFacilitators(other, root));
    expect(listFacilitators(doc, root).map((f) => f.participantId).sort()).toEqual(['p1', 'px', 'py']);
  });
});
