import type * as Y from 'yjs';
import { newId } from '../ids';
import { listParticipants } from '../participants';
import { err, ok, type Result } from '../result';
import { itemsOf } from '../schema';
import { winner, writeChanges, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';

/* Dot voting. The facilitator's signed record opens a round on a board with N dots each; each
 * participant's ballot is one entry of `votes` keyed by round and participant, so ballots never
 * overwrite each other, and a new round starts clean. Ballots are not signed: counting clamps
 * every ballot to N dots, whatever a modified client wrote. Votes are open, not secret. */

export const votesOf = (doc: Y.Doc) => doc.getMap<unknown>('votes');

export interface Vote {
  round: string;
  dots: number;
  open: boolean;
}

export type VoteError = ControlError | 'no-board' | 'bad-dots' | 'no-vote' | 'vote-closed' | 'no-item' | 'no-dots-left' | 'no-dot';

export const MAX_DOTS = 20;

function parseVote(value: Json): Vote | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { round, dots, open } = value;
  if (typeof round !== 'string' || typeof open !== 'boolean' || !Number.isInteger(dots)) return undefined;
  return (dots as number) >= 1 && (dots as number) <= MAX_DOTS ? { round, dots: dots as number, open } : undefined;
}

/** The board's latest round, open or closed; undefined if none was ever opened. */
export const voteOf = (doc: Y.Doc, root: string, boardId: string): Vote | undefined =>
  winner(doc, root, 'vote', boardId, parseVote)?.value;

/** Opens a new round (earlier dots on the board no longer count); returns its id. */
export function openVote(doc: Y.Doc, signer: Signer, boardId: string, dots: number, origin: unknown): Result<string, VoteError> {
  if (!itemsOf(doc, boardId)) return err('no-board', boardId);
  if (!Number.isInteger(dots) || dots < 1 || dots > MAX_DOTS) return err('bad-dots', String(dots));
  const round = newId();
  const written = writeChanges(doc, signer, [{ kind: 'vote', target: boardId, value: { round, dots, open: true } }], origin);
  return written.ok ? ok(round) : written;
}

/** Closes the round; its results stay. */
export function closeVote(doc: Y.Doc, signer: Signer, boardId: string, origin: unknown): Result<void, VoteError> {
  const vote = voteOf(doc, signer.root, boardId);
  if (!vote) return err('no-vote', boardId);
  return writeChanges(doc, signer, [{ kind: 'vote', target: boardId, value: { ...vote, open: false } }], origin);
}

const ballotKey = (round: string, participantId: string) => `${round}|${participantId}`;

/** A ballot as counted: whole positive counts on notes still on the board, at most `dots` in
 *  all, taken in note-id order so every device clamps the same way. */
function countedBallot(raw: unknown, notes: ReadonlySet<string>, dots: number): Map<string, number> {
  const counted = new Map<string, number>();
  if (typeof raw !== 'object' || raw === null) return counted;
  let left = dots;
  for (const [noteId, count] of Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!notes.has(noteId) || !Number.isInteger(count) || count < 1 || left === 0) continue;
    const taken = Math.min(count as number, left);
    counted.set(noteId, taken);
    left -= taken;
  }
  return counted;
}

const noteIds = (doc: Y.Doc, boardId: string) => new Set(itemsOf(doc, boardId)?.keys() ?? []);

export interface MyDots {
  left: number;
  byNote: Record<string, number>;
}

export function myDots(doc: Y.Doc, root: string, boardId: string, participantId: string): MyDots | undefined {
  const vote = voteOf(doc, root, boardId);
  if (!vote) return undefined;
  const ballot = countedBallot(votesOf(doc).get(ballotKey(vote.round, participantId)), noteIds(doc, boardId), vote.dots);
  const used = [...ballot.values()].reduce((a, b) => a + b, 0);
  return { left: vote.dots - used, byNote: Object.fromEntries(ballot) };
}

function changeDot(doc: Y.Doc, root: string, boardId: string, participantId: string, noteId: string, delta: 1 | -1, origin: unknown): Result<void, VoteError> {
  const vote = voteOf(doc, root, boardId);
  if (!vote) return err('no-vote', boardId);
  if (!vote.open) return err('vote-closed', boardId);
  if (!itemsOf(doc, boardId)!.has(noteId)) return err('no-item', noteId);
  const mine = myDots(doc, root, boardId, participantId)!;
  const count = mine.byNote[noteId] ?? 0;
  if (delta > 0 && mine.left === 0) return err('no-dots-left');
  if (delta < 0 && count === 0) return err('no-dot', noteId);
  const next = { ...mine.byNote, [noteId]: count + delta };
  if (next[noteId] === 0) delete next[noteId];
  doc.transact(() => votesOf(doc).set(ballotKey(vote.round, participantId), next), origin);
  return ok(undefined);
}

export const castDot = (doc: Y.Doc, root: string, boardId: string, participantId: string, noteId: string, origin: unknown) =>
  changeDot(doc, root, boardId, participantId, noteId, 1, origin);

export const removeDot = (doc: Y.Doc, root: string, boardId: string, participantId: string, noteId: string, origin: unknown) =>
  changeDot(doc, root, boardId, participantId, noteId, -1, origin);

export interface NoteResult {
  noteId: string;
  total: number;
  /** Dots by the voters' stakeholder group ('' for voters without one). */
  byGroup: Record<string, number>;
  /** How far the groups disagree on this note, 0 to 1: the largest minus the smallest share of
   *  its dots each voting group gave it. */
  divergence: number;
}

export interface VoteResults extends Vote {
  voters: number;
  /** Every note on the board, most dots first. */
  notes: NoteResult[];
  groups: { group: string; voters: number; dots: number }[];
}

export function voteResults(doc: Y.Doc, root: string, boardId: string): VoteResults | undefined {
  const vote = voteOf(doc, root, boardId);
  if (!vote) return undefined;
  const notes = noteIds(doc, boardId);
  const groupOf = new Map(listParticipants(doc).map((p) => [p.id, p.group]));
  const prefix = `${vote.round}|`;
  const perNote = new Map([...notes].map((id) => [id, new Map<string, number>()]));
  const groups = new Map<string, { voters: number; dots: number }>();
  let voters = 0;
  for (const [key, raw] of votesOf(doc).entries()) {
    if (!key.startsWith(prefix)) continue;
    const ballot = countedBallot(raw, notes, vote.dots);
    if (ballot.size === 0) continue;
    const group = groupOf.get(key.slice(prefix.length)) ?? '';
    const tally = groups.get(group) ?? { voters: 0, dots: 0 };
    groups.set(group, tally);
    tally.voters++;
    voters++;
    for (const [noteId, count] of ballot) {
      const byGroup = perNote.get(noteId)!;
      byGroup.set(group, (byGroup.get(group) ?? 0) + count);
      tally.dots += count;
    }
  }
  const results = [...perNote].map(([noteId, byGroup]): NoteResult => {
    const shares = [...groups].map(([group, { dots }]) => (byGroup.get(group) ?? 0) / dots);
    return {
      noteId,
      total: [...byGroup.values()].reduce((a, b) => a + b, 0),
      byGroup: Object.fromEntries(byGroup),
      divergence: shares.length > 1 ? Math.max(...shares) - Math.min(...shares) : 0,
    };
  }).sort((a, b) => b.total - a.total || a.noteId.localeCompare(b.noteId));
  const groupList = [...groups].map(([group, t]) => ({ group, ...t })).sort((a, b) => a.group.localeCompare(b.group));
  return { ...vote, voters, notes: results, groups: groupList };
}
