import { describe, expect, it } from 'vitest';
import { healthResults, type Cell } from '../../../../src/core/health/results';
import type { Rating, Sheet } from '../../../../src/core/health/sheets';
import type { Statement } from '../../../../src/core/health/statements';

const S = (id: string, aspect: Statement['aspect']): Statement => ({ id, key: `review.${id}`, aspect, text: `Statement ${id}`, order: id });
const statements = [S('a', 'impact'), S('b', 'impact'), S('c', 'value')];
const groups = [{ id: 'gov', name: 'Government', color: '#1' }, { id: 'dp', name: 'Development Partners', color: '#2' }];

let n = 0;
function sheet(group: string, ratings: Record<string, Rating | [Rating, string]>): Sheet {
  const answers = Object.fromEntries(Object.entries(ratings).map(([id, r]) => [id, Array.isArray(r) ? { rating: r[0], comment: r[1] } : { rating: r, comment: '' }]));
  return { id: `s${++n}`, owner: `o${n}`, group, rev: 1, answers };
}

const hidden = (count: number, dontKnow = 0): Cell => ({ count, dontKnow, mean: null, spread: null, distribution: null });

describe('health-check results', () => {
  it('give mean, spread, count and distribution per statement and per aspect', () => {
    const sheets = [
      sheet('gov', { a: [1, 'Too slow'], b: 2, c: 4 }), sheet('gov', { a: 2, b: 0, c: 4 }), sheet('gov', { a: 3, b: 2, c: 5 }),
      sheet('dp', { a: [5, 'Fine by us'], b: 2 }), sheet('dp', { a: 4, c: 0 }), sheet('dp', { a: 5 }),
    ];
    const r = healthResults(statements, sheets, groups);
    expect(r.answered).toBe(6);
    const a = r.statements[0]!;
    expect(a.all).toMatchObject({ count: 6, dontKnow: 0, distribution: [1, 1, 1, 1, 2] });
    expect(a.all.mean).toBeCloseTo(20 / 6);
    expect(a.all.spread).toBeCloseTo(Math.sqrt(((1 - 20 / 6) ** 2 + (2 - 20 / 6) ** 2 + (3 - 20 / 6) ** 2 + (4 - 20 / 6) ** 2 + 2 * (5 - 20 / 6) ** 2) / 6));
    expect(a.groups.map((c) => c.mean)).toEqual([2, 14 / 3]);
    expect(a.differ).toBe(true);
    expect(a.comments).toEqual(['Fine by us', 'Too slow']);
    const b = r.statements[1]!;
    expect(b.all).toMatchObject({ count: 3, dontKnow: 1, mean: 2, spread: 0, distribution: [0, 3, 0, 0, 0] });
    expect(b.groups).toEqual([hidden(2, 1), hidden(1)]);
    expect(b.differ).toBe(false);
    const impact = r.aspects.find((x) => x.aspect === 'impact')!;
    expect(impact.all).toMatchObject({ count: 9, dontKnow: 1 });
    expect(impact.all.mean).toBeCloseTo(26 / 9);
    expect(r.aspects.map((x) => x.aspect)).toEqual(['impact', 'value']);
  });

  it('show no figure for a statement, group or aspect with fewer than three answers, nor its comments', () => {
    const sheets = [sheet('gov', { a: [1, 'Only me said this'], c: 0 }), sheet('dp', { a: 5, c: 0 }), sheet('dp', { c: 0 })];
    const r = healthResults(statements, sheets, groups);
    expect(r.statements[0]!.all).toEqual(hidden(2));
    expect(r.statements[0]!.comments).toEqual([]);
    expect(r.statements[2]!.all).toEqual(hidden(0, 3));
    expect(r.aspects.find((x) => x.aspect === 'impact')!.all.mean).toBeNull();
    expect(r.improve).toEqual([]);
  });

  it('an aspect needs three people, not three ratings from one person', () => {
    const sheets = [sheet('gov', { a: 1, b: 1 }), sheet('gov', { a: 2, b: 2 })];
    expect(healthResults(statements, sheets, groups).aspects[0]!.all).toEqual(hidden(4));
  });

  it('groups differ only where two groups with enough answers are a whole step apart', () => {
    const close = [...[3, 3, 4].map((v) => sheet('gov', { a: v as Rating })), ...[4, 4, 4].map((v) => sheet('dp', { a: v as Rating }))];
    expect(healthResults(statements, close, groups).statements[0]!.differ).toBe(false);
    const far = [...[2, 2, 3].map((v) => sheet('gov', { a: v as Rating })), ...[4, 3, 4].map((v) => sheet('dp', { a: v as Rating }))];
    expect(healthResults(statements, far, groups).statements[0]!.differ).toBe(true);
    const oneSmall = [...[1, 1, 1].map((v) => sheet('gov', { a: v as Rating })), sheet('dp', { a: 5 }), sheet('dp', { a: 5 })];
    expect(healthResults(statements, oneSmall, groups).statements[0]!.differ).toBe(false);
  });

  it('Where to improve lists the weakest shown statements below 3.5, weakest first', () => {
    const sheets = [sheet('gov', { a: 3, b: 1, c: 5 }), sheet('gov', { a: 3, b: 2, c: 5 }), sheet('dp', { a: 4, b: 1, c: 4 })];
    expect(healthResults(statements, sheets, groups).improve).toEqual(['b', 'a']);
  });

  it('count two groups of one name (made by two devices at once) as one', () => {
    const twice = [...groups, { id: 'gov2', name: ' government', color: '#3' }];
    const sheets = [sheet('gov', { a: 2 }), sheet('gov2', { a: 2 }), sheet('gov2', { a: 3 }), sheet('dp', { a: 5 })];
    const r = healthResults(statements, sheets, twice);
    expect(r.groups.map((g) => g.name)).toEqual(['Government', 'Development Partners']);
    expect(r.statements[0]!.groups[0]).toMatchObject({ count: 3, distribution: [0, 2, 1, 0, 0] });
  });

  it('ignore answers to removed statements and sheets with nothing left', () => {
    const sheets = [sheet('gov', { gone: 1 }), sheet('gov', { a: 2 })];
    expect(healthResults(statements, sheets, groups).answered).toBe(1);
  });
});
