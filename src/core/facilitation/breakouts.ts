import type * as Y from 'yjs';
import { createBoard, getBoard } from '../boards';
import { isBreakoutKind, runningBreakout, type Breakout, type BreakoutTable } from '../breakout';
import { newId } from '../ids';
import { err, ok, type Result } from '../result';
import { boardMapOf } from '../schema';
import { checkText, type TextError } from '../text';
import { MAX_TABLES, MIN_TABLES } from '../tables';
import { signChanges, winners, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';
import { followChange } from './follow';
import { MAX_TIMER_MS, timerChange } from './timer';

/* Breakouts are signed records like the lock: a participant's modified client cannot seat
 * anyone elsewhere, end the breakouts or start its own. One record per breakout (target: its
 * id): { source, tables: [{ board, members }], running }. Each table's timer is a timer record
 * whose target is its board. */

export type BreakoutError = ControlError | TextError | 'no-board' | 'bad-type' | 'bad-tables' | 'running' | 'no-breakout' | 'bad-duration';

/** Far above any room: keeps a record from a modified client from growing without bound. */
const MAX_MEMBERS = 500;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;

function parseTable(value: Json): BreakoutTable | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { board, members } = value;
  if (!isId(board) || !Array.isArray(members) || members.length > MAX_MEMBERS || !members.every(isId)) return undefined;
  return { board, members: members as string[] };
}

function parseBreakout(value: Json): Omit<Breakout, 'id' | 'seq'> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { source, tables, running } = value;
  if (!isId(source) || typeof running !== 'boolean' || !Array.isArray(tables)) return undefined;
  if (tables.length < MIN_TABLES || tables.length > MAX_TABLES) return undefined;
  const parsed = tables.map(parseTable);
  return parsed.every((t) => t !== undefined) ? { source, tables: parsed as BreakoutTable[], running } : undefined;
}

/** Every breakout a facilitator signed, oldest first. */
export function listBreakouts(doc: Y.Doc, root: string): Breakout[] {
  return [...winners(doc, root, 'breakout', parseBreakout)]
    .map(([id, { value, record }]) => ({ id, ...value, seq: record.seq }))
    .sort((a, b) => a.seq - b.seq);
}

const breakoutChange = (id: string, breakout: Omit<Breakout, 'id' | 'seq'>): Change =>
  ({ kind: 'breakout', target: id, value: { source: breakout.source, tables: breakout.tables.map((t) => ({ board: t.board, members: t.members })), running: breakout.running } });

export interface BreakoutPlan {
  source: string;
  /** Participant ids per table. */
  tables: readonly (readonly string[])[];
  /** The title of each table's copy ("SWOT · Table 1"), in the interface's language. */
  titles: readonly string[];
  /** Each table's timer; 0 for none. */
  minutes: number;
}

/** Copies `source` (its kind and question) once per table, seats everyone, and starts each
 *  table's timer, in one transaction: every device sees the tables and their boards together. */
export function startBreakouts(doc: Y.Doc, signer: Signer, plan: BreakoutPlan, now: number, origin: unknown): Result<string, BreakoutError> {
  const source = getBoard(doc, plan.source);
  if (!source) return err('no-board', plan.source);
  if (source.unknownType !== undefined || !isBreakoutKind(source.type)) return err('bad-type', source.type);
  const count = plan.tables.length;
  if (count < MIN_TABLES || count > MAX_TABLES || plan.titles.length !== count) return err('bad-tables', String(count));
  const seated = plan.tables.flat();
  if (new Set(seated).size !== seated.length || seated.length > MAX_MEMBERS) return err('bad-tables', 'seated twice');
  const ms = plan.minutes * 60_000;
  if (!Number.isInteger(plan.minutes) || ms < 0 || ms > MAX_TIMER_MS) return err('bad-duration', String(plan.minutes));
  if (runningBreakout(listBreakouts(doc, signer.root))) return err('running');
  for (const title of plan.titles) {
    const checked = checkText(title, 'title');
    if (!checked.ok) return checked;
  }
  // Checked before any copy is made, so a refusal leaves no boards behind.
  const allowed = signChanges(doc, signer, []);
  if (!allowed.ok) return allowed;
  const id = newId();
  doc.transact(() => {
    const tables = plan.titles.map((title, i) => {
      const board = unwrapCopy(createBoard(doc, { type: source.type, title, prompt: source.prompt }, origin));
      boardMapOf(doc, board).set('table', { breakout: id, number: i + 1 });
      return { board, members: [...plan.tables[i]!] };
    });
    const changes = [breakoutChange(id, { source: plan.source, tables, running: true }),
      ...(ms > 0 ? tables.map((t) => timerChange(ms, true, now, t.board)) : [])];
    writeChanges(doc, signer, changes, origin);
  }, origin);
  return ok(id);
}

/** Titles, kind and question were checked above: a copy cannot be refused here. */
function unwrapCopy(made: Result<string>): string {
  if (!made.ok) throw new Error(`board copy refused: ${made.error}`);
  return made.value;
}

/** "Bring everyone back": ends the breakout and brings every device to the source board, where
 *  the tables' results show side by side. */
export function endBreakouts(doc: Y.Doc, signer: Signer, id: string, origin: unknown): Result<void, BreakoutError> {
  const breakout = listBreakouts(doc, signer.root).find((b) => b.id === id);
  if (!breakout?.running) return err('no-breakout', id);
  const changes = [breakoutChange(id, { ...breakout, running: false }), ...(getBoard(doc, breakout.source) ? [followChange(breakout.source)] : [])];
  return writeChanges(doc, signer, changes, origin);
}
