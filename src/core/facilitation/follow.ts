import type * as Y from 'yjs';
import { err, type Result } from '../result';
import { liveBoard } from '../schema';
import { winner, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';

/** Where the facilitator last brought everyone. `seq` tells a new call from one already
 *  followed; whether a participant has wandered off stays on their device, not in the document. */
export interface FollowTarget {
  boardId: string;
  seq: number;
}

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

/** Whether a device that last followed `lastFollowedSeq` (0 if never) should move now: only a
 *  new call moves people, so someone who wandered off stays until the next one or their tap. */
export const shouldFollow = (target: FollowTarget | undefined, lastFollowedSeq: number): target is FollowTarget =>
  target !== undefined && target.seq > lastFollowedSeq;
