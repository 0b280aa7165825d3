import { describe, expect, it, vi } from 'vitest';
import { lazy, onLoadFailure } from '../../../src/core/lazy';

const failing = (times: number, value = 'module') => {
  let calls = 0;
  const load = vi.fn(async () => {
    calls++;
    if (calls <= times) throw new TypeError('Failed to fetch dynamically imported module');
    return value;
  });
  return load;
};

describe('lazy', () => {
  it('tries a failed load again until it comes, and reports nothing', async () => {
    const load = failing(2);
    const failures = vi.fn();
    const stop = onLoadFailure(failures);
    await expect(lazy(load, [0, 0, 0])).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(3);
    expect(failures).not.toHaveBeenCalled();
    stop();
  });

  it('gives up after its pauses, tells every listener and rejects', async () => {
    const load = failing(10);
    const failures = vi.fn();
    const stop = onLoadFailure(failures);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(lazy(load, [0, 0])).rejects.toThrow('Failed to fetch');
    expect(load).toHaveBeenCalledTimes(3);
    expect(failures).toHaveBeenCalledTimes(1);
    stop();
    await expect(lazy(load, [])).rejects.toThrow();
    expect(failures).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('waits its pauses between attempts', async () => {
    vi.useFakeTimers();
    try {
      const load = failing(1);
      const result = lazy(load, [1000]);
      await vi.advanceTimersByTimeAsync(999);
      expect(load).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe('module');
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
