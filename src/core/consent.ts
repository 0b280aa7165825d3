import * as Y from 'yjs';
import { listGroups } from './groups';
import { listParticipants } from './participants';
import { newRound, ROUND_KEY } from './round-key';
import { err, ok, type Result } from './result';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';

/* A consent round over any entry of a board (a ground rule, a vision version, an indicator, a
 * section of the agreement): the entry keeps a `responses` map, one answer per participant, so
 * people answering at once never overwrite each other. Seed 000 (L190) asks that what the room
 * agrees be "acceptable to all partners": a round is adopted only when every stakeholder group
 * present has answered and nobody objects. */

export const ANSWERS = ['agree', 'reservations', 'object'] as const;
export type Answer = (typeof ANSWERS)[number];

/** 'open' until every group present has answered; one objection means the room talks it over. */
export type ConsentStatus = 'open' | 'adopted' | 'needs-discussion';

export interface ConsentAnswer {
  participant: string;
  /** The stakeholder group the participant answered for ('' for none). */
  group: string;
  answer: Answer;
  reason: string;
  at: number;
}

export interface ConsentRound {
  status: ConsentStatus;
  tally: Record<Answer, number>;
  /** Oldest first. */
  answers: ConsentAnswer[];
  /** Ids of the groups present that have not answered yet, in group-name order. */
  waitingFor: string[];
  /** The answer of the participant the query was asked for, if they gave one. */
  mine: Answer | null;
}

/** Who answers: a participant, for their stakeholder group. */
export interface Voter {
  participant: string;
  group: string;
}

/** An entry a round runs on: entry `id` of the map `part` of board `boardId`. */
export interface ConsentTarget {
  boardId: string;
  part: string;
  id: string;
}

export type ConsentError = TextError | 'no-board' | 'no-entry' | 'bad-answer' | 'no-id';

export { newRound, ROUND_KEY } from './round-key';

const isAnswer = (a: unknown): a is Answer => (ANSWERS as readonly unknown[]).includes(a);

/** The stakeholder groups present in the workshop: those of the participants it knows (each
 *  device registers its participant when the workshop opens), in group-name order. Deleted
 *  groups and participants without one do not count. */
export function groupsPresent(doc: Y.Doc): string[] {
  const used = new Set(listParticipants(doc).map((p) => p.group));
  return listGroups(doc).filter((g) => used.has(g.id)).map((g) => g.id);
}

function readAnswers(doc: Y.Doc, entry: Y.Map<unknown> | undefined): ConsentAnswer[] {
  const responses = entry?.get(ROUND_KEY);
  if (!(responses instanceof Y.Map)) return [];
  // An answer given before answers carried a group counts for the participant's group.
  const groupOf = new Map(listParticipants(doc).map((p) => [p.id, p.group]));
  return [...(responses as Y.Map<{ answer?: unknown; reason?: unknown; at?: unknown; group?: unknown }>).entries()]
    .filter(([, r]) => isAnswer(r?.answer))
    .map(([participant, r]) => ({
      participant,
      group: typeof r.group === 'string' && r.group ? r.group : groupOf.get(participant) ?? '',
      answer: r.answer as Answer,
      reason: String(r.reason ?? ''),
      at: Number(r.at ?? 0),
    }))
    .sort((a, b) => a.at - b.at || a.participant.localeCompare(b.participant));
}

/** The round kept in `entry` (an entry made with `newRound()` under `ROUND_KEY`). */
export function roundOf(doc: Y.Doc, entry: Y.Map<unknown> | undefined, me?: string): ConsentRound {
  const answers = readAnswers(doc, entry);
  const tally = { agree: 0, reservations: 0, object: 0 };
  for (const a of answers) tally[a.answer]++;
  const answered = new Set(answers.map((a) => a.group));
  const waitingFor = groupsPresent(doc).filter((g) => !answered.has(g));
  const status: ConsentStatus = tally.object > 0 ? 'needs-discussion'
    : answers.length > 0 && waitingFor.length === 0 ? 'adopted' : 'open';
  return { status, tally, answers, waitingFor, mine: answers.find((a) => a.participant === me)?.answer ?? null };
}

function entryOf(doc: Y.Doc, target: ConsentTarget): Result<Y.Map<unknown>, ConsentError> {
  const part = boardPartOf<unknown>(doc, target.boardId, target.part);
  if (!part) return err('no-board', target.boardId);
  const entry = part.get(target.id);
  return entry instanceof Y.Map ? ok(entry as Y.Map<unknown>) : err('no-entry', target.id);
}

/** The round on a target; an unknown target reads as a round nobody answered. */
export function readRound(doc: Y.Doc, target: ConsentTarget, me?: string): ConsentRound {
  const entry = entryOf(doc, target);
  return roundOf(doc, entry.ok ? entry.value : undefined, me);
}

/** Records (or replaces) one participant's answer in the round kept in `entry`; `answer: null`
 *  withdraws it. */
export function answerIn(
  doc: Y.Doc, entry: Y.Map<unknown>, voter: Voter, response: { answer: string | null; reason?: string }, origin: unknown,
): Result<void, ConsentError> {
  if (!voter.participant) return err('no-id');
  const { answer } = response;
  if (answer !== null && !isAnswer(answer)) return err('bad-answer', answer);
  const reason = checkText(response.reason ?? '', 'reason', { multiline: true, optional: true });
  if (!reason.ok) return reason;
  const existing = entry.get(ROUND_KEY);
  doc.transact(() => {
    // An entry from before rounds existed gets its map at the first answer.
    const responses = existing instanceof Y.Map ? (existing as Y.Map<unknown>) : newRound();
    if (!(existing instanceof Y.Map)) entry.set(ROUND_KEY, responses);
    if (answer === null) responses.delete(voter.participant);
    else responses.set(voter.participant, { answer, reason: reason.value, group: voter.group, at: Date.now() });
  }, origin);
  return ok(undefined);
}

/** `answerIn` on a target named by board, part and id. */
export function answerRound(
  doc: Y.Doc, target: ConsentTarget, voter: Voter, response: { answer: string | null; reason?: string }, origin: unknown,
): Result<void, ConsentError> {
  const entry = entryOf(doc, target);
  return entry.ok ? answerIn(doc, entry.value, voter, response, origin) : entry;
}
