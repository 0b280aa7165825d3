// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Drafts } from '../../../src/app/drafts.svelte';

describe('Drafts', () => {
  it('is open while any field differs from what it opened with, without re-running the fields', () => {
    const drafts = new Drafts();
    const fields = $state([{ value: '', opened: '' }, { value: 'Old text', opened: 'Old text' }]);
    let runs = 0;
    const stop = $effect.root(() => {
      for (const field of fields) {
        const changed = $derived(field.value !== field.opened);
        $effect(() => {
          runs++;
          if (changed) return drafts.hold();
        });
      }
    });
    flushSync();
    expect(drafts.open).toBe(false);
    fields[0]!.value = 'A new idea';
    flushSync();
    fields[1]!.value = 'Old text, edited';
    flushSync();
    expect(drafts.open).toBe(true);
    fields[0]!.value = '';
    flushSync();
    expect(drafts.open).toBe(true);
    fields[1]!.value = 'Old text';
    flushSync();
    expect(drafts.open).toBe(false);
    // Two initial runs and one per change of `changed`: holding does not re-trigger the effects.
    expect(runs).toBe(6);
    stop();
  });
});
