import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardModes, setBoardLocked, startSilent } from '../../../../src/core/facilitation/board-modes';
import { controlsOf } from '../../../../src/core/facilitation/controls';
import { facilitatorId } from '../../../../src/core/facilitation/keys';
import { grantFacilitator, isFacilitator, removeFacilitator } from '../../../../src/core/facilitation/roles';
import { rolesOf } from '../../../../src/core/facilitation/roster';
import { guardRecords, type Witnessed } from '../../../../src/core/facilitation/witness';
import { joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

/** What an insider's modified client sends: one Yjs update made on its own copy of the doc. */
function insiderUpdate(victim: Y.Doc, tamper: (doc: Y.Doc) => void): Uint8Array {
  const insider = joinDevice(victim);
  const before = Y.encodeStateVector(insider);
  tamper(insider);
  return Y.encodeStateAsUpdate(insider, before);
}

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

  it('writes nothing when nothing was tampered with', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t) => origins.push(t.origin));
    unwrap(setBoardLocked(doc, creator, board, true, 'local'));
    expect(origins).toEqual(['local']);
  });
});
