import { describe, expect, it } from 'vitest';
import { share } from '../../../src/app/structural-share';

const note = (id: string, text: string) => ({ id, text, tags: ['a'] });

describe('structural sharing of view results', () => {
  it('keeps the previous result when nothing changed', () => {
    const prev = { notes: [note('a', 'one'), note('b', 'two')], count: 2 };
    expect(share(prev, structuredClone(prev))).toBe(prev);
  });

  it('reuses unchanged entries and replaces changed ones', () => {
    const prev = [note('a', 'one'), note('b', 'two'), note('c', 'three')];
    const next = share(prev, [note('a', 'one'), note('b', 'TWO'), note('c', 'three')]);
    expect(next).toEqual([note('a', 'one'), note('b', 'TWO'), note('c', 'three')]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).not.toBe(prev[1]);
    expect(next[1]!.tags).toBe(prev[1]!.tags);
    expect(next[2]).toBe(prev[2]);
  });

  it('matches entries by id, so an insertion leaves the others shared', () => {
    const prev = [note('a', 'one'), note('c', 'three')];
    const next = share(prev, [note('new', 'zero'), note('a', 'one'), note('c', 'three')]);
    expect(next[1]).toBe(prev[0]);
    expect(next[2]).toBe(prev[1]);
  });

  it('notices removed and added keys, and leaves class instances alone', () => {
    const prev: Record<string, unknown> = { a: 1, b: 2 };
    expect(share(prev, { a: 1 })).toEqual({ a: 1 });
    expect(share(prev, { a: 1, b: 2, c: 3 })).toEqual({ a: 1, b: 2, c: 3 });
    const map = new Map([[1, 2]]);
    const fresh = new Map([[1, 2]]);
    expect(share(map, fresh)).toBe(fresh);
    expect(share(undefined, prev)).toBe(prev);
  });
});
