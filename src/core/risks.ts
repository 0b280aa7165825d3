import * as Y from 'yjs';
import { newEntry, numberOf, textOf, updateEntry, type EntryValues } from './entries';
import {
  isEstimate, nudgedEstimate, summariseEstimates, wholeSteps, writeEstimate, type Estimate, type EstimateSummary,
} from './estimates';
import { listGroups } from './groups';
import { newId } from './ids';
import { byOrder, keyAfter } from './order';
import { err, ok, type Result } from './result';
import { removeEntry } from './remove-entry';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';

/* Risks and assumptions (seed 000, "Risks and assumptions"; and the partners' internal
 * assessment, L77). Each participant places every risk on a likelihood × impact grid with their
 * own estimate, as on the stakeholder map, so the room sees the average and the disagreement;
 * a risk carries its mitigation and an owner. Assumptions are a plain list. Red lines live in
 * ./facilitation/red-lines.ts: they are sealed until the facilitator reveals them. */

export const RISK_AXES = ['likelihood', 'impact'] as const;
export type RiskAxis = (typeof RISK_AXES)[number];
export type RiskEstimate = Estimate<RiskAxis>;

export interface RiskFields {
  text: string;
  mitigation: string;
  /** Who watches the risk and acts on it: a person, a partner, a committee. */
  owner: string;
}

export interface Risk extends RiskFields, EstimateSummary<RiskAxis> {
  id: string;
  createdBy: string;
  createdAt: number;
  /** The order they were raised in, from keys rather than clocks (devices' clocks differ). */
  order: string;
}

export interface Assumption {
  id: string;
  text: string;
  createdBy: string;
  createdAt: number;
  order: string;
}

/** A partner's red line, as its sealed box holds it and as the reveal publishes it. */
export interface RedLine {
  id: string;
  /** The partner (stakeholder group id) whose red line it is. */
  partner: string;
  text: string;
  createdAt: number;
}

export type RiskError = TextError | 'no-board' | 'no-risk' | 'no-assumption' | 'no-red-line' | 'bad-position' | 'no-id';

const risksOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'risks');
const assumptionsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'assumptions');
/** Red lines waiting for the reveal, each a box only the facilitators (and its author) open. */
export const sealedRedLinesOf = (doc: Y.Doc, boardId: string) => boardPartOf<unknown>(doc, boardId, 'sealedRedLines');
/** Red lines the facilitator has revealed. */
export const redLinesRevealedOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'redLines');
export const checkRedLine = (raw: string) => checkText(raw, 'note', { multiline: true });

function checkRisk(fields: Partial<RiskFields>): Result<Partial<RiskFields>, RiskError> {
  const clean: Partial<RiskFields> = {};
  if (fields.text !== undefined) {
    const text = checkText(fields.text, 'note', { multiline: true });
    if (!text.ok) return { ...text, detail: 'text' };
    clean.text = text.value;
  }
  if (fields.mitigation !== undefined) {
    const mitigation = checkText(fields.mitigation, 'note', { multiline: true, optional: true });
    if (!mitigation.ok) return { ...mitigation, detail: 'mitigation' };
    clean.mitigation = mitigation.value;
  }
  if (fields.owner !== undefined) {
    const owner = checkText(fields.owner, 'stakeholderName', { optional: true });
    if (!owner.ok) return { ...owner, detail: 'owner' };
    clean.owner = owner.value;
  }
  return ok(clean);
}

const estimatesOf = (map: Y.Map<unknown>) => map.get('estimates') as Y.Map<unknown> | undefined;

function toRisk(map: Y.Map<unknown>, me: string | undefined): Risk {
  return {
    id: textOf(map, 'id'), text: textOf(map, 'text'), mitigation: textOf(map, 'mitigation'), owner: textOf(map, 'owner'),
    createdBy: textOf(map, 'createdBy'), createdAt: numberOf(map, 'createdAt') ?? 0, order: textOf(map, 'order'),
    ...summariseEstimates(estimatesOf(map), RISK_AXES, me),
  };
}

/** Risks in the order they were raised; `me` fills in each one's `mine`. */
export function listRisks(doc: Y.Doc, boardId: string, me?: string): Risk[] {
  return [...(risksOf(doc, boardId)?.values() ?? [])].map((m) => toRisk(m, me)).sort(byOrder);
}

/** The risks the room rates most serious first (mean likelihood × impact), unrated ones last. */
export function risksBySeverity(doc: Y.Doc, boardId: string): Risk[] {
  const severity = (r: Risk) => (r.position ? r.position.likelihood * r.position.impact : -1);
  return listRisks(doc, boardId).sort((a, b) => severity(b) - severity(a) || byOrder(a, b));
}

export function addRisk(
  doc: Y.Doc, boardId: string, fields: Partial<RiskFields> & { text: string; createdBy: string }, origin: unknown,
): Result<string, RiskError> {
  const { createdBy, ...rest } = fields;
  const checked = checkRisk(rest);
  if (!checked.ok) return checked;
  const risks = risksOf(doc, boardId);
  if (!risks) return err('no-board', boardId);
  const id = newId();
  const values: EntryValues = {
    mitigation: '', owner: '', ...checked.value, id, createdBy, createdAt: Date.now(), order: keyAfter(listRisks(doc, boardId)),
  };
  doc.transact(() => {
    const map = newEntry(values, ['text', 'mitigation']);
    map.set('estimates', new Y.Map());
    risks.set(id, map);
  }, origin);
  return ok(id);
}

function riskMap(doc: Y.Doc, boardId: string, id: string): Result<Y.Map<unknown>, RiskError> {
  const risks = risksOf(doc, boardId);
  if (!risks) return err('no-board', boardId);
  const map = risks.get(id);
  return map ? ok(map) : err('no-risk', id);
}

/** Changes the given fields, each on its own; the texts merge character by character. */
export function updateRisk(doc: Y.Doc, boardId: string, id: string, changes: Partial<RiskFields>, origin: unknown): Result<void, RiskError> {
  const checked = checkRisk(changes);
  if (!checked.ok) return checked;
  const map = riskMap(doc, boardId, id);
  if (!map.ok) return map;
  doc.transact(() => updateEntry(map.value, checked.value as EntryValues), origin);
  return ok(undefined);
}

export function deleteRisk(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, RiskError> {
  const map = riskMap(doc, boardId, id);
  if (!map.ok) return map;
  doc.transact(() => risksOf(doc, boardId)!.delete(id), origin);
  return ok(undefined);
}

/** Records `participant`'s own estimate of the risk; both axes in 0..1. */
export function rateRisk(
  doc: Y.Doc, boardId: string, id: string, participant: string, estimate: RiskEstimate, origin: unknown,
): Result<void, RiskError> {
  if (!participant) return err('no-id');
  if (!isEstimate(estimate, RISK_AXES)) return err('bad-position', `${estimate.likelihood}, ${estimate.impact}`);
  const map = riskMap(doc, boardId, id);
  if (!map.ok) return map;
  writeEstimate(doc, estimatesOf(map.value)!, participant, { likelihood: estimate.likelihood, impact: estimate.impact }, origin);
  return ok(undefined);
}

/** Moves `participant`'s estimate by whole steps per axis (the keyboard and the phone's buttons). */
export function nudgeRisk(
  doc: Y.Doc, boardId: string, id: string, participant: string, steps: Partial<RiskEstimate>, origin: unknown,
): Result<void, RiskError> {
  if (!participant) return err('no-id');
  if (!wholeSteps(steps)) return err('bad-position', `${steps.likelihood}, ${steps.impact}`);
  const map = riskMap(doc, boardId, id);
  if (!map.ok) return map;
  const estimates = estimatesOf(map.value)!;
  writeEstimate(doc, estimates, participant, nudgedEstimate(summariseEstimates(estimates, RISK_AXES, participant), steps, RISK_AXES), origin);
  return ok(undefined);
}

export function clearRiskEstimate(doc: Y.Doc, boardId: string, id: string, participant: string, origin: unknown): Result<void, RiskError> {
  const map = riskMap(doc, boardId, id);
  if (!map.ok) return map;
  const estimates = estimatesOf(map.value)!;
  if (estimates.has(participant)) doc.transact(() => estimates.delete(participant), origin);
  return ok(undefined);
}

export function listAssumptions(doc: Y.Doc, boardId: string): Assumption[] {
  return [...(assumptionsOf(doc, boardId)?.values() ?? [])]
    .map((m) => ({
      id: textOf(m, 'id'), text: textOf(m, 'text'), createdBy: textOf(m, 'createdBy'),
      createdAt: numberOf(m, 'createdAt') ?? 0, order: textOf(m, 'order'),
    }))
    .sort(byOrder);
}

export function addAssumption(
  doc: Y.Doc, boardId: string, fields: { text: string; createdBy: string }, origin: unknown,
): Result<string, RiskError> {
  const text = checkText(fields.text, 'note', { multiline: true });
  if (!text.ok) return text;
  const assumptions = assumptionsOf(doc, boardId);
  if (!assumptions) return err('no-board', boardId);
  const id = newId();
  const values = { id, text: text.value, createdBy: fields.createdBy, createdAt: Date.now(), order: keyAfter(listAssumptions(doc, boardId)) };
  doc.transact(() => assumptions.set(id, newEntry(values, ['text'])), origin);
  return ok(id);
}

function assumptionMap(doc: Y.Doc, boardId: string, id: string): Result<Y.Map<unknown>, RiskError> {
  const assumptions = assumptionsOf(doc, boardId);
  if (!assumptions) return err('no-board', boardId);
  const map = assumptions.get(id);
  return map ? ok(map) : err('no-assumption', id);
}

export function editAssumption(doc: Y.Doc, boardId: string, id: string, rawText: string, origin: unknown): Result<void, RiskError> {
  const text = checkText(rawText, 'note', { multiline: true });
  if (!text.ok) return text;
  const map = assumptionMap(doc, boardId, id);
  if (!map.ok) return map;
  doc.transact(() => updateEntry(map.value, { text: text.value }), origin);
  return ok(undefined);
}

export function deleteAssumption(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, RiskError> {
  const map = assumptionMap(doc, boardId, id);
  if (!map.ok) return map;
  doc.transact(() => assumptionsOf(doc, boardId)!.delete(id), origin);
  return ok(undefined);
}

/** The sealed red lines as [id, box]; entries without a box (a modified client's junk) are skipped. */
export function boxesOf(doc: Y.Doc, boardId: string): [string, string][] {
  return [...(sealedRedLinesOf(doc, boardId)?.entries() ?? [])].flatMap(([id, value]) => {
    const box = (value as { box?: unknown } | null)?.box;
    return typeof box === 'string' ? [[id, box] as [string, string]] : [];
  });
}

/** How many red lines wait for the reveal: everyone may see that some exist. */
export const sealedRedLineCount = (doc: Y.Doc, boardId: string): number => boxesOf(doc, boardId).length;

/** Red lines the facilitator has revealed, in the order of the reveals. */
export function listRedLines(doc: Y.Doc, boardId: string): RedLine[] {
  return [...(redLinesRevealedOf(doc, boardId)?.values() ?? [])]
    .map((m) => ({
      id: textOf(m, 'id'), partner: textOf(m, 'partner'), text: textOf(m, 'text'),
      createdAt: numberOf(m, 'createdAt') ?? 0, order: textOf(m, 'order'),
    }))
    .sort(byOrder)
    .map(({ order: _, ...line }) => line);
}

/** Revealed red lines per partner group, in the groups' order; partners without any are left out. */
export function redLinesByPartner(doc: Y.Doc, boardId: string): { partner: { id: string; name: string; color: string }; lines: RedLine[] }[] {
  const lines = listRedLines(doc, boardId);
  const groups = listGroups(doc);
  const known = new Set(groups.map((g) => g.id));
  const strays = [...new Set(lines.map((l) => l.partner).filter((p) => !known.has(p)))].map((id) => ({ id, name: '', color: '' }));
  return [...groups, ...strays]
    .map((g) => ({ partner: { id: g.id, name: g.name, color: g.color }, lines: lines.filter((l) => l.partner === g.id) }))
    .filter((p) => p.lines.length > 0);
}

/** Takes a revealed red line off the board. */
export function deleteRedLine(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, RiskError> {
  return removeEntry(doc, redLinesRevealedOf(doc, boardId), { boardId, id }, 'no-red-line', origin);
}
