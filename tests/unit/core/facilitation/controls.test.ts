import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteBoard } from '../../../../src/core/boards';
import { boardModes, setBoardLocked, startSilent } from '../../../../src/core/facilitation/board-modes';
import { controlsOf, writeChanges } from '../../../../src/core/facilitation/controls';
import { facilitatorId } from '../../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import { signRecord, type SignedRecord } from '../../../../src/core/facilitation/signature';
import { addBoard, exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

/** What a modified client can put into the document: any entry under any key. */
const inject = (doc: Y.Doc, key: string, record: unknown) => controlsOf(doc).set(key, record);
const lockRecord = (doc: Y.Doc) => [...controlsOf(doc).values()].find((r) => (r as SignedRecord).kind === 'lock') as SignedRecord;

describe('board modes', () => {
  it('lock and silent mode are off until a facilitator turns them on, in one transaction', () => {
    const { doc, board, root, creator } = facilitated();
    expect(boardModes(doc, root, board)).toEqual({ locked: false, silent: false });
    const { updates, origins } = recordWrites(doc, () => unwrap(setBoardLocked(doc, creator, board, true, 'ana')));
    expect([updates, origins]).toEqual([1, ['ana']]);
    unwrap(startSilent(doc, creator, board, 'ana'));
    expect(boardModes(doc, root, board)).toEqual({ locked: true, silent: true });
    unwrap(setBoardLocked(doc, creator, board, false, 'ana'));
    expect(boardModes(doc, root, board)).toEqual({ locked: false, silent: true });
  });

  it('reach a participant\'s device', () => {
    const { doc, board, root, creator } = facilitated();
    const phone = joinDevice(doc);
    unwrap(setBoardLocked(doc, creator, board, true, 'ana'));
    exchange(doc, phone);
    expect(boardModes(phone, root, board).locked).toBe(true);
  });

  it('refuse a missing board and a device that is not a facilitator, writing nothing', () => {
    const { doc, board, root, creator } = facilitated();
    expect(setBoardLocked(doc, creator, 'nope', true, 'a')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    deleteBoard(doc, board, 'a');
    expect(startSilent(doc, creator, board, 'a')).toMatchObject({ ok: false, error: 'no-board' });
    const { doc: d2, board: b2 } = facilitated();
    const { result, updates } = recordWrites(d2, () => setBoardLocked(d2, otherSigner(root), b2, true, 'a'));
    expect(result).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(updates).toBe(0);
  });
});

describe('forged control records are ignored', () => {
  it('a participant signing with their own key', () => {
    const { doc, board, root } = facilitated();
    const participant = otherSigner(root);
    const r = signRecord(root, participant.keys.signing.secret, { kind: 'lock', target: board, value: true, seq: 5, signer: participant.keys.signing.public });
    inject(doc, 'lock|x|y', r);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('a record claiming the facilitator as signer but signed with another key', () => {
    const { doc, board, root, creator } = facilitated();
    const wrong = otherSigner(root);
    const r = signRecord(root, wrong.keys.signing.secret, { kind: 'lock', target: board, value: true, seq: 5, signer: creator.keys.signing.public });
    inject(doc, 'lock|x|y', r);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('a genuine record whose value, target or counter was changed', () => {
    const { doc, board, root, creator } = facilitated();
    const other = addBoard(doc, 'Other');
    unwrap(setBoardLocked(doc, creator, board, true, 'ana'));
    const genuine = lockRecord(doc);
    inject(doc, 'a', { ...genuine, value: false, seq: genuine.seq + 10 });
    inject(doc, 'b', { ...genuine, target: other });
    inject(doc, 'c', { ...genuine, seq: genuine.seq + 100 });
    inject(doc, 'd', { ...genuine, value: 'yes', sig: genuine.sig.slice(1) + 'A' });
    expect(boardModes(doc, root, board).locked).toBe(true);
    expect(boardModes(doc, root, other).locked).toBe(false);
  });

  it('an old record replayed after a newer one', () => {
    const { doc, board, root, creator } = facilitated();
    unwrap(setBoardLocked(doc, creator, board, true, 'ana'));
    const old = lockRecord(doc);
    unwrap(setBoardLocked(doc, creator, board, false, 'ana'));
    inject(doc, 'replayed', old);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('a record signed for another workshop by the same facilitator', () => {
    const { doc, board, root, creator } = facilitated();
    const elsewhere = signRecord(facilitatorId(otherSigner(root).keys), creator.keys.signing.secret,
      { kind: 'lock', target: board, value: true, seq: 9, signer: creator.keys.signing.public });
    inject(doc, 'x', elsewhere);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('entries that are not records at all', () => {
    const { doc, board, root } = facilitated();
    for (const junk of [null, 5, 'lock', { kind: 'lock', target: board, value: true }, new Uint8Array(3), { kind: 'lock', target: board, value: true, seq: -1, signer: 'a', sig: 'b' }]) inject(doc, 'j', junk);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });
});

describe('concurrent facilitators', () => {
  it('converge on the same winner whichever order devices merge in', () => {
    const { doc: a, board, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(a, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'ana'));
    const b = joinDevice(a);
    const c = joinDevice(a);
    unwrap(setBoardLocked(a, creator, board, true, 'ana'));
    unwrap(setBoardLocked(b, co, board, false, 'bo'));
    exchange(b, c);
    exchange(a, c);
    exchange(a, b);
    const modes = [a, b, c].map((d) => boardModes(d, root, board));
    expect(modes[0]).toEqual(modes[1]);
    expect(modes[1]).toEqual(modes[2]);
    // Both writes are kept; each facilitator has a slot of their own.
    expect([...controlsOf(a).keys()].filter((k) => k.startsWith('lock|'))).toHaveLength(2);
  });

  it('a decision made after seeing another wins over it', () => {
    const { doc: a, board, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(a, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'ana'));
    const b = joinDevice(a);
    for (const [doc, who, locked] of [[a, creator, true], [b, co, false], [a, creator, true], [b, co, false]] as const) {
      exchange(a, b);
      unwrap(setBoardLocked(doc, who, board, locked, 'x'));
      exchange(a, b);
      expect(boardModes(a, root, board).locked).toBe(locked);
      expect(boardModes(b, root, board).locked).toBe(locked);
    }
  });

  it('writes several changes with rising counters in one transaction', () => {
    const { doc, board, creator } = facilitated();
    const { updates } = recordWrites(doc, () => unwrap(writeChanges(doc, creator, [
      { kind: 'lock', target: board, value: true }, { kind: 'silent', target: board, value: true },
    ], 'ana')));
    expect(updates).toBe(1);
    const seqs = [...controlsOf(doc).values()].map((r) => (r as SignedRecord).seq);
    expect(seqs[1]! - seqs[0]!).toBe(1);
  });
});
