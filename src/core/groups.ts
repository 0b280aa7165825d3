import * as Y from 'yjs';
import { newId } from './ids';
import { err, ok, type Result } from './result';
import { groupsOf } from './schema';
import { checkText, cleanText, type TextError } from './text';

export interface Group {
  id: string;
  name: string;
  color: string;
}

/** Distinct on projectors and for colour-blind viewers (Okabe-Ito), readable with dark text. */
export const GROUP_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

export type GroupError = TextError | 'duplicate' | 'no-group' | 'bad-color';

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
const isColor = (c: string) => /^#[0-9a-f]{6}$/i.test(c);

export function listGroups(doc: Y.Doc): Group[] {
  return [...groupsOf(doc).values()]
    .map((m) => m.toJSON() as Group)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function findGroupByName(doc: Y.Doc, name: string): Group | undefined {
  return listGroups(doc).find((g) => sameName(g.name, name));
}

export function addGroup(doc: Y.Doc, rawName: string, origin: unknown, color?: string): Result<string, GroupError> {
  const name = checkText(rawName, 'groupName');
  if (!name.ok) return name;
  if (findGroupByName(doc, name.value)) return err('duplicate', name.value);
  if (color !== undefined && !isColor(color)) return err('bad-color', color);
  const groups = groupsOf(doc);
  const id = newId();
  doc.transact(() => {
    const group = new Y.Map<unknown>();
    group.set('id', id);
    group.set('name', name.value);
    group.set('color', color ?? GROUP_COLORS[groups.size % GROUP_COLORS.length]!);
    groups.set(id, group);
  }, origin);
  return ok(id);
}

/** The group a participant says they belong to, created on first use, so a phone joining with
 *  "Government" lands in the facilitator's "government" group rather than a twin. */
export function ensureGroup(doc: Y.Doc, rawName: string, origin: unknown): Result<string, GroupError> {
  const existing = findGroupByName(doc, cleanText(rawName));
  return existing ? ok(existing.id) : addGroup(doc, rawName, origin);
}

export function updateGroup(
  doc: Y.Doc, id: string, changes: { name?: string; color?: string }, origin: unknown,
): Result<void, GroupError> {
  const group = groupsOf(doc).get(id);
  if (!group) return err('no-group', id);
  let name: string | undefined;
  if (changes.name !== undefined) {
    const checked = checkText(changes.name, 'groupName');
    if (!checked.ok) return checked;
    const other = findGroupByName(doc, checked.value);
    if (other && other.id !== id) return err('duplicate', checked.value);
    name = checked.value;
  }
  if (changes.color !== undefined && !isColor(changes.color)) return err('bad-color', changes.color);
  doc.transact(() => {
    if (name !== undefined) group.set('name', name);
    if (changes.color !== undefined) group.set('color', changes.color);
  }, origin);
  return ok(undefined);
}

/** Items keep the id of a deleted group; views show them as "no group". */
export function deleteGroup(doc: Y.Doc, id: string, origin: unknown): Result<void, 'no-group'> {
  const groups = groupsOf(doc);
  if (!groups.has(id)) return err('no-group', id);
  doc.transact(() => groups.delete(id), origin);
  return ok(undefined);
}
