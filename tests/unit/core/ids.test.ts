import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';

describe('newId', () => {
  it('is 16 characters of 0-9 and a-z', () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(/^[0-9a-z]{16}$/);
  });

  it('gives 10,000 distinct ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newId));
    expect(ids.size).toBe(10_000);
  });

  it('uses the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 2000 }, newId).join(''));
    expect(seen.size).toBe(36);
  });
});
