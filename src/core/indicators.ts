import * as Y from 'yjs';
import { answerRound, newRound, roundOf, ROUND_KEY, type ConsentError, type ConsentRound, type Voter } from './consent';
import { newId } from './ids';
import { byOrder, keyAfter } from './order';
import { applyTextChange } from './items';
import { err, ok, type Result } from './result';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';

/* An indicators board holds the partnership's indicators of success: "what success would look
 * like: indicators and methodology for capturing data (how and by whom)" (seed 000 L159-160),
 * "what needs to be measured, how, by whom and how frequently" (L222-225), and each partner's
 * reporting needs (L165-166). Every field is a Y.Text of its own, so two people completing one
 * indicator at once both keep their words; each indicator has its own consent round. */

export const INDICATOR_FIELDS = ['success', 'indicator', 'baseline', 'target', 'method', 'collectedBy', 'frequency', 'reportTo'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export type IndicatorFields = Record<IndicatorField, string>;

export interface Indicator extends IndicatorFields {
  id: string;
  createdBy: string;
  createdAt: number;
  /** Position key: indicators list in the order they were added, whatever the devices' clocks. */
  order: string;
  round: ConsentRound;
}

export type IndicatorError = TextError | ConsentError | 'no-indicator';

const PART = 'indicators';
const indicatorsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, PART);

const textOf = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return value instanceof Y.Text ? value.toString() : String(value ?? '');
};

function toIndicator(doc: Y.Doc, map: Y.Map<unknown>, me: string | undefined): Indicator {
  const fields = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, textOf(map, f)])) as IndicatorFields;
  return {
    ...fields,
    id: String(map.get('id')),
    createdBy: String(map.get('createdBy') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    order: String(map.get('order') ?? ''),
    round: roundOf(doc, map, me),
  };
}

/** The indicators in the order they were added; `me` fills in each round's `mine`. */
export function listIndicators(doc: Y.Doc, boardId: string, me?: string): Indicator[] {
  return [...(indicatorsOf(doc, boardId)?.values() ?? [])].map((m) => toIndicator(doc, m, me)).sort(byOrder);
}

/** Cleans the given fields; the indicator itself may not be emptied, the rest may. A failure
 *  names its field in `detail`. */
function checkFields(fields: Partial<IndicatorFields>): Result<Partial<IndicatorFields>, TextError> {
  const clean: Partial<IndicatorFields> = {};
  for (const field of INDICATOR_FIELDS) {
    const raw = fields[field];
    if (raw === undefined) continue;
    const text = checkText(raw, 'indicatorField', { multiline: true, optional: field !== 'indicator' });
    if (!text.ok) return { ...text, detail: field };
    clean[field] = text.value;
  }
  return ok(clean);
}

export function addIndicator(
  doc: Y.Doc, boardId: string, fields: Partial<IndicatorFields> & { indicator: string; createdBy: string }, origin: unknown,
): Result<string, IndicatorError> {
  const checked = checkFields(fields);
  if (!checked.ok) return checked;
  const indicators = indicatorsOf(doc, boardId);
  if (!indicators) return err('no-board', boardId);
  const id = newId();
  const order = keyAfter(listIndicators(doc, boardId));
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('order', order);
    map.set('createdBy', fields.createdBy);
    map.set('createdAt', Date.now());
    for (const field of INDICATOR_FIELDS) map.set(field, new Y.Text(checked.value[field] ?? ''));
    map.set(ROUND_KEY, newRound());
    indicators.set(id, map);
  }, origin);
  return ok(id);
}

function indicatorMap(doc: Y.Doc, boardId: string, id: string): Result<Y.Map<unknown>, IndicatorError> {
  const indicators = indicatorsOf(doc, boardId);
  if (!indicators) return err('no-board', boardId);
  const map = indicators.get(id);
  return map ? ok(map) : err('no-indicator', id);
}

/** Changes the given fields, each only where its characters differ. Answers already given stay:
 *  the facilitator decides whether a changed indicator needs a new round. */
export function updateIndicator(
  doc: Y.Doc, boardId: string, id: string, changes: Partial<IndicatorFields>, origin: unknown,
): Result<void, IndicatorError> {
  const checked = checkFields(changes);
  if (!checked.ok) return checked;
  const map = indicatorMap(doc, boardId, id);
  if (!map.ok) return map;
  const changed = Object.entries(checked.value).filter(([field, value]) => textOf(map.value, field) !== value);
  if (changed.length === 0) return ok(undefined);
  doc.transact(() => {
    for (const [field, value] of changed) {
      const text = map.value.get(field);
      if (text instanceof Y.Text) applyTextChange(text, value);
      else map.value.set(field, new Y.Text(value));
    }
  }, origin);
  return ok(undefined);
}

export function deleteIndicator(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, IndicatorError> {
  const map = indicatorMap(doc, boardId, id);
  if (!map.ok) return map;
  doc.transact(() => indicatorsOf(doc, boardId)!.delete(id), origin);
  return ok(undefined);
}

/** A participant's answer in an indicator's consent round, for their group. */
export function answerIndicator(
  doc: Y.Doc, boardId: string, id: string, voter: Voter, response: { answer: string | null; reason?: string }, origin: unknown,
): Result<void, IndicatorError> {
  const answered = answerRound(doc, { boardId, part: PART, id }, voter, response, origin);
  return !answered.ok && answered.error === 'no-entry' ? err('no-indicator', id) : answered;
}
