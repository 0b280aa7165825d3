/* Kept apart from follow.ts, which imports the signing code: the screens decide whether to move
 * with this rule, and must not bring the cryptography into the first load. */

/** Where the facilitator last brought everyone. `seq` tells a new call from one already
 *  followed; whether a participant has wandered off stays on their device, not in the document. */
export interface FollowTarget {
  boardId: string;
  seq: number;
}

/** Whether a device that last followed `lastFollowedSeq` (0 if never) should move now: only a
 *  new call moves people, so someone who wandered off stays until the next one or their tap. */
export const shouldFollow = (target: FollowTarget | undefined, lastFollowedSeq: number): target is FollowTarget =>
  target !== undefined && target.seq > lastFollowedSeq;
