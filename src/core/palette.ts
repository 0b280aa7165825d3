import type { EngagementLevel } from './stakeholders';
import type { Quadrant } from './swot';

/* The colours that carry meaning in the data, for the screen and the exports alike. All are from
 * the Okabe–Ito set: told apart with colour blindness and on a washed-out projector. */

const OKABE_ITO = {
  orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7', grey: '#999999',
} as const;

/** Groups and participants: readable with dark text. */
export const GROUP_COLORS = [
  OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.yellow,
  OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.grey,
] as const;

/** Engagement levels on the stakeholder map. Markers carry a white count, so "informed" takes a
 *  darker grey than the set's own. */
export const LEVEL_COLORS: Readonly<Record<EngagementLevel, string>> = {
  'key-partner': OKABE_ITO.vermillion, 'active-partner': OKABE_ITO.blue, pilot: OKABE_ITO.bluishGreen,
  advisory: OKABE_ITO.reddishPurple, informed: '#5b6570',
};

/** The quadrants of a SWOT board. */
export const QUADRANT_COLORS: Readonly<Record<Quadrant, string>> = {
  strengths: OKABE_ITO.bluishGreen, weaknesses: OKABE_ITO.vermillion,
  opportunities: OKABE_ITO.blue, threats: OKABE_ITO.reddishPurple,
};
