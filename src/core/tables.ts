/* Splitting the room into tables for breakouts (seed 003 L76: "different group permutations").
 * Pure: people in, tables of participant ids out; the facilitator's device signs the result. */

/** Someone to seat: a participant and the name of their group ('' for none). Names, not ids:
 *  two devices that made a group of one name offline made two ids. */
export interface Seat {
  id: string;
  group: string;
}

export type TableMode = 'group' | 'mixed' | 'random' | 'hand';
export const TABLE_MODES: readonly TableMode[] = ['group', 'mixed', 'random', 'hand'];

export const MIN_TABLES = 2;
export const MAX_TABLES = 8;

export const clampTables = (count: number): number =>
  Math.min(MAX_TABLES, Math.max(MIN_TABLES, Number.isInteger(count) ? count : MIN_TABLES));

const byGroupThenId = (a: Seat, b: Seat) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id);

/** Deals `seats` in order to the tables in turn: sizes differ by at most one. */
function deal(seats: readonly Seat[], count: number): string[][] {
  const tables: string[][] = Array.from({ length: count }, () => []);
  seats.forEach((seat, i) => tables[i % count]!.push(seat.id));
  return tables;
}

/** One table per group, groups in name order; past `MAX_TABLES` groups, the smallest tables
 *  take the rest. Always at least `MIN_TABLES` tables (some may be empty). */
export function tablesByGroup(seats: readonly Seat[]): string[][] {
  const groups = [...new Set([...seats].sort(byGroupThenId).map((s) => s.group))];
  const tables: string[][] = Array.from({ length: clampTables(groups.length) }, () => []);
  for (const [i, group] of groups.entries()) {
    const members = seats.filter((s) => s.group === group).sort(byGroupThenId).map((s) => s.id);
    const table = i < tables.length ? tables[i]! : tables.reduce((a, b) => (b.length < a.length ? b : a));
    table.push(...members);
  }
  return tables;
}

/** Each table gets as many groups as the room allows: people dealt in turn, sorted by group,
 *  so a group of k lands on min(k, count) different tables, and sizes differ by at most one. */
export const tablesMixed = (seats: readonly Seat[], count: number): string[][] =>
  deal([...seats].sort(byGroupThenId), clampTables(count));

/** mulberry32: a small seeded generator, so the same seed deals the same tables on a retry. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates shuffle, then dealt: sizes differ by at most one. */
export function tablesRandom(seats: readonly Seat[], count: number, seed: number): string[][] {
  const next = generator(seed);
  const shuffled = [...seats].sort(byGroupThenId);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return deal(shuffled, clampTables(count));
}

/** The tables with `id` moved to table `to` (by hand). */
export function seatAt(tables: readonly (readonly string[])[], id: string, to: number): string[][] {
  return tables.map((members, i) => [...members.filter((m) => m !== id), ...(i === to ? [id] : [])]);
}

/** The tables a mode deals; by hand starts from the mixed split, for the facilitator to change. */
export function tablesFor(mode: TableMode, seats: readonly Seat[], count: number, seed: number): string[][] {
  if (mode === 'group') return tablesByGroup(seats);
  if (mode === 'random') return tablesRandom(seats, count, seed);
  return tablesMixed(seats, count);
}
