import { describe, expect, it } from 'vitest';
import { FollowMemory } from '../../../src/app/follow-memory';

const storage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('FollowMemory', () => {
  it('moves a device once per call, and remembers it across reloads and per workshop', () => {
    const store = storage();
    const memory = new FollowMemory('w1', store);
    expect(memory.take(undefined)).toBeUndefined();
    expect(memory.take({ boardId: 'b1', seq: 4 })).toBe('b1');
    // The same call again (any change to the document re-reads it): the person has wandered off.
    expect(memory.take({ boardId: 'b1', seq: 4 })).toBeUndefined();

    const reloaded = new FollowMemory('w1', store);
    expect(reloaded.take({ boardId: 'b1', seq: 4 })).toBeUndefined();
    expect(reloaded.take({ boardId: 'b1', seq: 9 })).toBe('b1');
    expect(new FollowMemory('w2', store).take({ boardId: 'b7', seq: 2 })).toBe('b7');
  });
});
