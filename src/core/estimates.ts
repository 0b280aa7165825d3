import type * as Y from 'yjs';

/* Everyone's own estimate of one entry on a grid of named axes (a stakeholder's influence ×
 * interest, a risk's likelihood × impact), kept in a map keyed by participant so that people
 * placing one entry at once never overwrite each other; the room sees the mean and the spread. */

/** Keyboard steps across an axis; a nudge lands on this grid, so repeated nudges never drift
 *  by float error (dividing a whole number of steps gives the nearest double every time). */
const STEPS_PER_AXIS = 20;
export const NUDGE_STEP = 1 / STEPS_PER_AXIS;
/** Where an entry nobody has placed yet starts when nudged: the middle of the grid. */
const CENTRE = 0.5;

/** Per axis over everyone's estimates: the extremes and the population standard deviation. */
export interface AxisSpread {
  min: number;
  max: number;
  sd: number;
}

/** One value per axis, each from 0 (none) to 1 (high). */
export type Estimate<A extends string> = Record<A, number>;

export interface EstimateSummary<A extends string> {
  /** How many people placed it. */
  estimates: number;
  /** The mean of everyone's estimates; null until someone places it. */
  position: Estimate<A> | null;
  spread: Record<A, AxisSpread> | null;
  /** The estimate of the participant the query was asked for. */
  mine: Estimate<A> | null;
}

export const onAxis = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** The well-formed estimates in an entry's map (a modified client may write anything). */
export function readEstimates<A extends string>(estimates: Y.Map<unknown> | undefined, axes: readonly A[]): Map<string, Estimate<A>> {
  const valid = new Map<string, Estimate<A>>();
  for (const [participant, raw] of estimates?.entries() ?? []) {
    const e = (raw ?? {}) as Partial<Record<A, unknown>>;
    if (axes.every((axis) => onAxis(e[axis]))) valid.set(participant, Object.fromEntries(axes.map((a) => [a, e[a]])) as Estimate<A>);
  }
  return valid;
}

export function spreadOf(values: readonly number[]): AxisSpread & { mean: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, min: Math.min(...values), max: Math.max(...values), sd };
}

/** The mean, spread and `me`'s own of an entry's estimates. */
export function summariseEstimates<A extends string>(
  estimates: Y.Map<unknown> | undefined, axes: readonly A[], me: string | undefined,
): EstimateSummary<A> {
  const valid = readEstimates(estimates, axes);
  const all = [...valid.values()];
  if (all.length === 0) return { estimates: 0, position: null, spread: null, mine: null };
  const per = axes.map((axis) => [axis, spreadOf(all.map((e) => e[axis]))] as const);
  return {
    estimates: all.length,
    position: Object.fromEntries(per.map(([axis, s]) => [axis, s.mean])) as Estimate<A>,
    spread: Object.fromEntries(per.map(([axis, { min, max, sd }]) => [axis, { min, max, sd }])) as Record<A, AxisSpread>,
    mine: (me !== undefined && valid.get(me)) || null,
  };
}

/** Whether every axis of `position` lies in 0..1 (callers may pass NaN or a number typed by hand). */
export const isEstimate = <A extends string>(position: Partial<Record<A, unknown>>, axes: readonly A[]): boolean =>
  axes.every((axis) => onAxis(position[axis]));

/** `participant`'s estimate moved by whole `NUDGE_STEP`s per axis (negative = down), from the
 *  nearest grid point, stopping at the edges. Someone who has not placed it yet starts from the
 *  room's average, or the middle when nobody has. */
export function nudgedEstimate<A extends string>(
  summary: EstimateSummary<A>, steps: Partial<Record<A, number>>, axes: readonly A[],
): Estimate<A> {
  const from = summary.mine ?? summary.position;
  const move = (v: number, n: number) =>
    Math.min(STEPS_PER_AXIS, Math.max(0, Math.round(v * STEPS_PER_AXIS) + n)) / STEPS_PER_AXIS;
  return Object.fromEntries(axes.map((axis) => [axis, move(from?.[axis] ?? CENTRE, steps[axis] ?? 0)])) as Estimate<A>;
}

/** Whether every step is a whole number. */
export const wholeSteps = (steps: Partial<Record<string, number>>): boolean =>
  Object.values(steps).every((n) => n === undefined || Number.isInteger(n));

/** Writes `participant`'s estimate in the entry's map, with when (for the deleted-entries copy). */
export function writeEstimate<A extends string>(doc: Y.Doc, estimates: Y.Map<unknown>, participant: string, estimate: Estimate<A>, origin: unknown): void {
  doc.transact(() => estimates.set(participant, { ...estimate, at: Date.now() }), origin);
}
