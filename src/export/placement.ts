import type { AxisSpread, Stakeholder } from '../core/stakeholders';
import type { Labels } from './labels';

/* How a place on the influence × interest map reads, on the screen and in every export: each axis
 * as a whole percentage. Plain text; escaping is the caller's. */

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

/** A stakeholder's place on the map in words: for screen readers and the list view. */
export function placementWords(s: Pick<Stakeholder, 'position' | 'spread' | 'estimates' | 'mine'>, t: Labels): PlacementWords {
  const where = s.position
    ? t('stakeholders.where', { influence: percentOf(s.position.influence), interest: percentOf(s.position.interest), count: s.estimates })
    : t('stakeholders.where.none');
  const range = s.spread && s.estimates > 1
    ? t('stakeholders.range', {
      influenceMin: percentOf(s.spread.influence.min), influenceMax: percentOf(s.spread.influence.max),
      interestMin: percentOf(s.spread.interest.min), interestMax: percentOf(s.spread.interest.max),
    })
    : null;
  const mine = s.mine
    ? t('stakeholders.mine', { influence: percentOf(s.mine.influence), interest: percentOf(s.mine.interest) })
    : t('stakeholders.mine.none');
  return { where, range, mine };
}
