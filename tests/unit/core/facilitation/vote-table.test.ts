import { describe, expect, it } from 'vitest';
import { voteTable } from '../../../../src/core/facilitation/vote-table';
import type { VoteResults } from '../../../../src/core/facilitation/votes';

const groups = [
  { id: 'g-cso', name: 'Civil society', color: '#56B4E9' },
  { id: 'g-gov', name: 'Government', color: '#E69F00' },
];

/** Government and civil society voted, and so did one voter without a group and one whose group
 *  was deleted since. */
const results: VoteResults = {
  round: 'r', dots: 2, open: false, voters: 4,
  groups: [
    { group: '', voters: 1, dots: 2 },
    { group: 'g-deleted', voters: 1, dots: 1 },
    { group: 'g-gov', voters: 1, dots: 2 },
  ],
  notes: [
    { noteId: 'a', total: 3, byGroup: { 'g-gov': 1, '': 1, 'g-deleted': 1 }, divergence: 0.5 },
    { noteId: 'b', total: 2, byGroup: { 'g-gov': 1, '': 1 }, divergence: 0 },
    { noteId: 'c', total: 0, byGroup: {}, divergence: 0 },
  ],
};

describe('voteTable', () => {
  it('has a column per voting group in the workshop\'s order, and one last for every voter without a known group', () => {
    const table = voteTable(results, groups);
    expect(table.columns.map((c) => [c.group?.name, c.voters, c.dots])).toEqual([['Government', 1, 2], [undefined, 2, 3]]);
    expect(table.rows.map((r) => [r.noteId, r.total, r.dots, r.differs])).toEqual([['a', 3, [1, 2], true], ['b', 2, [1, 1], false]]);
    expect(table.unvoted).toBe(1);
    expect(table.voters).toBe(4);
  });
});
