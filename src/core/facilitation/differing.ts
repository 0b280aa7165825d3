import type { NoteResult } from './votes';

/* Kept apart from votes.ts, which imports the signing code: the vote screens and the session
 * summary mark the same notes with this rule, and the screens must not bring the cryptography
 * into the first load. */

/** Below this divergence (one group gave a note a quarter of its dots more than another) no
 *  difference is called out, however the notes rank. */
const DIFFER_AT = 0.25;

/** The notes where the groups differ most: those of the highest divergence, ties alike. Not
 *  every note above a threshold: with a few dots each, small groups give extreme shares and
 *  nearly every note would be marked. */
export function differing(notes: readonly Pick<NoteResult, 'noteId' | 'divergence'>[]): Set<string> {
  const top = notes.reduce((max, n) => Math.max(max, n.divergence), 0);
  // Shares are quotients of small counts: equal ones may differ in the last bits.
  return new Set(top < DIFFER_AT ? [] : notes.filter((n) => n.divergence >= top - 1e-9).map((n) => n.noteId));
}
