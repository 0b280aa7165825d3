import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardSettings, setBoardSetting } from '../../../../src/core/facilitation/board-settings';
import { controlsOf } from '../../../../src/core/facilitation/controls';
import { signRecord } from '../../../../src/core/facilitation/signature';
import { guardRecords } from '../../../../src/core/facilitation/witness';
import { exchange, joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

describe('board settings', () => {
  it('show names and keep editing to authors until a facilitator changes them; reach every device', () => {
    const { doc, board, root, creator } = facilitated();
    const phone = joinDevice(doc);
    expect(boardSettings(phone, root, board)).toEqual({ anonymity: 'names', editing: 'own' });
    unwrap(setBoardSetting(doc, creator, board, 'anonymity', 'none', 'ana'));
    unwrap(setBoardSetting(doc, creator, board, 'editing', 'everyone', 'ana'));
    exchange(doc, phone);
    expect(boardSettings(phone, root, board)).toEqual({ anonymity: 'none', editing: 'everyone' });
    unwrap(setBoardSetting(doc, creator, board, 'anonymity', 'group', 'ana'));
    exchange(doc, phone);
    expect(boardSettings(phone, root, board).anonymity).toBe('group');
  });

  it('refuse a participant, and ignore a setting a participant signs themselves', () => {
    const { doc, board, root } = facilitated();
    const participant = otherSigner(root);
    expect(setBoardSetting(doc, participant, board, 'editing', 'everyone', 'x')).toMatchObject({ ok: false, error: 'not-facilitator' });
    const forged = signRecord(root, participant.keys.signing.secret, {
      kind: 'anonymity', target: board, value: 'names', seq: 99, signer: participant.keys.signing.public,
    });
    controlsOf(doc).set('anonymity|forged', forged);
    expect(boardSettings(doc, root, board)).toEqual({ anonymity: 'names', editing: 'own' });
  });

  it('come back when a modified client deletes them: a device that saw them puts them back', () => {
    const { doc, board, root, creator } = facilitated();
    guardRecords(doc, root, 'heal');
    unwrap(setBoardSetting(doc, creator, board, 'anonymity', 'none', 'ana'));
    const insider = joinDevice(doc);
    const before = Y.encodeStateVector(insider);
    for (const [key, r] of [...controlsOf(insider)]) if ((r as { kind: string }).kind === 'anonymity') controlsOf(insider).delete(key);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(insider, before));
    expect(boardSettings(doc, root, board).anonymity).toBe('none');
  });

  it('refuse a missing board', () => {
    const { doc, creator } = facilitated();
    expect(setBoardSetting(doc, creator, 'nope', 'anonymity', 'none', 'x')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
  });
});
