import type * as Y from 'yjs';
import { getBoard } from './boards';
import { listGroups } from './groups';
import { listItems } from './items';
import { listParticipants } from './participants';
import type { Seat } from './tables';

/* What the screens and the summary read of breakouts, without the signing code (kept apart from
 * facilitation/breakouts.ts, as focus-entry.ts is from focus.ts): the records themselves are
 * checked there, and only a facilitator's signed breakout reaches these functions. */

/** One table of a breakout: its copy of the board and who sits there (participant ids). */
export interface BreakoutTable {
  board: string;
  members: string[];
}

/** The room split into tables, each on its own copy of `source`; `running` until the
 *  facilitator brings everyone back. `seq` orders breakouts (and tells a new one from old). */
export interface Breakout {
  id: string;
  source: string;
  tables: BreakoutTable[];
  running: boolean;
  seq: number;
}

/** The kinds of board a table can work on a copy of. */
export const BREAKOUT_KINDS = ['notes', 'swot'] as const;
export const isBreakoutKind = (type: string): boolean => (BREAKOUT_KINDS as readonly string[]).includes(type);

/** The breakout under way, if any: the latest that is running. */
export const runningBreakout = (breakouts: readonly Breakout[]): Breakout | undefined =>
  breakouts.findLast((b) => b.running);

/** Index of `participantId`'s table, or -1. */
export const tableOf = (breakout: Breakout, participantId: string): number =>
  breakout.tables.findIndex((t) => t.members.includes(participantId));

/** The boards a person does not see while breakouts run: the other tables' copies. Facilitators
 *  see every table; someone at no table sees none of them. */
export function hiddenBoards(breakouts: readonly Breakout[], participantId: string, facilitating: boolean): Set<string> {
  const running = runningBreakout(breakouts);
  if (!running || facilitating) return new Set();
  const mine = tableOf(running, participantId);
  return new Set(running.tables.filter((_, i) => i !== mine).map((t) => t.board));
}

/** Which table of which breakout a board is the copy of, for every table board. */
export function tableBoards(breakouts: readonly Breakout[]): Map<string, { breakout: Breakout; index: number }> {
  const map = new Map<string, { breakout: Breakout; index: number }>();
  for (const breakout of breakouts) breakout.tables.forEach((t, index) => map.set(t.board, { breakout, index }));
  return map;
}

export interface TableResult {
  /** 1-based, as the room calls it. */
  number: number;
  boardId: string;
  title: string;
  /** Names of the people at the table, in name order. */
  members: string[];
  /** The table's notes in board order; `lane` is a SWOT quadrant ('' on a notes board). */
  notes: { id: string; text: string; lane: string }[];
}

/** What each table wrote, for the plenary: the text of the notes only, never their authors. */
export function tableResults(doc: Y.Doc, breakout: Breakout): TableResult[] {
  const names = new Map(listParticipants(doc).map((p) => [p.id, p.name]));
  return breakout.tables.map((table, i) => ({
    number: i + 1,
    boardId: table.board,
    title: getBoard(doc, table.board)?.title ?? '',
    members: table.members.map((m) => names.get(m) ?? '').filter(Boolean).sort((a, b) => a.localeCompare(b)),
    notes: listItems(doc, table.board).map((n) => ({ id: n.id, text: n.text, lane: n.lane })),
  }));
}

/** Everyone who can be seated (the workshop's participants but `exclude`, the facilitators),
 *  with their group's name, as `participation` counts them. */
export function roomSeats(doc: Y.Doc, exclude: ReadonlySet<string>): (Seat & { name: string })[] {
  const groupNames = new Map(listGroups(doc).map((g) => [g.id, g.name]));
  return listParticipants(doc).filter((p) => !exclude.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, group: groupNames.get(p.group) ?? '' }));
}
