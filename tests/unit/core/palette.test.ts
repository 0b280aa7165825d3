import { describe, expect, it } from 'vitest';
import { GROUP_COLORS, LEVEL_COLORS, QUADRANT_COLORS } from '../../../src/core/palette';

describe('palette', () => {
  it('gives every group, level and quadrant a colour of its own', () => {
    for (const colours of [GROUP_COLORS, Object.values(LEVEL_COLORS), Object.values(QUADRANT_COLORS)]) {
      expect(new Set(colours.map((c) => c.toLowerCase())).size).toBe(colours.length);
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});
