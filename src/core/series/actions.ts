import * as Y from 'yjs';
import { isCalendarDate } from '../meta';
import { err, ok, type Result } from '../result';
import { checkText, cleanText, type TextError } from '../text';
import { actionsOf, newEntry, num, readSource, str, type SourceRef } from './doc';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OWNER_KINDS = ['group', 'stakeholder', 'person'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Who answers for an action: a partner group (known across meetings by its name), an
 *  organisation on a stakeholder map, or a person (a participant id). `label` is what to show. */
export interface Owner {
  kind: OwnerKind;
  key: string;
  label: string;
}

/** One status an action was given, in which meeting, by whom. */
export interface StatusChange {
  id: string;
  status: ActionStatus;
  at: number;
  meeting: string;
  by: string;
}

export interface Action {
  id: string;
  text: string;
  owner: Owner | null;
  due: string;
  status: ActionStatus;
  source: SourceRef | null;
  /** The meeting it was made in. */
  meeting: string;
  createdAt: number;
  createdBy: string;
  history: StatusChange[];
}

export type ActionError = TextError | 'bad-date' | 'bad-status' | 'bad-owner' | 'no-action';

/** Who writes and from which meeting: recorded with every status change. */
export interface ActionContext {
  meeting: string;
  by: string;
}

export interface ActionChanges {
  text?: string;
  owner?: Owner | null;
  due?: string;
  status?: ActionStatus;
}

const isStatus = (s: unknown): s is ActionStatus => ACTION_STATUSES.includes(s as ActionStatus);

/** A group owner is known by its name in any letter case: each meeting's document gives the
 *  same group another id. */
export const groupKey = (name: string): string => cleanText(name).toLocaleLowerCase();

function checkOwner(owner: Owner | null): Result<Owner | null, ActionError> {
  if (owner === null) return ok(null);
  if (!OWNER_KINDS.includes(owner.kind) || typeof owner.key !== 'string' || !owner.key || owner.key.length > 200) return err('bad-owner');
  const label = checkText(owner.label, 'stakeholderName');
  if (!label.ok) return err('bad-owner', label.error);
  return ok({ kind: owner.kind, key: owner.kind === 'group' ? groupKey(owner.key) : owner.key, label: label.value });
}

/** Checks every change first: nothing is written when one is invalid. */
function checkChanges(changes: ActionChanges): Result<ActionChanges, ActionError> {
  const clean: ActionChanges = {};
  if (changes.text !== undefined) {
    const text = checkText(changes.text, 'note', { multiline: true });
    if (!text.ok) return text;
    clean.text = text.value;
  }
  if (changes.owner !== undefined) {
    const owner = checkOwner(changes.owner);
    if (!owner.ok) return owner;
    clean.owner = owner.value;
  }
  if (changes.due !== undefined) {
    const due = changes.due.trim();
    if (due !== '' && !isCalendarDate(due)) return err('bad-date', due);
    clean.due = due;
  }
  if (changes.status !== undefined) {
    if (!isStatus(changes.status)) return err('bad-status', String(changes.status));
    clean.status = changes.status;
  }
  return ok(clean);
}

function recordStatus(action: Y.Map<unknown>, status: ActionStatus, ctx: ActionContext): void {
  let history = action.get('history');
  if (!(history instanceof Y.Map)) {
    history = new Y.Map<unknown>();
    action.set('history', history);
  }
  const { id, map } = newEntry({ status, at: Date.now(), meeting: ctx.meeting, by: ctx.by });
  (history as Y.Map<unknown>).set(id, map);
}

export function addAction(
  doc: Y.Doc, fields: { text: string; owner?: Owner | null; due?: string; source?: SourceRef | null }, ctx: ActionContext, origin: unknown,
): Result<string, ActionError> {
  const checked = checkChanges({ text: fields.text, owner: fields.owner ?? null, due: fields.due ?? '', status: 'open' });
  if (!checked.ok) return checked;
  const c = checked.value;
  const { id, map } = newEntry({
    text: c.text, owner: c.owner, due: c.due, status: 'open', source: fields.source ?? null,
    meeting: ctx.meeting, createdAt: Date.now(), createdBy: ctx.by,
  });
  doc.transact(() => {
    actionsOf(doc).set(id, map);
    recordStatus(map, 'open', ctx);
  }, origin);
  return ok(id);
}

/** Changes some fields of an action. Each field is its own entry in the action's map, so two
 *  devices changing different fields at once both keep theirs; a status change is also added to
 *  the action's history, which only grows, so concurrent changes all stay on record. */
export function updateAction(
  doc: Y.Doc, id: string, changes: ActionChanges, ctx: ActionContext, origin: unknown,
): Result<void, ActionError> {
  const action = actionsOf(doc).get(id);
  if (!(action instanceof Y.Map)) return err('no-action', id);
  const checked = checkChanges(changes);
  if (!checked.ok) return checked;
  doc.transact(() => {
    for (const [key, value] of Object.entries(checked.value)) {
      if (JSON.stringify(action.get(key)) === JSON.stringify(value)) continue;
      action.set(key, value);
      if (key === 'status') recordStatus(action, value as ActionStatus, ctx);
    }
  }, origin);
  return ok(undefined);
}

function readOwner(v: unknown): Owner | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return OWNER_KINDS.includes(o.kind as OwnerKind) && str(o.key) ? { kind: o.kind as OwnerKind, key: str(o.key), label: str(o.label) } : null;
}

function readHistory(v: unknown): StatusChange[] {
  if (!(v instanceof Y.Map)) return [];
  return [...(v as Y.Map<Y.Map<unknown>>).values()]
    .filter((m) => m instanceof Y.Map && isStatus(m.get('status')))
    .map((m) => ({ id: str(m.get('id')), status: m.get('status') as ActionStatus, at: num(m.get('at')), meeting: str(m.get('meeting')), by: str(m.get('by')) }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export function readAction(m: Y.Map<unknown>): Action {
  const status = m.get('status');
  return {
    id: str(m.get('id')),
    text: str(m.get('text')),
    owner: readOwner(m.get('owner')),
    due: str(m.get('due')),
    status: isStatus(status) ? status : 'open',
    source: readSource(m.get('source')),
    meeting: str(m.get('meeting')),
    createdAt: num(m.get('createdAt')),
    createdBy: str(m.get('createdBy')),
    history: readHistory(m.get('history')),
  };
}

/** Every action, oldest first (ties by id, so every device lists them alike). */
export function listActions(doc: Y.Doc): Action[] {
  return [...actionsOf(doc).values()]
    .filter((m) => m instanceof Y.Map && str(m.get('id')))
    .map(readAction)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export const isOpen = (a: Action): boolean => a.status === 'open' || a.status === 'in-progress';

export type ActionFilter = { kind: 'all' } | { kind: 'mine'; participantId: string } | { kind: 'group'; group: string };

export function filterActions(actions: Action[], filter: ActionFilter): Action[] {
  switch (filter.kind) {
    case 'all': return actions;
    case 'mine': return actions.filter((a) => a.owner?.kind === 'person' && a.owner.key === filter.participantId);
    case 'group': return actions.filter((a) => a.owner?.kind === 'group' && a.owner.key === groupKey(filter.group));
  }
}

/** Actions grouped by owner label (no owner last), each group oldest first. */
export function byOwner(actions: Action[]): { owner: Owner | null; actions: Action[] }[] {
  const groups = new Map<string, { owner: Owner | null; actions: Action[] }>();
  for (const a of actions) {
    const key = a.owner ? `${a.owner.kind}:${a.owner.key}` : '';
    const group = groups.get(key) ?? { owner: a.owner, actions: [] };
    group.actions.push(a);
    groups.set(key, group);
  }
  return [...groups.values()].sort((x, y) =>
    (x.owner ? 0 : 1) - (y.owner ? 0 : 1) || (x.owner?.label ?? '').localeCompare(y.owner?.label ?? ''));
}
