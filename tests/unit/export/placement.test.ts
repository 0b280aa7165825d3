import { describe, expect, it } from 'vitest';
import { percent, placementWords, rangeLabel, STAKEHOLDER_PLACEMENT } from '../../../src/export/placement';
import { t } from './helpers';

const axis = (min: number, max: number) => ({ min, max, sd: 0 });

describe('placement wording', () => {
  it('reads axes as whole percentages', () => {
    expect(percent(0.654, t)).toBe('65%');
    expect(rangeLabel(axis(0.2, 0.6), t)).toBe('estimates 20–60%');
  });

  it('words where the room places a stakeholder, the spread of several estimates and my own', () => {
    const words = placementWords({
      position: { influence: 0.75, interest: 0.4 }, estimates: 2, mine: { influence: 0.65, interest: 0.2 },
      spread: { influence: axis(0.65, 0.85), interest: axis(0.2, 0.6) },
    }, t, STAKEHOLDER_PLACEMENT);
    expect(words).toEqual({
      where: 'Average influence 75%, interest 40%, placed by 2.',
      range: 'Estimates range over influence 65–85% and interest 20–60%.',
      mine: 'Your estimate: influence 65%, interest 20%.',
    });
  });

  it('has no range for a single estimate, and says when nobody placed it', () => {
    const one = { influence: 0.5, interest: 0.5 };
    expect(placementWords({ position: one, estimates: 1, mine: null, spread: { influence: axis(0.5, 0.5), interest: axis(0.5, 0.5) } }, t, STAKEHOLDER_PLACEMENT))
      .toEqual({ where: 'Average influence 50%, interest 50%, placed by 1.', range: null, mine: 'You have not placed it yet.' });
    expect(placementWords({ position: null, estimates: 0, mine: null, spread: null }, t, STAKEHOLDER_PLACEMENT).where).toBe('Nobody has placed it yet.');
  });
});
