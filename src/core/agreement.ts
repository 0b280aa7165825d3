import * as Y from 'yjs';
import { AGREEMENT_PROMPT_KEYS, AGREEMENT_SECTIONS, type AgreementPrompt, type AgreementSection } from './agreement-sections';
import { listBoards, type BoardType } from './boards';
import { answerIn, roundOf, type Answer, type ConsentError, type ConsentRound, type Voter } from './consent';
import { adoptedRules } from './ground-rules';
import { applyTextChange } from './items';
import { listIndicators, type Indicator } from './indicators';
import { commitmentsByPartner, listNeeds, type Partner, type Pledge } from './resources';
import { err, ok, type Result } from './result';
import { redLinesByPartner, risksBySeverity, type Risk } from './risks';
import { boardPartOf, liveBoard } from './schema';
import { checkText, LIMITS, stripControls, type TextError } from './text';
import { adoptedVersion } from './vision';

export * from './agreement-sections';

/* An agreement board assembles what the room adopted on the workshop's other boards into the
 * sections of a partnership agreement, and keeps what no board holds: the room's answers to the
 * agreement's own questions (each a Y.Text, so two people writing into one answer both keep
 * their words) and, per section, a consent round in which each partner group accepts it. Seed
 * 000 (L190): the agreement "needs to be acceptable to all partners". */

export type AgreementError = TextError | ConsentError | 'no-section' | 'no-prompt' | 'reason-required';

const SECTIONS = 'sections';

const isSection = (s: string): s is AgreementSection => (AGREEMENT_SECTIONS as readonly string[]).includes(s);
const isPrompt = (p: string): p is AgreementPrompt => (AGREEMENT_PROMPT_KEYS as readonly string[]).includes(p);

const promptText = (doc: Y.Doc, boardId: string, prompt: AgreementPrompt): Y.Text | undefined => {
  const text = liveBoard(doc, boardId)?.get(prompt);
  return text instanceof Y.Text ? text : undefined;
};

/** The room's answers to the agreement's questions, as they stand now ('' where none yet). */
export function agreementPrompts(doc: Y.Doc, boardId: string): Record<AgreementPrompt, string> {
  return Object.fromEntries(AGREEMENT_PROMPT_KEYS.map((p) => [p, promptText(doc, boardId, p)?.toString() ?? ''])) as Record<AgreementPrompt, string>;
}

/** Brings one answer to `raw`, changing only the characters that differ. It runs at each
 *  keystroke, so spaces and unfinished words stay as typed; pasted controls go. */
export function editPrompt(doc: Y.Doc, boardId: string, prompt: string, raw: string, origin: unknown): Result<void, AgreementError> {
  if (!isPrompt(prompt)) return err('no-prompt', prompt);
  const text = promptText(doc, boardId, prompt);
  if (!text) return err('no-board', boardId);
  const next = stripControls(raw);
  const length = [...next].length;
  if (length > LIMITS.agreementPrompt) return err('too-long', `${length} > ${LIMITS.agreementPrompt}`);
  if (text.toString() !== next) doc.transact(() => applyTextChange(text, next), origin);
  return ok(undefined);
}

const sectionEntry = (doc: Y.Doc, boardId: string, section: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, SECTIONS)?.get(section);

/** Each section's acceptance round, in the agreement's order; `me` fills in each round's `mine`. */
export function sectionRounds(doc: Y.Doc, boardId: string, me?: string): { section: AgreementSection; round: ConsentRound }[] {
  return AGREEMENT_SECTIONS.map((section) => ({ section, round: roundOf(doc, sectionEntry(doc, boardId, section), me) }));
}

/** A participant's answer on a section, for their partner group (null withdraws it). Agreeing
 *  with reservations or objecting needs a reason: the room must know what to talk over. */
export function acceptSection(
  doc: Y.Doc, boardId: string, section: string, voter: Voter, response: { answer: Answer | null; reason?: string }, origin: unknown,
): Result<void, AgreementError> {
  if (!isSection(section)) return err('no-section', section);
  const entry = sectionEntry(doc, boardId, section);
  if (!(entry instanceof Y.Map)) return liveBoard(doc, boardId) ? err('no-section', section) : err('no-board', boardId);
  if (response.answer !== null && response.answer !== 'agree') {
    const reason = checkText(response.reason ?? '', 'reason', { multiline: true });
    if (!reason.ok) return reason.error === 'empty' ? err('reason-required') : reason;
  }
  return answerIn(doc, entry, voter, { answer: response.answer, reason: response.answer === 'agree' ? '' : response.reason }, origin);
}

/** What one board contributes to the agreement. */
export interface FromBoard<T> {
  boardId: string;
  title: string;
  content: T;
}

export interface CommitmentOf {
  partner: Partner;
  pledges: (Pledge & { needTitle: string })[];
}

export interface RiskContent {
  risks: Risk[];
  /** Revealed red lines only: a sealed one is not in this device's document to read. */
  redLines: { partner: { id: string; name: string }; lines: string[] }[];
}

/** What the room adopted on the workshop's boards, in agenda order, by the agreement section it
 *  belongs to: the vision version adopted last, the adopted ground rules, every pledge by
 *  partner, the adopted indicators, and the risks with the red lines revealed. */
export interface AdoptedContent {
  vision: FromBoard<{ name: string; text: string } | null>[];
  conduct: FromBoard<{ text: string; reservations: number }[]>[];
  resources: FromBoard<CommitmentOf[]>[];
  indicators: FromBoard<Indicator[]>[];
  risks: FromBoard<RiskContent>[];
}

const boardsOf = <T>(doc: Y.Doc, type: BoardType, read: (boardId: string) => T): FromBoard<T>[] =>
  listBoards(doc).filter((b) => b.type === type && b.unknownType === undefined)
    .map((b) => ({ boardId: b.id, title: b.title, content: read(b.id) }));

export function adoptedContent(doc: Y.Doc): AdoptedContent {
  return {
    vision: boardsOf(doc, 'vision', (id) => {
      const version = adoptedVersion(doc, id);
      return version ? { name: version.name, text: version.text } : null;
    }),
    conduct: boardsOf(doc, 'ground-rules', (id) => adoptedRules(doc, id).map(({ text, reservations }) => ({ text, reservations }))),
    resources: boardsOf(doc, 'resources', (id) => {
      const needs = new Map(listNeeds(doc, id).map((n) => [n.id, n.title]));
      return commitmentsByPartner(doc, id).map(({ partner, pledges }) =>
        ({ partner, pledges: pledges.map((p) => ({ ...p, needTitle: needs.get(p.need) ?? '' })) }));
    }),
    indicators: boardsOf(doc, 'indicators', (id) => listIndicators(doc, id).filter((i) => i.round.status === 'adopted')),
    risks: boardsOf(doc, 'risks', (id) => ({
      risks: risksBySeverity(doc, id),
      redLines: redLinesByPartner(doc, id).map((p) => ({ partner: { id: p.partner.id, name: p.partner.name }, lines: p.lines.map((l) => l.text) })),
    })),
  };
}
