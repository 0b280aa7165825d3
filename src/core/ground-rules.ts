import * as Y from 'yjs';
import { newId } from './ids';
import { applyTextChange } from './items';
import { byOrder, isSlot, keyAfter, keyAt, orderOf } from './order';
import { err, ok, type Result } from './result';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';

/* A ground-rules board holds proposals; everyone answers each in a consent round. Responses are
 * keyed by participant, so people answering at once never overwrite each other, and a person's
 * new answer replaces only their own. */

/** The partnering principles (seeds 000, 002), offered as suggestions until someone proposes one. */
export const PRINCIPLES = ['equity', 'transparency', 'mutual-benefit', 'responsibility', 'complementarity'] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const ANSWERS = ['agree', 'reservations', 'object'] as const;
export type Answer = (typeof ANSWERS)[number];

/** 'open' until someone answers; one objection means the room talks it over. */
export type ProposalStatus = 'open' | 'adopted' | 'needs-discussion';

export interface Response {
  participant: string;
  answer: Answer;
  reason: string;
  at: number;
}

export interface Proposal {
  id: string;
  text: string;
  proposedBy: string;
  createdAt: number;
  order: string;
  /** The principle it was suggested from, or '' for a proposal in someone's own words. */
  principle: Principle | '';
  status: ProposalStatus;
  tally: Record<Answer, number>;
  /** Oldest first. */
  responses: Response[];
  /** The answer of the participant the query was asked for, if they gave one. */
  mine: Answer | null;
}

export interface Suggestion {
  principle: Principle;
  /** i18n key of the suggested wording: the words belong to the interface's language. */
  key: `principle.${Principle}`;
}

export type GroundRulesError = TextError | 'no-board' | 'no-proposal' | 'bad-principle' | 'duplicate' | 'bad-answer' | 'no-id' | 'bad-index';

const proposalsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'proposals');

const isPrinciple = (p: string): p is Principle => (PRINCIPLES as readonly string[]).includes(p);
const isAnswer = (a: unknown): a is Answer => (ANSWERS as readonly unknown[]).includes(a);

function toResponses(map: Y.Map<unknown>): Response[] {
  const responses = map.get('responses') as Y.Map<{ answer: unknown; reason?: unknown; at?: unknown }> | undefined;
  return [...(responses?.entries() ?? [])]
    .filter(([, r]) => isAnswer(r.answer))
    .map(([participant, r]) => ({ participant, answer: r.answer as Answer, reason: String(r.reason ?? ''), at: Number(r.at ?? 0) }))
    .sort((a, b) => a.at - b.at || a.participant.localeCompare(b.participant));
}

function statusOf(tally: Record<Answer, number>): ProposalStatus {
  if (tally.object > 0) return 'needs-discussion';
  return tally.agree + tally.reservations > 0 ? 'adopted' : 'open';
}

function toProposal(map: Y.Map<unknown>, me: string | undefined): Proposal {
  const responses = toResponses(map);
  const tally = { agree: 0, reservations: 0, object: 0 };
  for (const r of responses) tally[r.answer]++;
  const principle = String(map.get('principle') ?? '');
  const text = map.get('text');
  return {
    id: String(map.get('id')),
    text: text instanceof Y.Text ? text.toString() : String(text ?? ''),
    proposedBy: String(map.get('proposedBy') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    order: orderOf(map, 'proposals'),
    principle: isPrinciple(principle) ? principle : '',
    status: statusOf(tally),
    tally,
    responses,
    mine: responses.find((r) => r.participant === me)?.answer ?? null,
  };
}

/** Proposals in display order; `me` fills in each proposal's `mine`. */
export function listProposals(doc: Y.Doc, boardId: string, me?: string): Proposal[] {
  return [...(proposalsOf(doc, boardId)?.values() ?? [])].map((m) => toProposal(m, me)).sort(byOrder);
}

/** The principles nobody has proposed yet on this board, in the order of `PRINCIPLES`. */
export function suggestions(doc: Y.Doc, boardId: string): Suggestion[] {
  if (!proposalsOf(doc, boardId)) return [];
  const proposed = new Set(listProposals(doc, boardId).map((p) => p.principle));
  return PRINCIPLES.filter((p) => !proposed.has(p)).map((principle) => ({
    principle, key: `principle.${principle}` as const,
  }));
}

/** The rules the room adopted, in order, for projection and the summary; `reservations` counts
 *  who agreed with reservations, which the facilitator may want to read out. */
export function adoptedRules(doc: Y.Doc, boardId: string): { id: string; text: string; reservations: number }[] {
  return listProposals(doc, boardId)
    .filter((p) => p.status === 'adopted')
    .map((p) => ({ id: p.id, text: p.text, reservations: p.tally.reservations }));
}

/** Adds a proposal; `principle` marks it as taken from a suggestion (the text may be reworded). */
export function addProposal(
  doc: Y.Doc, boardId: string, fields: { text: string; proposedBy: string; principle?: string }, origin: unknown,
): Result<string, GroundRulesError> {
  const text = checkText(fields.text, 'note', { multiline: true });
  if (!text.ok) return text;
  const proposals = proposalsOf(doc, boardId);
  if (!proposals) return err('no-board', boardId);
  const principle = fields.principle ?? '';
  if (principle !== '' && !isPrinciple(principle)) return err('bad-principle', principle);
  const existing = listProposals(doc, boardId);
  if (principle !== '' && existing.some((p) => p.principle === principle)) return err('duplicate', principle);
  const id = newId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('text', new Y.Text(text.value));
    map.set('proposedBy', fields.proposedBy);
    map.set('createdAt', Date.now());
    map.set('order', keyAfter(existing));
    map.set('principle', principle);
    map.set('responses', new Y.Map());
    proposals.set(id, map);
  }, origin);
  return ok(id);
}

function proposalMap(doc: Y.Doc, boardId: string, proposalId: string): Result<Y.Map<unknown>, GroundRulesError> {
  const proposals = proposalsOf(doc, boardId);
  if (!proposals) return err('no-board', boardId);
  const map = proposals.get(proposalId);
  return map ? ok(map) : err('no-proposal', proposalId);
}

/** Changes the wording in place (only the changed middle, as for notes). Answers already given
 *  stay: the facilitator decides whether a reworded rule needs a new round. */
export function editProposal(doc: Y.Doc, boardId: string, proposalId: string, rawText: string, origin: unknown): Result<void, GroundRulesError> {
  const text = checkText(rawText, 'note', { multiline: true });
  if (!text.ok) return text;
  const map = proposalMap(doc, boardId, proposalId);
  if (!map.ok) return map;
  const ytext = map.value.get('text');
  if (ytext instanceof Y.Text && ytext.toString() === text.value) return ok(undefined);
  doc.transact(() => {
    if (ytext instanceof Y.Text) applyTextChange(ytext, text.value);
    else map.value.set('text', new Y.Text(text.value));
  }, origin);
  return ok(undefined);
}

export function moveProposal(doc: Y.Doc, boardId: string, proposalId: string, toIndex: number, origin: unknown): Result<void, GroundRulesError> {
  const map = proposalMap(doc, boardId, proposalId);
  if (!map.ok) return map;
  const others = listProposals(doc, boardId).filter((p) => p.id !== proposalId);
  if (!isSlot(toIndex, others.length)) return err('bad-index', String(toIndex));
  doc.transact(() => map.value.set('order', keyAt(others, toIndex)), origin);
  return ok(undefined);
}

export function deleteProposal(doc: Y.Doc, boardId: string, proposalId: string, origin: unknown): Result<void, GroundRulesError> {
  const map = proposalMap(doc, boardId, proposalId);
  if (!map.ok) return map;
  doc.transact(() => proposalsOf(doc, boardId)!.delete(proposalId), origin);
  return ok(undefined);
}

/** Records (or replaces) one participant's answer to a proposal; `answer: null` withdraws it. */
export function respond(
  doc: Y.Doc, boardId: string, proposalId: string, participant: string,
  response: { answer: string | null; reason?: string }, origin: unknown,
): Result<void, GroundRulesError> {
  if (!participant) return err('no-id');
  const { answer } = response;
  if (answer !== null && !isAnswer(answer)) return err('bad-answer', answer);
  const reason = checkText(response.reason ?? '', 'reason', { multiline: true, optional: true });
  if (!reason.ok) return reason;
  const map = proposalMap(doc, boardId, proposalId);
  if (!map.ok) return map;
  const responses = map.value.get('responses') as Y.Map<unknown>;
  doc.transact(() => {
    if (answer === null) responses.delete(participant);
    else responses.set(participant, { answer, reason: reason.value, at: Date.now() });
  }, origin);
  return ok(undefined);
}
