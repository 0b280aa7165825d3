import { describe, expect, it } from 'vitest';
import { REFUSAL_CLOSE_CODE } from '../../../src/core/hub-refusals';
import { refusalOf } from '../../../src/sync/refusals';

describe('why the hub closed the relay socket', () => {
  it('reads the hub\'s refusals, and a message cut off as too big as a change too large', () => {
    expect(refusalOf({ code: REFUSAL_CLOSE_CODE, reason: 'room-full' })).toBe('room-full');
    expect(refusalOf({ code: REFUSAL_CLOSE_CODE, reason: 'hub-full' })).toBe('hub-full');
    expect(refusalOf({ code: 1009, reason: '' })).toBe('update-too-large');
  });

  it('sees no refusal in an ordinary close or an unknown reason', () => {
    expect(refusalOf({ code: 1000, reason: 'provider_initiated' })).toBeNull();
    expect(refusalOf({ code: 1006, reason: '' })).toBeNull();
    expect(refusalOf({ code: REFUSAL_CLOSE_CODE, reason: 'toString' })).toBeNull();
  });
});
