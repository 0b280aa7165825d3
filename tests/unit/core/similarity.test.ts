import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE, isNearDuplicate, normalise, similarPairs, similarity } from '../../../src/core/similarity';

describe('normalise', () => {
  it.each([
    ['case, punctuation and spacing', '  Shared DATA-portal!!  now ', 'shared data portal now'],
    ['compatibility forms (ligatures, full-width letters)', 'ﬁne ＡＢＣ', 'fine abc'],
    ['Khmer punctuation and zero-width spaces, keeping vowel signs and subscripts', 'ការ\u200Bសម្រប។', 'ការ សម្រប'],
    ['symbols and emoji', 'Budget ↑ 👍 + funding', 'budget funding'],
    ['nothing but punctuation', '?!…', ''],
  ])('folds %s', (_what, text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

describe('similarity', () => {
  it.each([
    ['Shared data portal!', 'shared   DATA portal'],
    ['ការសម្របសម្រួលខ្សោយ', 'ការសម្របសម្រួលខ្សោយ។'],
    ['Capacity', 'CAPACITY.'],
  ])('is 1 for texts identical after normalising: %s', (a, b) => {
    expect(similarity(a, b)).toBe(1);
    expect(isNearDuplicate(a, b)).toBe(true);
  });

  it.each([
    ['reordered words', 'Strong government ownership', 'Government ownership is strong'],
    ['a plural', 'Weak data systems', 'Weak data system'],
    ['a reworded phrase', 'Lack of coordination among donors', 'lack of donor coordination'],
    ['Khmer with an extra word', 'ការសម្របសម្រួលខ្សោយ', 'ការសម្របសម្រួលខ្សោយណាស់'],
  ])('matches near-duplicates: %s', (_what, a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(similarity(a, b)).toBeLessThan(1);
  });

  it.each([
    ['one shared word', 'Lack of coordination', 'Poor coordination between partners'],
    ['one shared word, similar start', 'Political will', 'Political instability'],
    ['different notes', 'Limited budget', 'Limited human capacity'],
    ['different Khmer notes', 'ការសម្របសម្រួលខ្សោយ', 'ថវិកាមានកំណត់'],
  ])('keeps apart %s', (_what, a, b) => {
    expect(isNearDuplicate(a, b)).toBe(false);
  });

  it('is symmetric, within 0..1, and 0 for empty texts', () => {
    const a = 'High staff turnover';
    const b = 'Staff turnover is high in ministries';
    expect(similarity(a, b)).toBe(similarity(b, a));
    expect(similarity(a, b)).toBeGreaterThan(0);
    expect(similarity(a, b)).toBeLessThanOrEqual(1);
    expect(similarity('', '')).toBe(0);
    expect(similarity('!!', '??')).toBe(0);
    expect(similarity('a', '')).toBe(0);
  });

  it('takes a threshold', () => {
    expect(isNearDuplicate('Political will', 'Political instability', 0.3)).toBe(true);
    expect(isNearDuplicate('Weak data systems', 'Weak data system', 0.99)).toBe(false);
  });
});

describe('similarPairs', () => {
  it('lists every near-duplicate pair once, lower index first', () => {
    expect(similarPairs(['Limited budget', 'Weak data systems', 'limited budget.', 'weak data system', 'Budget is limited'])).toEqual([
      [0, 2], [0, 4], [1, 3], [2, 4],
    ]);
    expect(similarPairs([])).toEqual([]);
    expect(similarPairs(['only one'])).toEqual([]);
  });

  it('compares a board of 300 notes quickly', () => {
    const texts = Array.from({ length: 300 }, (_, i) => `Note number ${i} about topic ${i % 17} and partner ${i % 5}`);
    const started = performance.now();
    similarPairs(texts);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
