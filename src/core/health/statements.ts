import type * as Y from 'yjs';
import { newEntry, textOf, updateEntry } from '../entries';
import { newId } from '../ids';
import { byOrder, keysAfter } from '../order';
import { err, ok, type Result } from '../result';
import { removeEntry } from '../remove-entry';
import { boardPartOf } from '../schema';
import { checkText, type TextError } from '../text';

/* A partnership health check: statements about the partnership, grouped by aspect, that each
 * participant rates from 1 to 5 (or Don't know). The aspects and built-in statements come from
 * the seeds' reviews of a partnership: Figure 1 of seed 000 (L237-300: project impacts,
 * relationships and functioning, the value of partnering against its costs), the standards
 * areas of seed 001 (L37, L53-63), the traits of effective partnerships of seed 003 (L13-17)
 * and the principles of seeds 000 and 002. The statements' words are the app's own, in the
 * i18n catalogue (`health.statement.<key>`); a facilitator adds a set in their language, and
 * may edit any statement or add their own. */

export const HEALTH_ASPECTS = [
  'impact', 'relationship', 'value', 'process', 'setup', 'governance', 'commitment', 'monitoring', 'traits', 'principles',
] as const;
export type HealthAspect = (typeof HEALTH_ASPECTS)[number];
export const isAspect = (v: unknown): v is HealthAspect => (HEALTH_ASPECTS as readonly unknown[]).includes(v);

/** Each built-in set: its statements' keys (`<set>.<name>`) with their aspect. */
export const HEALTH_SETS = {
  review: [
    ['impact', 'delivery'], ['impact', 'outcomes'], ['impact', 'tracking'],
    ['relationship', 'decisions'], ['relationship', 'roles'], ['relationship', 'communication'],
    ['relationship', 'working'], ['relationship', 'money'],
    ['value', 'worth'], ['value', 'gains'], ['value', 'society'], ['value', 'approach'],
  ],
  standards: [
    ['process', 'phases'], ['setup', 'agreement'], ['governance', 'rules'], ['governance', 'operations'],
    ['commitment', 'relationship'], ['commitment', 'resources'], ['monitoring', 'measured'], ['monitoring', 'improve'],
  ],
  traits: [['traits', 'shared'], ['traits', 'cocreated'], ['traits', 'inclusive'], ['traits', 'engagement'], ['traits', 'reviewed']],
  principles: [
    ['principles', 'equity'], ['principles', 'transparency'], ['principles', 'benefit'],
    ['principles', 'responsibility'], ['principles', 'complementarity'],
  ],
} as const satisfies Record<string, readonly (readonly [HealthAspect, string])[]>;
export type HealthSet = keyof typeof HEALTH_SETS;
export const HEALTH_SET_NAMES = Object.keys(HEALTH_SETS) as HealthSet[];

/** The statements of a set: key and aspect, the words to be looked up by key. */
export const setStatements = (set: HealthSet): { key: string; aspect: HealthAspect }[] =>
  HEALTH_SETS[set].map(([aspect, name]) => ({ key: `${set}.${name}`, aspect }));

export interface Statement {
  id: string;
  /** The built-in statement it came from ('' for the facilitator's own): runs in later
   *  meetings are compared by it, whatever the words. */
  key: string;
  aspect: HealthAspect;
  text: string;
  order: string;
}

export type StatementError = TextError | 'no-board' | 'no-statement' | 'bad-aspect';

const statementsOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'statements');
export const checkStatement = (raw: string) => checkText(raw, 'note');

/** The statements in the order they were added, grouped by aspect in `HEALTH_ASPECTS` order. */
export function listStatements(doc: Y.Doc, boardId: string): Statement[] {
  const rank = (s: Statement) => HEALTH_ASPECTS.indexOf(s.aspect);
  return [...(statementsOf(doc, boardId)?.values() ?? [])]
    .map((m) => ({ id: textOf(m, 'id'), key: textOf(m, 'key'), aspect: textOf(m, 'aspect'), text: textOf(m, 'text'), order: textOf(m, 'order') }))
    .filter((s): s is Statement => s.id !== '' && isAspect(s.aspect) && s.text !== '')
    .sort((a, b) => rank(a) - rank(b) || byOrder(a, b));
}

/** Adds statements in one transaction; a built-in one already on the board is left out, so
 *  adding a set twice adds nothing. Returns how many were added. */
export function addStatements(
  doc: Y.Doc, boardId: string, entries: readonly { key?: string; aspect: string; text: string }[], origin: unknown,
): Result<number, StatementError> {
  const part = statementsOf(doc, boardId);
  if (!part) return err('no-board', boardId);
  const existing = listStatements(doc, boardId);
  const present = new Set(existing.map((s) => s.key).filter(Boolean));
  const fresh: { key: string; aspect: HealthAspect; text: string }[] = [];
  for (const entry of entries) {
    if (!isAspect(entry.aspect)) return err('bad-aspect', entry.aspect);
    const text = checkStatement(entry.text);
    if (!text.ok) return text;
    const key = entry.key ?? '';
    if (key && present.has(key)) continue;
    present.add(key);
    fresh.push({ key, aspect: entry.aspect, text: text.value });
  }
  if (fresh.length === 0) return ok(0);
  const orders = keysAfter(existing, fresh.length);
  doc.transact(() => {
    fresh.forEach((s, i) => {
      const id = newId();
      part.set(id, newEntry({ id, ...s, order: orders[i]! }, []));
    });
  }, origin);
  return ok(fresh.length);
}

/** A facilitator's change of a statement's words or aspect. Answers stay with the statement. */
export function updateStatement(
  doc: Y.Doc, boardId: string, id: string, changes: { text?: string; aspect?: string }, origin: unknown,
): Result<void, StatementError> {
  const entry = statementsOf(doc, boardId)?.get(id);
  if (!entry) return err(statementsOf(doc, boardId) ? 'no-statement' : 'no-board', id);
  const values: Record<string, string> = {};
  if (changes.aspect !== undefined) {
    if (!isAspect(changes.aspect)) return err('bad-aspect', changes.aspect);
    values.aspect = changes.aspect;
  }
  if (changes.text !== undefined) {
    const text = checkStatement(changes.text);
    if (!text.ok) return text;
    values.text = text.value;
  }
  doc.transact(() => updateEntry(entry, values), origin);
  return ok(undefined);
}

export function removeStatement(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, StatementError> {
  return removeEntry(doc, statementsOf(doc, boardId), { boardId, id }, 'no-statement', origin);
}
