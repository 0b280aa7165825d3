import type { AxisSpread, EstimateSummary } from '../core/estimates';
import type { LabelKey, Labels } from './labels';

/* How a place on a grid of everyone's estimates (the stakeholder map's influence × interest, the
 * risks' likelihood × impact) reads, on the screen and in every export: each axis as a whole
 * percentage. Plain text; escaping is the caller's. */

/** A 0..1 axis value as a whole number of percent. */
export const percentOf = (value: number): number => Math.round(value * 100);

/** "70%". */
export const percent = (value: number, t: Labels): string => t('stakeholders.percent', { value: percentOf(value) });

/** "estimates 20–60%": one axis's spread, as the summary's table shows it. */
export const rangeLabel = (axis: AxisSpread, t: Labels): string =>
  t('export.range', { min: percentOf(axis.min), max: percentOf(axis.max) });

export interface PlacementWords {
  /** Where the room places it on average, or that nobody has. */
  where: string;
  /** How far the estimates spread, when more than one person placed it. */
  range: string | null;
  /** This person's own estimate, or that they have none. */
  mine: string;
}

/** The messages a grid's placement reads with; their placeholders are named after its axes
 *  (`{influence}`, `{influenceMin}`...), plus `{count}` in `where`. */
export interface PlacementKeys<A extends string> {
  axes: readonly A[];
  where: LabelKey;
  whereNone: LabelKey;
  range: LabelKey;
  mine: LabelKey;
  mineNone: LabelKey;
}

export const STAKEHOLDER_PLACEMENT: PlacementKeys<'influence' | 'interest'> = {
  axes: ['influence', 'interest'], where: 'stakeholders.where', whereNone: 'stakeholders.where.none',
  range: 'stakeholders.range', mine: 'stakeholders.mine', mineNone: 'stakeholders.mine.none',
};

export const RISK_PLACEMENT: PlacementKeys<'likelihood' | 'impact'> = {
  axes: ['likelihood', 'impact'], where: 'risks.where', whereNone: 'risks.where.none',
  range: 'risks.range', mine: 'risks.mine', mineNone: 'risks.mine.none',
};

const perAxis = <A extends string>(axes: readonly A[], value: (axis: A) => [string, number][]) =>
  Object.fromEntries(axes.flatMap(value));

/** An entry's place on its grid in words: for screen readers and the list views. */
export function placementWords<A extends string>(
  s: Pick<EstimateSummary<A>, 'position' | 'spread' | 'estimates' | 'mine'>, t: Labels, keys: PlacementKeys<A>,
): PlacementWords {
  const { axes } = keys;
  const where = s.position
    ? t(keys.where, { ...perAxis(axes, (a) => [[a, percentOf(s.position![a])]]), count: s.estimates })
    : t(keys.whereNone);
  const range = s.spread && s.estimates > 1
    ? t(keys.range, perAxis(axes, (a) => [[`${a}Min`, percentOf(s.spread![a].min)], [`${a}Max`, percentOf(s.spread![a].max)]]))
    : null;
  const mine = s.mine ? t(keys.mine, perAxis(axes, (a) => [[a, percentOf(s.mine![a])]])) : t(keys.mineNone);
  return { where, range, mine };
}
