import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, advanceStep, currentStep, listSteps, moveStep, removeStep, startStep, updateStep } from '../../../../src/core/facilitation/agenda';
import { boardModes, setBoardLocked, startSilent } from '../../../../src/core/facilitation/board-modes';
import { controlsOf } from '../../../../src/core/facilitation/controls';
import { bringEveryone, followTarget } from '../../../../src/core/facilitation/follow';
import { addHiddenNote, revealBoard } from '../../../../src/core/facilitation/hidden-notes';
import { facilitatorId } from '../../../../src/core/facilitation/keys';
import { grantFacilitator, isFacilitator, removeFacilitator } from '../../../../src/core/facilitation/roles';
import { rolesOf } from '../../../../src/core/facilitation/roster';
import { pauseTimer, setTimer, startTimer, timerOf } from '../../../../src/core/facilitation/timer';
import { closeVote, openVote, voteOf } from '../../../../src/core/facilitation/votes';
import { signRecord } from '../../../../src/core/facilitation/signature';
import { guardRecords, type Witnessed } from '../../../../src/core/facilitation/witness';
import { addBoard, author, joinDevice, textsOf, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

/** What an insider's modified client sends: one Yjs update made on its own copy of the doc. */
function insiderUpdate(victim: Y.Doc, tamper: (doc: Y.Doc) => void): Uint8Array {
  const insider = joinDevice(victim);
  const before = Y.encodeStateVector(insider);
  tamper(insider);
  return Y.encodeStateAsUpdate(insider, before);
}

/** The signed records as they stand now, to roll back to later. */
const recordsNow = (doc: Y.Doc) => ({ roles: [...rolesOf(doc)], controls: [...controlsOf(doc)] });

/** The insider's rollback: every signed record set back to an earlier state, the newer ones
 *  deleted and the older genuine ones replayed in their slots. */
function rollback(victim: Y.Doc, earlier: ReturnType<typeof recordsNow>): Uint8Array {
  return insiderUpdate(victim, (d) => {
    for (const [map, entries] of [[rolesOf(d), earlier.roles], [controlsOf(d), earlier.controls]] as const) {
      map.clear();
      for (const [key, value] of entries) map.set(key, value);
    }
  });
}

const noClock = (now: number) => ({ now, offsets: new Map<string, number>() });

describe('a device that has seen a signed record', () => {
  it('keeps a removed co-facilitator removed when the removal is deleted', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'local'));
    unwrap(removeFacilitator(doc, creator, facilitatorId(co.keys), 'local'));
    const removal = [...rolesOf(doc)].find(([, r]) => (r as { kind: string }).kind === 'remove')![0];
    const update = insiderUpdate(doc, (d) => {
      rolesOf(d).delete(removal);
      unwrap(setBoardLocked(d, co, board, true, 'insider'));
    });
    Y.applyUpdate(doc, update, 'remote');
    expect(isFacilitator(doc, root, { key: facilitatorId(co.keys) })).toBe(false);
    expect(boardModes(doc, root, board).locked).toBe(false);
    expect(rolesOf(doc).has(removal)).toBe(true);
  });

  it('keeps a board locked when the lock is deleted and an older unlock replayed', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(setBoardLocked(doc, creator, board, false, 'local'));
    const [slot, unlock] = [...controlsOf(doc)][0]!;
    unwrap(setBoardLocked(doc, creator, board, true, 'local'));
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => controlsOf(d).set(slot, unlock)), 'remote');
    expect(boardModes(doc, root, board).locked).toBe(true);
  });

  it('puts silent mode back when it is erased', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(startSilent(doc, creator, board, 'local'));
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => controlsOf(d).clear()), 'remote');
    expect(boardModes(doc, root, board).silent).toBe(true);
  });

  it('undoes at the next open a rollback that arrived while the device was closed', () => {
    const { doc, board, root, creator } = facilitated();
    let kept: Witnessed | undefined;
    const stop = guardRecords(doc, root, 'heal', undefined, (w) => { kept = w; });
    unwrap(startSilent(doc, creator, board, 'local'));
    stop();
    const reopened = joinDevice(doc);
    Y.applyUpdate(reopened, insiderUpdate(doc, (d) => controlsOf(d).clear()), 'remote');
    expect(boardModes(reopened, root, board).silent).toBe(false);
    guardRecords(reopened, root, 'heal', kept);
    expect(boardModes(reopened, root, board).silent).toBe(true);
  });

  it('keeps every agenda change: steps added, edited, moved and removed, and the step under way', () => {
    const { doc, board, root, creator } = facilitated();
    const other = addBoard(doc, 'Actions');
    guardRecords(doc, root, 'heal');
    const first = unwrap(addStep(doc, creator, { boardId: board, minutes: 10 }, 'local'));
    const second = unwrap(addStep(doc, creator, { boardId: other, minutes: 5 }, 'local'));
    unwrap(startStep(doc, creator, first, 0, 'local'));
    const earlier = recordsNow(doc);
    unwrap(updateStep(doc, creator, first, { title: 'Hopes', minutes: 15 }, 'local'));
    unwrap(moveStep(doc, creator, second, 0, 'local'));
    unwrap(addStep(doc, creator, { boardId: board, title: 'Wrap-up', minutes: 3 }, 'local'));
    unwrap(advanceStep(doc, creator, 0, 'local'));
    unwrap(removeStep(doc, creator, first, 'local'));
    const agenda = listSteps(doc, root);
    const current = currentStep(doc, root);
    Y.applyUpdate(doc, rollback(doc, earlier), 'remote');
    expect(listSteps(doc, root)).toEqual(agenda);
    expect(currentStep(doc, root)).toEqual(current);
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => controlsOf(d).clear()), 'remote');
    expect(listSteps(doc, root)).toEqual(agenda);
  });

  it('keeps the timer as last started, paused or reset', () => {
    const { doc, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(setTimer(doc, creator, 600_000, true, 0, 'local'));
    const started = recordsNow(doc);
    unwrap(pauseTimer(doc, creator, noClock(60_000), 'local'));
    const paused = recordsNow(doc);
    unwrap(startTimer(doc, creator, noClock(120_000), 'local'));
    unwrap(setTimer(doc, creator, 300_000, false, 180_000, 'local'));
    const reset = timerOf(doc, root);
    for (const earlier of [started, paused]) {
      Y.applyUpdate(doc, rollback(doc, earlier), 'remote');
      expect(timerOf(doc, root)).toEqual(reset);
    }
  });

  it('keeps a vote closed, and a new round with its settings, when older records are replayed', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(openVote(doc, creator, board, 3, 'local'));
    const firstRound = recordsNow(doc);
    unwrap(closeVote(doc, creator, board, 'local'));
    const round = unwrap(openVote(doc, creator, board, 5, 'local'));
    const open = recordsNow(doc);
    unwrap(closeVote(doc, creator, board, 'local'));
    for (const earlier of [firstRound, open]) {
      Y.applyUpdate(doc, rollback(doc, earlier), 'remote');
      expect(voteOf(doc, root, board)).toEqual({ round, dots: 5, open: false });
    }
  });

  it('keeps a revealed board out of silent mode when the reveal is deleted', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(startSilent(doc, creator, board, 'local'));
    const silent = recordsNow(doc);
    unwrap(addHiddenNote(doc, root, board, { ...author, text: 'Too many meetings' }, 'local'));
    unwrap(revealBoard(doc, creator, board, 'local'));
    Y.applyUpdate(doc, rollback(doc, silent), 'remote');
    expect(boardModes(doc, root, board).silent).toBe(false);
    expect(textsOf(doc, board)).toEqual(['Too many meetings']);
  });

  it('keeps everyone brought to the board of the last call', () => {
    const { doc, board, root, creator } = facilitated();
    const other = addBoard(doc, 'Actions');
    guardRecords(doc, root, 'heal');
    unwrap(bringEveryone(doc, creator, board, 'local'));
    const earlier = recordsNow(doc);
    unwrap(bringEveryone(doc, creator, other, 'local'));
    Y.applyUpdate(doc, rollback(doc, earlier), 'remote');
    expect(followTarget(doc, root)?.boardId).toBe(other);
  });

  it('puts a deleted grant back', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'local'));
    unwrap(setBoardLocked(doc, co, board, true, 'local'));
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => rolesOf(d).clear()), 'remote');
    expect(isFacilitator(doc, root, { key: facilitatorId(co.keys) })).toBe(true);
    expect(boardModes(doc, root, board).locked).toBe(true);
  });

  it('keeps a removal that another genuine record was written over', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'local'));
    const [, grant] = [...rolesOf(doc)].find(([, r]) => (r as { target: string }).target === facilitatorId(co.keys))!;
    unwrap(removeFacilitator(doc, creator, facilitatorId(co.keys), 'local'));
    const removal = [...rolesOf(doc)].find(([, r]) => (r as { kind: string }).kind === 'remove')![0];
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => {
      rolesOf(d).set(removal, grant);
      unwrap(setBoardLocked(d, co, board, true, 'insider'));
    }), 'remote');
    expect(isFacilitator(doc, root, { key: facilitatorId(co.keys) })).toBe(false);
    expect(boardModes(doc, root, board).locked).toBe(false);
  });

  it('keeps a lock that a newer record of another slot was written over or moved onto', () => {
    const { doc, board, root, creator } = facilitated();
    const other = addBoard(doc, 'Actions');
    guardRecords(doc, root, 'heal');
    unwrap(setBoardLocked(doc, creator, board, true, 'local'));
    const [slot] = [...controlsOf(doc)][0]!;
    unwrap(setBoardLocked(doc, creator, other, true, 'local'));
    const [newerSlot, newer] = [...controlsOf(doc)].find(([key]) => key !== slot)!;
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => controlsOf(d).set(slot, newer)), 'remote');
    expect(boardModes(doc, root, board).locked).toBe(true);
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => {
      controlsOf(d).delete(newerSlot);
      controlsOf(d).set(slot, newer);
    }), 'remote');
    expect(boardModes(doc, root, board).locked).toBe(true);
    expect(boardModes(doc, root, other).locked).toBe(true);
  });

  it('keeps a co-facilitator removed after a reload, though the removal was deleted while it was closed', () => {
    const { doc, board, root, creator } = facilitated();
    let kept: Witnessed | undefined;
    const stop = guardRecords(doc, root, 'heal', undefined, (w) => { kept = structuredClone(w); });
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'local'));
    unwrap(removeFacilitator(doc, creator, facilitatorId(co.keys), 'local'));
    stop();
    const reopened = joinDevice(doc);
    Y.applyUpdate(reopened, insiderUpdate(doc, (d) => {
      for (const [key, r] of rolesOf(d)) if ((r as { kind: string }).kind === 'remove') rolesOf(d).delete(key);
      unwrap(setBoardLocked(d, co, board, true, 'insider'));
    }), 'remote');
    expect(isFacilitator(reopened, root, { key: facilitatorId(co.keys) })).toBe(true);
    guardRecords(reopened, root, 'heal', kept);
    expect(isFacilitator(reopened, root, { key: facilitatorId(co.keys) })).toBe(false);
    expect(boardModes(reopened, root, board).locked).toBe(false);
  });

  it('keeps nothing signed by a key that is not a facilitator\'s', () => {
    const { doc, board, root } = facilitated();
    let keeps = 0;
    guardRecords(doc, root, 'heal', undefined, () => keeps++);
    const before = keeps;
    const stranger = otherSigner(root);
    doc.transact(() => {
      for (let seq = 1; seq <= 50; seq++) {
        controlsOf(doc).set(`junk${seq}`, signRecord(root, stranger.keys.signing.secret, { kind: 'lock', target: board, value: true, seq, signer: stranger.keys.signing.public }));
      }
    }, 'remote');
    expect(keeps).toBe(before);
    Y.applyUpdate(doc, insiderUpdate(doc, (d) => controlsOf(d).clear()), 'remote');
    expect(controlsOf(doc).size).toBe(0);
  });

  it('writes nothing when nothing was tampered with', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t) => origins.push(t.origin));
    unwrap(setBoardLocked(doc, creator, board, true, 'local'));
    expect(origins).toEqual(['local']);
  });
});
