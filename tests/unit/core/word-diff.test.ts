import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../src/core/word-diff';

describe('wordDiff', () => {
  it('marks the words only one version has, in runs', () => {
    expect(wordDiff('Every child in school', 'Every child in a good school')).toEqual([
      { text: 'Every child in ', change: 'same' }, { text: 'a good ', change: 'added' }, { text: 'school', change: 'same' },
    ]);
    expect(wordDiff('Healthy mothers and children', 'Healthy children')).toEqual([
      { text: 'Healthy ', change: 'same' }, { text: 'mothers and ', change: 'removed' }, { text: 'children', change: 'same' },
    ]);
  });

  it('gives back both texts exactly, any change, Khmer too', () => {
    const pairs = [['', 'new'], ['old', ''], ['a b c', 'c b a'], ['កុមារទាំងអស់ទៅសាលារៀន', 'កុមារទាំងអស់ទៅសាលារៀនល្អ']] as const;
    for (const [before, after] of pairs) {
      const parts = wordDiff(before, after);
      expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe(before);
      expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe(after);
    }
    expect(wordDiff('same', 'same')).toEqual([{ text: 'same', change: 'same' }]);
  });
});
