import * as Y from 'yjs';
import { newEntry, numberOf, textOf, updateEntry, type EntryValues } from './entries';
import { listGroups } from './groups';
import { newId } from './ids';
import { byOrder, keyAfter } from './order';
import { err, ok, type Result } from './result';
import { boardPartOf } from './schema';
import { checkText, cleanText, type TextError } from './text';

/* Resources and commitments (seed 000, "Map resources and commitments", and "Resourcing"): the
 * needs of the partnership's programme, and each partner's pledges against them. A partner is a
 * stakeholder group of the workshop (Government, Development Partners...): the groups are who is
 * in the room, who answers consent rounds and who signs the agreement. A pledge from outside the
 * partnership names its source instead; the seed sources resources "firstly within the
 * partnership, then externally", so every listing puts inside pledges first. */

/** The seed's kinds of resource (000 L111–112) with the brief's equipment; a board may add more. */
export const RESOURCE_CATEGORIES = [
  'skills', 'logistics', 'people', 'facilities', 'information', 'distribution', 'networks', 'publicity',
  'money', 'services', 'products', 'equipment',
] as const;
export type BuiltInCategory = (typeof RESOURCE_CATEGORIES)[number];

export const PLEDGE_FORMS = ['cash', 'in-kind'] as const;
export type PledgeForm = (typeof PLEDGE_FORMS)[number];

/** Amounts beyond this are typing slips, not budgets. */
const AMOUNT_MAX = 1e12;

export interface Category {
  /** A built-in category's name (its label comes from the interface) or a board's own id. */
  id: string;
  builtIn: boolean;
  /** A board's own category's name; '' for a built-in one. */
  name: string;
}

export interface NeedFields {
  title: string;
  category: string;
  /** How much is needed, in `unit`; null when not quantified. */
  amount: number | null;
  unit: string;
  detail: string;
}

export interface Need extends NeedFields {
  id: string;
  createdBy: string;
  createdAt: number;
  /** The order they were added in, from keys rather than clocks (devices' clocks differ). */
  order: string;
}

export interface PledgeFields {
  need: string;
  /** The stakeholder group pledging; '' for a source outside the partnership. */
  partner: string;
  /** The outside source's name; '' for a partner's pledge. */
  outside: string;
  /** What is pledged, in words. */
  what: string;
  form: PledgeForm;
  amount: number | null;
  unit: string;
  /** The date it is committed by (yyyy-mm-dd), or ''. */
  by: string;
}

export interface Pledge extends PledgeFields {
  id: string;
  createdBy: string;
  createdAt: number;
  order: string;
}

/** Who pledges: a partner group, or a source outside the partnership. */
export interface Partner {
  /** `group:<id>` or `outside:<name, folded>`: outside sources are told apart by name. */
  key: string;
  inside: boolean;
  name: string;
  /** The group's colour; '' outside. */
  color: string;
}

export type ResourceError =
  | TextError | 'no-board' | 'no-need' | 'no-pledge' | 'bad-category' | 'bad-amount' | 'bad-form' | 'bad-date'
  | 'no-partner' | 'duplicate';

const needsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'needs');
const pledgesOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'pledges');
const categoriesOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'categories');

export const isBuiltInCategory = (c: unknown): c is BuiltInCategory => (RESOURCE_CATEGORIES as readonly unknown[]).includes(c);
const isForm = (f: unknown): f is PledgeForm => (PLEDGE_FORMS as readonly unknown[]).includes(f);
const fold = (s: string) => s.trim().toLocaleLowerCase();
/** Units compare as typed, ignoring case and spaces at the ends: "USD" and "usd" add up. */
export const sameUnit = (a: string, b: string): boolean => fold(a) === fold(b);

function checkAmount(amount: number | null): Result<number | null, ResourceError> {
  if (amount === null) return ok(null);
  return Number.isFinite(amount) && amount >= 0 && amount <= AMOUNT_MAX ? ok(amount) : err('bad-amount', String(amount));
}

function checkDate(by: string): Result<string, ResourceError> {
  if (by === '') return ok('');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(by) ? new Date(`${by}T00:00:00Z`) : null;
  return date && date.toISOString().startsWith(by) ? ok(by) : err('bad-date', by);
}

/** Built-in categories in the seed's order, then the board's own in the order they were added. */
export function listCategories(doc: Y.Doc, boardId: string): Category[] {
  const own = [...(categoriesOf(doc, boardId)?.values() ?? [])]
    .map((m) => ({ id: textOf(m, 'id'), name: textOf(m, 'name'), order: textOf(m, 'order') }))
    .sort(byOrder)
    .map(({ id, name }) => ({ id, builtIn: false, name }));
  return [...RESOURCE_CATEGORIES.map((id) => ({ id, builtIn: true, name: '' })), ...own];
}

/** Adds a category of the board's own ("Translation", "Vehicles"). */
export function addCategory(doc: Y.Doc, boardId: string, rawName: string, origin: unknown): Result<string, ResourceError> {
  const name = checkText(rawName, 'groupName');
  if (!name.ok) return name;
  const categories = categoriesOf(doc, boardId);
  if (!categories) return err('no-board', boardId);
  if (listCategories(doc, boardId).some((c) => !c.builtIn && fold(c.name) === fold(name.value))) return err('duplicate', name.value);
  const id = newId();
  const order = keyAfter([...categories.values()].map((m) => ({ order: textOf(m, 'order') })));
  doc.transact(() => categories.set(id, newEntry({ id, name: name.value, order }, [])), origin);
  return ok(id);
}

function checkNeed(doc: Y.Doc, boardId: string, fields: Partial<NeedFields>): Result<Partial<NeedFields>, ResourceError> {
  const clean: Partial<NeedFields> = {};
  if (fields.title !== undefined) {
    const title = checkText(fields.title, 'note');
    if (!title.ok) return { ...title, detail: 'title' };
    clean.title = title.value;
  }
  if (fields.detail !== undefined) {
    const detail = checkText(fields.detail, 'note', { multiline: true, optional: true });
    if (!detail.ok) return { ...detail, detail: 'detail' };
    clean.detail = detail.value;
  }
  if (fields.unit !== undefined) {
    const unit = checkText(fields.unit, 'unit', { optional: true });
    if (!unit.ok) return { ...unit, detail: 'unit' };
    clean.unit = unit.value;
  }
  if (fields.category !== undefined) {
    if (!listCategories(doc, boardId).some((c) => c.id === fields.category)) return err('bad-category', fields.category);
    clean.category = fields.category;
  }
  if (fields.amount !== undefined) {
    const amount = checkAmount(fields.amount);
    if (!amount.ok) return amount;
    clean.amount = amount.value;
  }
  return ok(clean);
}

function toNeed(map: Y.Map<unknown>): Need {
  return {
    id: textOf(map, 'id'), title: textOf(map, 'title'), category: textOf(map, 'category'), amount: numberOf(map, 'amount'),
    unit: textOf(map, 'unit'), detail: textOf(map, 'detail'), createdBy: textOf(map, 'createdBy'),
    createdAt: numberOf(map, 'createdAt') ?? 0, order: textOf(map, 'order'),
  };
}

/** Needs in the order they were added. */
export function listNeeds(doc: Y.Doc, boardId: string): Need[] {
  return [...(needsOf(doc, boardId)?.values() ?? [])].map(toNeed).sort(byOrder);
}

export function addNeed(
  doc: Y.Doc, boardId: string, fields: Partial<NeedFields> & { title: string; category: string; createdBy: string }, origin: unknown,
): Result<string, ResourceError> {
  const { createdBy, ...rest } = fields;
  const checked = checkNeed(doc, boardId, rest);
  if (!checked.ok) return checked;
  const needs = needsOf(doc, boardId);
  if (!needs) return err('no-board', boardId);
  const id = newId();
  const values: EntryValues = {
    amount: null, unit: '', detail: '', ...checked.value, id, createdBy, createdAt: Date.now(), order: keyAfter(listNeeds(doc, boardId)),
  };
  doc.transact(() => needs.set(id, newEntry(values, ['title', 'detail'])), origin);
  return ok(id);
}

function entryOf(
  part: Y.Map<Y.Map<unknown>> | undefined, boardId: string, id: string, missing: 'no-need' | 'no-pledge',
): Result<Y.Map<unknown>, ResourceError> {
  if (!part) return err('no-board', boardId);
  const map = part.get(id);
  return map ? ok(map) : err(missing, id);
}

/** Changes the given fields of a need, each on its own. */
export function updateNeed(
  doc: Y.Doc, boardId: string, id: string, changes: Partial<NeedFields>, origin: unknown,
): Result<void, ResourceError> {
  const checked = checkNeed(doc, boardId, changes);
  if (!checked.ok) return checked;
  const map = entryOf(needsOf(doc, boardId), boardId, id, 'no-need');
  if (!map.ok) return map;
  doc.transact(() => updateEntry(map.value, checked.value as EntryValues), origin);
  return ok(undefined);
}

/** Deletes a need and the pledges made against it. */
export function deleteNeed(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, ResourceError> {
  const map = entryOf(needsOf(doc, boardId), boardId, id, 'no-need');
  if (!map.ok) return map;
  const pledges = pledgesOf(doc, boardId)!;
  doc.transact(() => {
    for (const [key, p] of [...pledges.entries()]) if (p.get('need') === id) pledges.delete(key);
    needsOf(doc, boardId)!.delete(id);
  }, origin);
  return ok(undefined);
}

function checkPledge(doc: Y.Doc, boardId: string, fields: Partial<PledgeFields>): Result<Partial<PledgeFields>, ResourceError> {
  const clean: Partial<PledgeFields> = {};
  if (fields.need !== undefined) {
    if (!needsOf(doc, boardId)?.has(fields.need)) return err('no-need', fields.need);
    clean.need = fields.need;
  }
  if (fields.partner !== undefined) {
    if (fields.partner !== '' && !listGroups(doc).some((g) => g.id === fields.partner)) return err('no-partner', fields.partner);
    clean.partner = fields.partner;
  }
  if (fields.outside !== undefined) {
    const outside = checkText(fields.outside, 'stakeholderName', { optional: true });
    if (!outside.ok) return { ...outside, detail: 'outside' };
    clean.outside = outside.value;
  }
  if (fields.what !== undefined) {
    const what = checkText(fields.what, 'note', { multiline: true });
    if (!what.ok) return { ...what, detail: 'what' };
    clean.what = what.value;
  }
  if (fields.form !== undefined) {
    if (!isForm(fields.form)) return err('bad-form', String(fields.form));
    clean.form = fields.form;
  }
  if (fields.amount !== undefined) {
    const amount = checkAmount(fields.amount);
    if (!amount.ok) return amount;
    clean.amount = amount.value;
  }
  if (fields.unit !== undefined) {
    const unit = checkText(fields.unit, 'unit', { optional: true });
    if (!unit.ok) return { ...unit, detail: 'unit' };
    clean.unit = unit.value;
  }
  if (fields.by !== undefined) {
    const by = checkDate(cleanText(fields.by));
    if (!by.ok) return by;
    clean.by = by.value;
  }
  return ok(clean);
}

/** A pledge comes from exactly one side: a partner group, or a named outside source. */
const sourced = (p: Pick<PledgeFields, 'partner' | 'outside'>): boolean => (p.partner === '') !== (p.outside === '');

function toPledge(map: Y.Map<unknown>): Pledge {
  const form = map.get('form');
  return {
    id: textOf(map, 'id'), need: textOf(map, 'need'), partner: textOf(map, 'partner'), outside: textOf(map, 'outside'),
    what: textOf(map, 'what'), form: isForm(form) ? form : 'in-kind', amount: numberOf(map, 'amount'), unit: textOf(map, 'unit'),
    by: textOf(map, 'by'), createdBy: textOf(map, 'createdBy'), createdAt: numberOf(map, 'createdAt') ?? 0,
    order: textOf(map, 'order'),
  };
}

/** Pledges against needs that still exist: from inside the partnership first, then outside
 *  sources, each in the order they were made. */
export function listPledges(doc: Y.Doc, boardId: string): Pledge[] {
  const needs = needsOf(doc, boardId);
  return [...(pledgesOf(doc, boardId)?.values() ?? [])].map(toPledge)
    .filter((p) => needs?.has(p.need))
    .sort((a, b) => Number(a.partner === '') - Number(b.partner === '') || byOrder(a, b));
}

/** Pledges `fields.partner` (a group id) or `fields.outside` (a source's name) against a need.
 *  The unit defaults to the need's, so the gap view can add it up. */
export function addPledge(
  doc: Y.Doc, boardId: string,
  fields: Partial<PledgeFields> & { need: string; what: string; form: PledgeForm; createdBy: string }, origin: unknown,
): Result<string, ResourceError> {
  const { createdBy, ...rest } = fields;
  const checked = checkPledge(doc, boardId, { partner: '', outside: '', ...rest });
  if (!checked.ok) return checked;
  const pledges = pledgesOf(doc, boardId)!;
  const values = { amount: null, by: '', unit: toNeed(needsOf(doc, boardId)!.get(fields.need)!).unit, ...checked.value };
  if (!sourced(values as PledgeFields)) return err('no-partner');
  const id = newId();
  const order = keyAfter([...pledges.values()].map(toPledge));
  doc.transact(() => pledges.set(id, newEntry({ ...values, id, createdBy, createdAt: Date.now(), order }, ['what'])), origin);
  return ok(id);
}

/** Changes the given fields of a pledge, each on its own; `what` merges character by character.
 *  Moving a pledge between a partner and an outside source sets both fields at once. */
export function updatePledge(
  doc: Y.Doc, boardId: string, id: string, changes: Partial<PledgeFields>, origin: unknown,
): Result<void, ResourceError> {
  const checked = checkPledge(doc, boardId, changes);
  if (!checked.ok) return checked;
  const map = entryOf(pledgesOf(doc, boardId), boardId, id, 'no-pledge');
  if (!map.ok) return map;
  if (!sourced({ ...toPledge(map.value), ...checked.value })) return err('no-partner');
  doc.transact(() => updateEntry(map.value, checked.value as EntryValues), origin);
  return ok(undefined);
}

export function deletePledge(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, ResourceError> {
  const map = entryOf(pledgesOf(doc, boardId), boardId, id, 'no-pledge');
  if (!map.ok) return map;
  doc.transact(() => pledgesOf(doc, boardId)!.delete(id), origin);
  return ok(undefined);
}

export const partnerKeyOf = (p: Pick<PledgeFields, 'partner' | 'outside'>): string =>
  p.partner ? `group:${p.partner}` : `outside:${fold(p.outside)}`;

/** Every partner group of the workshop (pledging or not: a column of empty cells is a question
 *  for the room), then each outside source that pledged, in the order of its first pledge. */
export function listPartners(doc: Y.Doc, boardId: string): Partner[] {
  const groups = listGroups(doc).map((g) => ({ key: `group:${g.id}`, inside: true, name: g.name, color: g.color }));
  const pledges = listPledges(doc, boardId);
  const outside = new Map<string, Partner>();
  for (const p of pledges) {
    const key = partnerKeyOf(p);
    if (!p.partner && !outside.has(key)) outside.set(key, { key, inside: false, name: p.outside, color: '' });
  }
  // A pledge by a group this device has not heard of yet still gets a column.
  const known = new Set(groups.map((g) => g.key));
  const unknown = pledges.filter((p) => p.partner && !known.has(partnerKeyOf(p)))
    .map((p) => ({ key: partnerKeyOf(p), inside: true, name: '', color: '' }));
  return [...groups, ...new Map(unknown.map((u) => [u.key, u])).values(), ...outside.values()];
}

/** An amount in one unit. */
export interface UnitTotal {
  unit: string;
  amount: number;
}

/** What a need has against it. */
export interface NeedGap {
  need: Need;
  /** Its pledges, inside the partnership first. */
  pledges: Pledge[];
  /** The sum of the pledged amounts in the need's unit. */
  pledged: number;
  /** What is still missing in the need's unit (never below zero); null when the need has no amount. */
  gap: number | null;
  /** 'open': nothing pledged; 'partly': pledged, short of the amount; 'covered': the amount is
   *  reached; 'pledged': pledges against a need without an amount. */
  status: 'open' | 'partly' | 'covered' | 'pledged';
  /** Pledged amounts in other units than the need's, which the gap cannot count. */
  otherUnits: UnitTotal[];
}

function addTo(totals: UnitTotal[], unit: string, amount: number): void {
  const found = totals.find((t) => sameUnit(t.unit, unit));
  if (found) found.amount += amount;
  else totals.push({ unit, amount });
}

function gapOf(need: Need, pledges: readonly Pledge[]): NeedGap {
  const mine = pledges.filter((p) => p.need === need.id);
  let pledged = 0;
  const otherUnits: UnitTotal[] = [];
  for (const p of mine) {
    if (p.amount === null) continue;
    if (sameUnit(p.unit, need.unit)) pledged += p.amount;
    else addTo(otherUnits, p.unit, p.amount);
  }
  const gap = need.amount === null ? null : Math.max(0, need.amount - pledged);
  const status = mine.length === 0 ? 'open' : gap === null ? 'pledged' : gap === 0 ? 'covered' : 'partly';
  return { need, pledges: mine, pledged, gap, status, otherUnits };
}

/** Every need with its pledges and what is still missing. */
export function needGaps(doc: Y.Doc, boardId: string): NeedGap[] {
  const pledges = listPledges(doc, boardId);
  return listNeeds(doc, boardId).map((n) => gapOf(n, pledges));
}

export interface CategoryGap {
  category: Category;
  needs: number;
  /** Needs with nothing pledged yet. */
  open: number;
  /** Needed, pledged and missing per unit, over the category's quantified needs. */
  totals: { unit: string; needed: number; pledged: number; gap: number }[];
}

/** Needed against pledged per category, for the categories that have needs. A category this
 *  device does not know yet (a board's own, still on its way) is listed with an empty name. */
export function gapsByCategory(doc: Y.Doc, boardId: string): CategoryGap[] {
  const gaps = needGaps(doc, boardId);
  const categories = listCategories(doc, boardId);
  const known = new Set(categories.map((c) => c.id));
  const strays = [...new Set(gaps.map((g) => g.need.category).filter((c) => !known.has(c)))]
    .map((id) => ({ id, builtIn: false, name: '' }));
  return [...categories, ...strays].flatMap((category) => {
    const mine = gaps.filter((g) => g.need.category === category.id);
    if (mine.length === 0) return [];
    const totals: CategoryGap['totals'] = [];
    for (const g of mine) {
      if (g.need.amount === null) continue;
      const found = totals.find((t) => sameUnit(t.unit, g.need.unit));
      if (found) Object.assign(found, { needed: found.needed + g.need.amount, pledged: found.pledged + g.pledged, gap: found.gap + g.gap! });
      else totals.push({ unit: g.need.unit, needed: g.need.amount, pledged: g.pledged, gap: g.gap! });
    }
    return [{ category, needs: mine.length, open: mine.filter((g) => g.status === 'open').length, totals }];
  });
}

export interface PartnerCommitments {
  partner: Partner;
  pledges: Pledge[];
  /** Amounts pledged in cash and in kind, per unit. */
  cash: UnitTotal[];
  inKind: UnitTotal[];
  /** How many needs it pledges against. */
  needs: number;
}

/** What each partner has pledged (inside the partnership first, then outside sources). */
export function commitmentsByPartner(doc: Y.Doc, boardId: string): PartnerCommitments[] {
  const pledges = listPledges(doc, boardId);
  return listPartners(doc, boardId).map((partner) => {
    const mine = pledges.filter((p) => partnerKeyOf(p) === partner.key);
    const cash: UnitTotal[] = [];
    const inKind: UnitTotal[] = [];
    for (const p of mine) if (p.amount !== null) addTo(p.form === 'cash' ? cash : inKind, p.unit, p.amount);
    return { partner, pledges: mine, cash, inKind, needs: new Set(mine.map((p) => p.need)).size };
  });
}

/** The needs × partners grid: `cells[row][column]` holds the pledges of `partners[column]`
 *  against `needs[row]`. What the summary and the agreement print. */
export interface CommitmentGrid {
  needs: NeedGap[];
  partners: Partner[];
  cells: Pledge[][][];
}

export function commitmentGrid(doc: Y.Doc, boardId: string): CommitmentGrid {
  const needs = needGaps(doc, boardId);
  const partners = listPartners(doc, boardId);
  const cells = needs.map((g) => partners.map((partner) => g.pledges.filter((p) => partnerKeyOf(p) === partner.key)));
  return { needs, partners, cells };
}
