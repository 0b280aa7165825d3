import { describe, expect, it } from 'vitest';
import { formatDuration, stepAfter, stepTitle } from '../../../src/app/agenda-view';
import type { Step } from '../../../src/core/facilitation/agenda';

const step = (id: string, boardId: string, title = ''): Step => ({ id, boardId, title, minutes: 10, order: 'a0' });

describe('the agenda as the screens show it', () => {
  it('shows time left as m:ss, rounding seconds up so 0:00 means the time is up', () => {
    expect([600_000, 599_001, 59_999, 1_000, 1, 0, -5].map(formatDuration)).toEqual(['10:00', '10:00', '1:00', '0:01', '0:01', '0:00', '0:00']);
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('names a step by its title, or else by its board', () => {
    const boards = [{ id: 'b1', title: 'Expectations' }];
    expect(stepTitle(step('s1', 'b1'), boards)).toBe('Expectations');
    expect(stepTitle(step('s1', 'b1', 'Warm-up'), boards)).toBe('Warm-up');
  });

  it('offers the first step before any has started, then each next one, then none', () => {
    const steps = [step('s1', 'b1'), step('s2', 'b2')];
    expect(stepAfter(steps, undefined)?.id).toBe('s1');
    expect(stepAfter(steps, steps[0])?.id).toBe('s2');
    expect(stepAfter(steps, steps[1])).toBeUndefined();
  });
});
