import * as Y from 'yjs';

/** The key of the answers map in an entry that holds a consent round (./consent.ts); make it
 *  with the entry (`newRound()`), so that no two devices create it concurrently and one's answers
 *  hide the other's. Apart from ./consent.ts so that making a board does not load the rounds'
 *  logic with the first page. */
export const ROUND_KEY = 'responses';
export const newRound = (): Y.Map<unknown> => new Y.Map<unknown>();
