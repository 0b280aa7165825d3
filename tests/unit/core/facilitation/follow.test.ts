import { describe, expect, it } from 'vitest';
import { deleteBoard } from '../../../../src/core/boards';
import { bringEveryone, followTarget, shouldFollow } from '../../../../src/core/facilitation/follow';
import { addBoard, exchange, joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

describe('follow the facilitator', () => {
  it('brings every device to the board; one who wanders off stays until the next call', () => {
    const { doc, board, root, creator } = facilitated();
    const other = addBoard(doc, 'SWOT');
    const phone = joinDevice(doc);
    expect(followTarget(phone, root)).toBeUndefined();
    expect(shouldFollow(followTarget(phone, root), 0)).toBe(false);
    unwrap(bringEveryone(doc, creator, other, 'ana'));
    exchange(doc, phone);
    const first = followTarget(phone, root)!;
    expect(first.boardId).toBe(other);
    expect(shouldFollow(first, 0)).toBe(true);
    // The phone followed (it remembers first.seq), then wandered to another board on its own.
    expect(shouldFollow(followTarget(phone, root), first.seq)).toBe(false);
    unwrap(bringEveryone(doc, creator, board, 'ana'));
    exchange(doc, phone);
    expect(shouldFollow(followTarget(phone, root), first.seq)).toBe(true);
    expect(followTarget(phone, root)?.boardId).toBe(board);
  });

  it('ignores a deleted board, a missing one and a participant', () => {
    const { doc, board, root, creator } = facilitated();
    unwrap(bringEveryone(doc, creator, board, 'ana'));
    deleteBoard(doc, board, 'ana');
    expect(followTarget(doc, root)).toBeUndefined();
    expect(bringEveryone(doc, creator, 'nope', 'ana')).toMatchObject({ error: 'no-board' });
    const { doc: d2, board: b2 } = facilitated();
    expect(bringEveryone(d2, otherSigner(root), b2, 'x')).toMatchObject({ error: 'not-facilitator' });
  });
});
