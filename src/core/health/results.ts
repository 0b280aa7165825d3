import { spreadOf } from '../estimates';
import type { Sheet } from './sheets';
import { HEALTH_ASPECTS, type HealthAspect, type Statement } from './statements';

/* A health check's results, from the opened sheets: per statement and per aspect the mean,
 * spread, number of answers and distribution, overall and per partner group. A cell with fewer
 * than three answers gives no number at all (too few to keep anyone's answer to themselves), and
 * the results are plain data with group names, no sheet ids or owners: what the facilitator's
 * screen shows, what the facilitator shares with the room and what the summary prints. */

/** Below this many answers (ratings of 1 to 5) a cell shows no figure. */
export const MIN_ANSWERS = 3;
/** Two groups' means this far apart (a whole step of the scale) are called different. */
export const DIFFER_BY = 1;
/** Where to improve lists statements below this mean, weakest first, at most `IMPROVE_COUNT`. */
export const IMPROVE_BELOW = 3.5;
export const IMPROVE_COUNT = 5;

export interface Cell {
  /** Ratings of 1 to 5. */
  count: number;
  dontKnow: number;
  /** Null while `count` is under `MIN_ANSWERS`, as are `spread` and `distribution`. */
  mean: number | null;
  /** Population standard deviation of the ratings. */
  spread: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: number[] | null;
}

export interface GroupRef {
  name: string;
  color: string;
}

export interface StatementResult {
  id: string;
  key: string;
  text: string;
  aspect: HealthAspect;
  all: Cell;
  /** One cell per group of `HealthResults.groups`, in that order. */
  groups: Cell[];
  differ: boolean;
  /** Without names, in alphabetical order (not the order written); none while `all` is too few. */
  comments: string[];
}

export interface AspectResult {
  aspect: HealthAspect;
  all: Cell;
  groups: Cell[];
}

export interface HealthResults {
  /** Sheets with at least one answer. */
  answered: number;
  groups: GroupRef[];
  statements: StatementResult[];
  aspects: AspectResult[];
  /** Ids of the weakest statements, weakest first. */
  improve: string[];
}

/** A cell over some sheets' ratings; `people` counts the sheets that rated, for the rule. */
function cellOf(ratings: readonly number[], dontKnow: number, people = ratings.length): Cell {
  if (people < MIN_ANSWERS) return { count: ratings.length, dontKnow, mean: null, spread: null, distribution: null };
  const { mean, sd } = spreadOf(ratings);
  const distribution = [1, 2, 3, 4, 5].map((r) => ratings.filter((v) => v === r).length);
  return { count: ratings.length, dontKnow, mean, spread: sd, distribution };
}

function answersTo(statementId: string, sheets: readonly Sheet[]) {
  const given = sheets.flatMap((s) => (s.answers[statementId] ? [s.answers[statementId]] : []));
  return { ratings: given.filter((a) => a.rating > 0).map((a) => a.rating), dontKnow: given.filter((a) => a.rating === 0).length, given };
}

/** Groups differ where two of them, each with enough answers, are a whole step apart. */
function differs(cells: readonly Cell[]): boolean {
  const means = cells.flatMap((c) => (c.mean === null ? [] : [c.mean]));
  return means.length >= 2 && Math.max(...means) - Math.min(...means) >= DIFFER_BY - 1e-9;
}

/** Pools every rating given in an aspect; the rule counts the people who rated in it. */
function aspectCell(ids: ReadonlySet<string>, sheets: readonly Sheet[]): Cell {
  const per = sheets.map((s) => Object.entries(s.answers).filter(([id]) => ids.has(id)).map(([, a]) => a.rating));
  const ratings = per.flatMap((r) => r.filter((v) => v > 0));
  return cellOf(ratings, per.flat().filter((v) => v === 0).length, per.filter((r) => r.some((v) => v > 0)).length);
}

/** The results of `sheets` for `statements`; `groups` are the workshop's partner groups, of which
 *  those someone answered for get a column. */
export function healthResults(
  statements: readonly Statement[], sheets: readonly Sheet[], groups: readonly { id: string; name: string; color: string }[],
): HealthResults {
  const live = new Set(statements.map((s) => s.id));
  const answered = sheets.filter((s) => Object.keys(s.answers).some((id) => live.has(id)));
  // A group is known by its name: two devices joining at once may each make "Government", and a
  // meeting's copy gives every group a new id. Only groups someone answered for get a column (one
  // of nothing but "too few" says nothing).
  const nameOf = (g: { name: string }) => g.name.trim().toLowerCase();
  const keyOf = new Map(groups.map((g) => [g.id, nameOf(g)]));
  const present = groups.filter((g, i) => groups.findIndex((o) => nameOf(o) === nameOf(g)) === i
    && answered.some((s) => keyOf.get(s.group) === nameOf(g)));
  const byGroup = present.map((g) => answered.filter((s) => keyOf.get(s.group) === nameOf(g)));
  const results = statements.map((s): StatementResult => {
    const { ratings, dontKnow, given } = answersTo(s.id, answered);
    const all = cellOf(ratings, dontKnow);
    const cells = byGroup.map((list) => {
      const mine = answersTo(s.id, list);
      return cellOf(mine.ratings, mine.dontKnow);
    });
    const comments = all.mean === null ? [] : given.map((a) => a.comment).filter(Boolean).sort((a, b) => a.localeCompare(b));
    return { id: s.id, key: s.key, text: s.text, aspect: s.aspect, all, groups: cells, differ: differs(cells), comments };
  });
  const aspects = HEALTH_ASPECTS.filter((a) => statements.some((s) => s.aspect === a)).map((aspect): AspectResult => {
    const ids = new Set(statements.filter((s) => s.aspect === aspect).map((s) => s.id));
    return { aspect, all: aspectCell(ids, answered), groups: byGroup.map((list) => aspectCell(ids, list)) };
  });
  const improve = results
    .filter((r) => r.all.mean !== null && r.all.mean < IMPROVE_BELOW)
    .sort((a, b) => a.all.mean! - b.all.mean! || b.all.spread! - a.all.spread!)
    .slice(0, IMPROVE_COUNT)
    .map((r) => r.id);
  return { answered: answered.length, groups: present.map(({ name, color }) => ({ name, color })), statements: results, aspects, improve };
}
