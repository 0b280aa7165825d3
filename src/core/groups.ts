import * as Y from 'yjs';
import { newId } from './ids';
import { GROUP_COLORS } from './palette';
import { err, ok, type Result } from './result';
import { groupsOf } from './schema';
import { checkText, cleanText, type TextError } from './text';

export interface Group {
  id: string;
  name: string;
  color: string;
}

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

/** The stakeholder groups the join screen suggests, the usual sides of a partnership. */
export const SUGGESTED_GROUPS = ['Government', 'Development Partners', 'Civil society', 'Business', 'Academia', 'Community'] as const;

/** A palette colour no known group has, looked for from a place the name decides: devices that
 *  each create a group offline know of none of the others', so counting groups would give them
 *  all the first colour. A suggested group starts at its own colour, so those never clash; other
 *  names start where a hash puts them, which mostly differs. */
function freeColor(doc: Y.Doc, name: string): string {
  const used = new Set(listGroups(doc).map((g) => g.color.toUpperCase()));
  const suggested = SUGGESTED_GROUPS.findIndex((g) => sameName(g, name));
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const start = suggested >= 0 ? suggested : hash % GROUP_COLORS.length;
  const order = GROUP_COLORS.map((_, i) => GROUP_COLORS[(start + i) % GROUP_COLORS.length]!);
  return order.find((c) => !used.has(c)) ?? order[0]!;
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
    group.set('color', color ?? freeColor(doc, name.value));
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
