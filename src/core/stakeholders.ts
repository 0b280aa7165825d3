import * as Y from 'yjs';
import { newId } from './ids';
import { entryValue } from './entry-cache';
import { byOrder, keyAfter, keysAfter, orderOf } from './order';
import { err, ok, type Result } from './result';
import { removeEntry } from './remove-entry';
import { boardPartOf } from './schema';
import { checkText, type TextError } from './text';
import {
  isEstimate, nudgedEstimate, summariseEstimates, wholeSteps, writeEstimate, type EstimateSummary,
} from './estimates';

export { NUDGE_STEP, type AxisSpread } from './estimates';

/* A stakeholder map: who has a stake, what they need and bring, how engaged they are, how they
 * relate, and where the room places them on influence × interest. Each person's placement is
 * their own estimate, keyed by participant id, so people placing one stakeholder at once never
 * overwrite each other and the map can show both the average and the disagreement. */

export const SECTORS = ['government', 'business', 'civil-society', 'academia', 'international-agency', 'community', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

/** From most to least involved; seed 000 advises at most five or six active or key decision-making partners. */
export const ENGAGEMENT_LEVELS = ['key-partner', 'active-partner', 'pilot', 'advisory', 'informed'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

export const KEY_PARTNER_LIMIT = 6;

/** Both axes run from 0 (none) to 1 (high). */
export interface Position {
  influence: number;
  interest: number;
}

export interface StakeholderFields {
  name: string;
  sector: Sector;
  level: EngagementLevel;
  needs: string;
  interests: string;
  motivations: string;
  /** What the stakeholder brings to the partnership. */
  brings: string;
}

export interface Stakeholder extends StakeholderFields, EstimateSummary<keyof Position> {
  id: string;
  createdBy: string;
  createdAt: number;
  order: string;
}

export interface Relationship {
  id: string;
  from: string;
  to: string;
  /** What links them ("funds", "reports to"...); may be empty. */
  label: string;
}

export type StakeholderError =
  | TextError | 'no-board' | 'no-stakeholder' | 'bad-sector' | 'bad-level' | 'bad-position' | 'no-id'
  | 'no-relationship' | 'same-stakeholder' | 'duplicate';

const stakeholdersOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'stakeholders');
const relationshipsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Relationship>(doc, boardId, 'relationships');

const DETAILS = ['needs', 'interests', 'motivations', 'brings'] as const;
const isSector = (s: unknown): s is Sector => (SECTORS as readonly unknown[]).includes(s);
const isLevel = (l: unknown): l is EngagementLevel => (ENGAGEMENT_LEVELS as readonly unknown[]).includes(l);
const AXES = ['influence', 'interest'] as const;

/** Cleans and checks the given fields; nothing is written unless all pass. */
function checkFields(fields: Partial<StakeholderFields>): Result<Partial<StakeholderFields>, StakeholderError> {
  const clean: Partial<StakeholderFields> = {};
  if (fields.name !== undefined) {
    const name = checkText(fields.name, 'stakeholderName');
    if (!name.ok) return { ...name, detail: 'name' };
    clean.name = name.value;
  }
  for (const key of DETAILS) {
    const raw = fields[key];
    if (raw === undefined) continue;
    const text = checkText(raw, 'stakeholderDetail', { multiline: true, optional: true });
    if (!text.ok) return { ...text, detail: key };
    clean[key] = text.value;
  }
  if (fields.sector !== undefined) {
    if (!isSector(fields.sector)) return err('bad-sector', String(fields.sector));
    clean.sector = fields.sector;
  }
  if (fields.level !== undefined) {
    if (!isLevel(fields.level)) return err('bad-level', String(fields.level));
    clean.level = fields.level;
  }
  return ok(clean);
}

const estimatesOf = (map: Y.Map<unknown>) => map.get('estimates') as Y.Map<unknown>;

function toStakeholder(map: Y.Map<unknown>, me: string | undefined): Stakeholder {
  const str = (key: string) => String(map.get(key) ?? '');
  const sector = map.get('sector');
  const level = map.get('level');
  return {
    id: str('id'),
    name: str('name'),
    sector: isSector(sector) ? sector : 'other',
    level: isLevel(level) ? level : 'informed',
    needs: str('needs'),
    interests: str('interests'),
    motivations: str('motivations'),
    brings: str('brings'),
    createdBy: str('createdBy'),
    createdAt: Number(map.get('createdAt') ?? 0),
    order: orderOf(map, 'stakeholders'),
    ...summariseEstimates(map.get('estimates') as Y.Map<unknown> | undefined, AXES, me),
  };
}

const keptStakeholder = (map: Y.Map<unknown>, me: string | undefined): Stakeholder =>
  entryValue(map, `stakeholder ${me ?? ''}`, () => toStakeholder(map, me));

/** Stakeholders in the order they were added; `me` fills in each one's `mine`. */
export function listStakeholders(doc: Y.Doc, boardId: string, me?: string): Stakeholder[] {
  return [...(stakeholdersOf(doc, boardId)?.values() ?? [])].map((m) => keptStakeholder(m, me)).sort(byOrder);
}

export function getStakeholder(doc: Y.Doc, boardId: string, id: string, me?: string): Stakeholder | undefined {
  const map = stakeholdersOf(doc, boardId)?.get(id);
  return map && keptStakeholder(map, me);
}

/** Relationships between stakeholders that both still exist (one may have been deleted on
 *  another device while the relationship was drawn). */
export function listRelationships(doc: Y.Doc, boardId: string): Relationship[] {
  const stakeholders = stakeholdersOf(doc, boardId);
  return [...(relationshipsOf(doc, boardId)?.values() ?? [])]
    .filter((r) => stakeholders?.has(r.from) && stakeholders.has(r.to))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.id.localeCompare(b.id));
}

/** The levels seed 000 (L52-53) counts together: "a maximum of five or six organizations as
 *  active or key decision-making partners". */
const DECISION_MAKING: readonly EngagementLevel[] = ['key-partner', 'active-partner'];

/** How many of a board's stakeholders (as listed) are active or key decision-making partners, and
 *  whether that is more than the five or six a partnership can take decisions with. */
export function keyPartnerWarning(stakeholders: readonly Pick<Stakeholder, 'level'>[]): { count: number; tooMany: boolean } {
  const count = stakeholders.filter((s) => DECISION_MAKING.includes(s.level)).length;
  return { count, tooMany: count > KEY_PARTNER_LIMIT };
}

export function addStakeholder(
  doc: Y.Doc, boardId: string, fields: Partial<StakeholderFields> & { name: string; createdBy: string }, origin: unknown,
): Result<string, StakeholderError> {
  const { createdBy, ...rest } = fields;
  const checked = checkFields(rest);
  if (!checked.ok) return checked;
  const stakeholders = stakeholdersOf(doc, boardId);
  if (!stakeholders) return err('no-board', boardId);
  const id = newId();
  doc.transact(() => writeStakeholder(stakeholders, checked.value, { id, createdBy, createdAt: Date.now(), order: keyAfter(listStakeholders(doc, boardId)) }), origin);
  return ok(id);
}

/** A new stakeholder's entry, with the defaults for fields not given (inside a transaction). */
function writeStakeholder(
  stakeholders: Y.Map<Y.Map<unknown>>, fields: Partial<StakeholderFields>,
  entry: { id: string; createdBy: string; createdAt: number; order: string },
): void {
  const values = { sector: 'other', level: 'informed', needs: '', interests: '', motivations: '', brings: '', ...fields, ...entry };
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) map.set(key, value);
  map.set('estimates', new Y.Map());
  stakeholders.set(entry.id, map);
}

function stakeholderMap(doc: Y.Doc, boardId: string, id: string): Result<Y.Map<unknown>, StakeholderError> {
  const stakeholders = stakeholdersOf(doc, boardId);
  if (!stakeholders) return err('no-board', boardId);
  const map = stakeholders.get(id);
  return map ? ok(map) : err('no-stakeholder', id);
}

/** Changes the given fields; each is a separate key, so two people changing different fields
 *  both win, and the same field takes the last writer's whole text. */
export function updateStakeholder(
  doc: Y.Doc, boardId: string, id: string, changes: Partial<StakeholderFields>, origin: unknown,
): Result<void, StakeholderError> {
  const checked = checkFields(changes);
  if (!checked.ok) return checked;
  const map = stakeholderMap(doc, boardId, id);
  if (!map.ok) return map;
  const changed = Object.entries(checked.value).filter(([key, value]) => map.value.get(key) !== value);
  if (changed.length > 0) doc.transact(() => changed.forEach(([key, value]) => map.value.set(key, value)), origin);
  return ok(undefined);
}

/** Deletes a stakeholder with its estimates and every relationship it is part of. */
export function deleteStakeholder(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, StakeholderError> {
  const map = stakeholderMap(doc, boardId, id);
  if (!map.ok) return map;
  const relationships = relationshipsOf(doc, boardId)!;
  doc.transact(() => {
    for (const [key, r] of [...relationships.entries()]) if (r.from === id || r.to === id) relationships.delete(key);
    stakeholdersOf(doc, boardId)!.delete(id);
  }, origin);
  return ok(undefined);
}

/** Records where `participant` places the stakeholder (dragging on the grid; the facilitator's
 *  placement is their own estimate). Both axes must lie in 0..1. */
export function placeStakeholder(
  doc: Y.Doc, boardId: string, id: string, participant: string, position: Position, origin: unknown,
): Result<void, StakeholderError> {
  if (!participant) return err('no-id');
  if (!isEstimate(position, AXES)) return err('bad-position', `${position.influence}, ${position.interest}`);
  const map = stakeholderMap(doc, boardId, id);
  if (!map.ok) return map;
  writeEstimate(doc, estimatesOf(map.value), participant, { influence: position.influence, interest: position.interest }, origin);
  return ok(undefined);
}

/** The keyboard alternative to dragging: moves `participant`'s estimate by whole `NUDGE_STEP`s
 *  per axis (negative = down), from the nearest grid point, stopping at the edges. Someone who
 *  has not placed it yet starts from the room's average, or the middle when nobody has. */
export function nudgeStakeholder(
  doc: Y.Doc, boardId: string, id: string, participant: string, steps: Partial<Position>, origin: unknown,
): Result<void, StakeholderError> {
  if (!participant) return err('no-id');
  if (!wholeSteps(steps)) return err('bad-position', `${steps.influence}, ${steps.interest}`);
  const map = stakeholderMap(doc, boardId, id);
  if (!map.ok) return map;
  const estimates = estimatesOf(map.value);
  writeEstimate(doc, estimates, participant, nudgedEstimate(summariseEstimates(estimates, AXES, participant), steps, AXES), origin);
  return ok(undefined);
}

/** Withdraws `participant`'s estimate. */
export function clearEstimate(doc: Y.Doc, boardId: string, id: string, participant: string, origin: unknown): Result<void, StakeholderError> {
  const map = stakeholderMap(doc, boardId, id);
  if (!map.ok) return map;
  const estimates = estimatesOf(map.value);
  if (estimates.has(participant)) doc.transact(() => estimates.delete(participant), origin);
  return ok(undefined);
}

/** Draws a relationship from one stakeholder to another; one per ordered pair. */
export function addRelationship(
  doc: Y.Doc, boardId: string, fields: { from: string; to: string; label?: string }, origin: unknown,
): Result<string, StakeholderError> {
  const label = checkText(fields.label ?? '', 'relationship', { optional: true });
  if (!label.ok) return label;
  for (const end of [fields.from, fields.to]) {
    const map = stakeholderMap(doc, boardId, end);
    if (!map.ok) return map;
  }
  if (fields.from === fields.to) return err('same-stakeholder', fields.from);
  if (listRelationships(doc, boardId).some((r) => r.from === fields.from && r.to === fields.to)) {
    return err('duplicate', `${fields.from} -> ${fields.to}`);
  }
  const relationship: Relationship = { id: newId(), from: fields.from, to: fields.to, label: label.value };
  doc.transact(() => relationshipsOf(doc, boardId)!.set(relationship.id, relationship), origin);
  return ok(relationship.id);
}

export function deleteRelationship(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, StakeholderError> {
  return removeEntry(doc, relationshipsOf(doc, boardId), { boardId, id }, 'no-relationship', origin);
}

/** A relationship to add with a batch: an end is an index into the batch's stakeholders, or the
 *  id of one already on the board. */
export interface BatchRelationship {
  from: number | string;
  to: number | string;
  label: string;
}

/** Adds many stakeholders and relationships as one change (a spreadsheet import): every one is
 *  checked first, and nothing is written unless all pass. The board is listed once for the
 *  whole batch, not once per stakeholder. */
export function addStakeholders(
  doc: Y.Doc, boardId: string, batch: { stakeholders: readonly (Partial<StakeholderFields> & { name: string })[]; relationships: readonly BatchRelationship[] },
  createdBy: string, origin: unknown,
): Result<string[], StakeholderError> {
  const stakeholders = stakeholdersOf(doc, boardId);
  if (!stakeholders) return err('no-board', boardId);
  const checked: Partial<StakeholderFields>[] = [];
  for (const fields of batch.stakeholders) {
    const clean = checkFields(fields);
    if (!clean.ok) return clean;
    checked.push(clean.value);
  }
  const ids = checked.map(() => newId());
  const idOf = (end: number | string) => (typeof end === 'number' ? ids[end] : stakeholders.has(end) ? end : undefined);
  const relationships: Relationship[] = [];
  for (const r of batch.relationships) {
    const [from, to] = [idOf(r.from), idOf(r.to)];
    if (!from || !to) return err('no-stakeholder', String(from ? r.to : r.from));
    if (from === to) return err('same-stakeholder', from);
    const label = checkText(r.label, 'relationship', { optional: true });
    if (!label.ok) return label;
    relationships.push({ id: newId(), from, to, label: label.value });
  }
  const orders = keysAfter(listStakeholders(doc, boardId), checked.length);
  const createdAt = Date.now();
  doc.transact(() => {
    checked.forEach((fields, i) => writeStakeholder(stakeholders, fields, { id: ids[i]!, createdBy, createdAt, order: orders[i]! }));
    for (const r of relationships) relationshipsOf(doc, boardId)!.set(r.id, r);
  }, origin);
  return ok(ids);
}
