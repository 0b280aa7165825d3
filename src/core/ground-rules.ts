import * as Y from 'yjs';
import { answerIn, newRound, roundOf, ROUND_KEY, type Answer, type ConsentAnswer, type ConsentError, type ConsentStatus } from './consent';
import { newId } from './ids';
import { applyTextChange } from './items';
import { byOrder, isSlot, keyAfter, keyAt, orderOf } from './order';
import { err, ok, type Result } from './result';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';

/* A ground-rules board holds proposals; everyone answers each in a consent round (./consent.ts):
 * a proposal is adopted once every stakeholder group present has answered and nobody objects. */

/** The partnering principles (seeds 000, 002), offered as suggestions until someone proposes one. */
export const PRINCIPLES = ['equity', 'transparency', 'mutual-benefit', 'responsibility', 'complementarity'] as const;
export type Principle = (typeof PRINCIPLES)[number];

export type { Answer, ConsentStatus as ProposalStatus } from './consent';

export interface Proposal {
  id: string;
  text: string;
  proposedBy: string;
  createdAt: number;
  order: string;
  /** The principle it was suggested from, or '' for a proposal in someone's own words. */
  principle: Principle | '';
  status: ConsentStatus;
  tally: Record<Answer, number>;
  /** Oldest first. */
  responses: ConsentAnswer[];
  /** Ids of the stakeholder groups present that have not answered yet. */
  waitingFor: string[];
  /** The answer of the participant the query was asked for, if they gave one. */
  mine: Answer | null;
}

/** What a principle leads to, as seed 002 (L100-104) puts it; seed 000's other two say nothing. */
const LEADS_TO = { equity: 'mutual-respect', transparency: 'trust', 'mutual-benefit': 'sustainability' } as const;
export type PrincipleOutcome = (typeof LEADS_TO)[keyof typeof LEADS_TO];

export interface Suggestion {
  principle: Principle;
  /** i18n key of the suggested wording: the words belong to the interface's language. */
  key: `principle.${Principle}`;
  /** i18n key of why it matters ("Equity leads to mutual respect"), where the seeds give one. */
  reason: `principle.leadsTo.${PrincipleOutcome}` | null;
}

export type GroundRulesError = TextError | ConsentError | 'no-proposal' | 'bad-principle' | 'duplicate' | 'bad-index';

const proposalsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'proposals');

const isPrinciple = (p: string): p is Principle => (PRINCIPLES as readonly string[]).includes(p);

function toProposal(doc: Y.Doc, map: Y.Map<unknown>, me: string | undefined): Proposal {
  const round = roundOf(doc, map, me);
  const principle = String(map.get('principle') ?? '');
  const text = map.get('text');
  return {
    id: String(map.get('id')),
    text: text instanceof Y.Text ? text.toString() : String(text ?? ''),
    proposedBy: String(map.get('proposedBy') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    order: orderOf(map, 'proposals'),
    principle: isPrinciple(principle) ? principle : '',
    status: round.status,
    tally: round.tally,
    responses: round.answers,
    waitingFor: round.waitingFor,
    mine: round.mine,
  };
}

/** Proposals in display order; `me` fills in each proposal's `mine`. */
export function listProposals(doc: Y.Doc, boardId: string, me?: string): Proposal[] {
  return [...(proposalsOf(doc, boardId)?.values() ?? [])].map((m) => toProposal(doc, m, me)).sort(byOrder);
}

/** The principles nobody has proposed yet on this board, in the order of `PRINCIPLES`. */
export function suggestions(doc: Y.Doc, boardId: string): Suggestion[] {
  if (!proposalsOf(doc, boardId)) return [];
  const proposed = new Set(listProposals(doc, boardId).map((p) => p.principle));
  return PRINCIPLES.filter((p) => !proposed.has(p)).map((principle) => {
    const outcome = (LEADS_TO as Partial<Record<Principle, PrincipleOutcome>>)[principle];
    return { principle, key: `principle.${principle}` as const, reason: outcome ? `principle.leadsTo.${outcome}` as const : null };
  });
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
    map.set(ROUND_KEY, newRound());
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

/** Records (or replaces) one participant's answer to a proposal, for their stakeholder group
 *  (`group`); `answer: null` withdraws it. */
export function respond(
  doc: Y.Doc, boardId: string, proposalId: string, participant: string,
  response: { answer: string | null; reason?: string; group?: string }, origin: unknown,
): Result<void, GroundRulesError> {
  if (!participant) return err('no-id');
  const map = proposalMap(doc, boardId, proposalId);
  if (!map.ok) return map;
  return answerIn(doc, map.value, { participant, group: response.group ?? '' }, response, origin);
}
