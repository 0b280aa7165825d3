import { describe, expect, it } from 'vitest';
import { findWords, matchesFind } from '../../../src/core/find';

describe('finding entries on a board', () => {
  it('matches every word of the query in any order and case, across an entry’s texts', () => {
    const words = findWords('  District, TEAMS ');
    expect(words).toEqual(['district', 'teams']);
    expect(matchesFind(words, 'Teams in each district report on time')).toBe(true);
    expect(matchesFind(words, 'District health office', 'Brings: field teams')).toBe(true);
    expect(matchesFind(words, 'District health office')).toBe(false);
  });

  it('matches part of a word, and Khmer written without spaces', () => {
    expect(matchesFind(findWords('indic'), 'Shared indicators')).toBe(true);
    expect(matchesFind(findWords('សុខភាព'), 'មន្ទីរសុខភាពខេត្ត')).toBe(true);
  });

  it('lets everything through for an empty query', () => {
    expect(matchesFind(findWords(' , '), 'anything')).toBe(true);
  });
});
