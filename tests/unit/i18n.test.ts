import { describe, expect, it } from 'vitest';
import { PRINCIPLES } from '../../src/core/ground-rules';
import { en } from '../../src/i18n/en';

/* Core returns keys, the interface says the words: every key core hands out must have words. */
describe('English messages', () => {
  it('word every partnering principle core suggests', () => {
    for (const p of PRINCIPLES) expect(en, p).toHaveProperty([`principle.${p}`]);
  });

  it('have no empty message', () => {
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });
});
