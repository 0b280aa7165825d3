import { describe, expect, it } from 'vitest';
import type { VoteResults } from '../../../src/core/facilitation/votes';
import { summariseVote } from '../../../src/app/vote-summary';

const groups = [
  { id: 'g-gov', name: 'Government', color: '#E69F00' },
  { id: 'g-cso', name: 'Civil society', color: '#56B4E9' },
];
const texts = new Map([['a', 'Shared data'], ['b', 'More budget'], ['c', 'Community voice'], ['d', 'Unloved']]);

/** Government put its two dots on A and B, civil society on A and C; one voter had no group. */
const results: VoteResults = {
  round: 'r', dots: 2, open: false, voters: 3,
  groups: [
    { group: '', voters: 1, dots: 1 },
    { group: 'g-cso', voters: 1, dots: 2 },
    { group: 'g-gov', voters: 1, dots: 2 },
  ],
  notes: [
    { noteId: 'a', total: 3, byGroup: { 'g-gov': 1, 'g-cso': 1, '': 1 }, divergence: 0.5 },
    { noteId: 'b', total: 1, byGroup: { 'g-gov': 1 }, divergence: 0.5 },
    { noteId: 'c', total: 1, byGroup: { 'g-cso': 1 }, divergence: 0.5 },
    { noteId: 'd', total: 0, byGroup: {}, divergence: 0 },
  ],
};

describe('vote summary', () => {
  it('lists groups in the workshop order, voters without a group last, by name', () => {
    expect(summariseVote(results, texts, groups).groups.map((g) => g.name)).toEqual(['Government', 'Civil society', 'No group']);
  });

  it('lists the notes with dots, with texts, and counts the others', () => {
    const summary = summariseVote(results, texts, groups);
    expect(summary.rows.map((r) => [r.text, r.total])).toEqual([['Shared data', 3], ['More budget', 1], ['Community voice', 1]]);
    expect(summary.unvoted).toBe(1);
  });

  it('gives each group its share of its own dots, so groups of different sizes compare', () => {
    const b = summariseVote(results, texts, groups).rows[1]!;
    expect(b.groups.map((g) => [g.name, g.dots, g.share])).toEqual([['Government', 1, 0.5], ['Civil society', 0, 0], ['No group', 0, 0]]);
  });

  it('marks the notes where groups differ most, ties alike', () => {
    const marked = (divergence: Record<string, number>) => {
      const notes = results.notes.map((n) => ({ ...n, divergence: divergence[n.noteId] ?? 0 }));
      return summariseVote({ ...results, notes }, texts, groups).rows.filter((r) => r.differs).map((r) => r.noteId);
    };
    expect(marked({ a: 0.5, b: 0.5, c: 0.5 })).toEqual(['a', 'b', 'c']);
    expect(marked({ a: 0.1, b: 2 / 3, c: 0.5 })).toEqual(['b']);
    // Equal shares computed differently may differ in the last bits.
    expect(marked({ a: 0, b: 0.7 - 0.2, c: 0.5 })).toEqual(['b', 'c']);
  });

  it('marks nothing when no group gave any note a quarter of its dots more than another', () => {
    const notes = results.notes.map((n) => ({ ...n, divergence: n.noteId === 'b' ? 0.2 : 0.1 }));
    expect(summariseVote({ ...results, notes }, texts, groups).rows.some((r) => r.differs)).toBe(false);
  });
});
