import type * as Y from 'yjs';
import { err, type Result } from '../result';
import { liveBoard } from '../schema';
import { winner, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';
import type { FollowTarget } from './follow-rule';

export { shouldFollow, type FollowTarget } from './follow-rule';

const parseBoard = (value: Json) => (typeof value === 'string' ? value : undefined);

export const followChange = (boardId: string): Change => ({ kind: 'follow', target: '', value: boardId });

export function bringEveryone(doc: Y.Doc, signer: Signer, boardId: string, origin: unknown): Result<void, ControlError | 'no-board'> {
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  return writeChanges(doc, signer, [followChange(boardId)], origin);
}

/** The current target, unless its board has since been deleted. */
export function followTarget(doc: Y.Doc, root: string): FollowTarget | undefined {
  const win = winner(doc, root, 'follow', '', parseBoard);
  return win && liveBoard(doc, win.value) ? { boardId: win.value, seq: win.record.seq } : undefined;
}
