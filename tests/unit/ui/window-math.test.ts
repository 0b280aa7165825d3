import { describe, expect, it } from 'vitest';
import { offsetOf, stepIndex, windowRange, type WindowInput } from '../../../src/ui/window-math';

const list = (over: Partial<WindowInput> = {}): WindowInput => ({
  count: 2000, columns: 1, sizeOf: () => undefined, estimate: 100, gap: 10,
  viewTop: 0, viewBottom: 800, margin: 0, ...over,
});

describe('the window of a long list', () => {
  it('renders the rows on screen and stands in for the rest with their estimated height', () => {
    // Rows every 110 px: the screen 0-800 meets rows 0-7 (row 7 starts at 770).
    expect(windowRange(list())).toEqual({ start: 0, end: 8, before: 0, after: 1992 * 110 });
    const scrolled = windowRange(list({ viewTop: 11_000, viewBottom: 11_800 }));
    expect(scrolled).toEqual({ start: 100, end: 108, before: 100 * 110, after: (2000 - 108) * 110 });
  });

  it('adds the margin on both sides', () => {
    expect(windowRange(list({ viewTop: 11_000, viewBottom: 11_800, margin: 440 }))).toMatchObject({ start: 96, end: 112 });
  });

  it('uses measured heights where it has them, so the stand-ins match what was drawn', () => {
    const sizeOf = (i: number) => (i < 10 ? 300 : undefined);
    const range = windowRange(list({ sizeOf, viewTop: 3050, viewBottom: 3500 }));
    // Row 9 spans 2790-3090, on screen; rows of 110 follow.
    expect(range.start).toBe(9);
    expect(range.before).toBe(9 * 310);
    expect(offsetOf(12, list({ sizeOf }))).toBe(10 * 310 + 2 * 110);
  });

  it('works in rows of several columns, a row as tall as its tallest card', () => {
    const sizeOf = (i: number) => (i === 1 ? 250 : 100);
    const range = windowRange(list({ count: 10, columns: 3, sizeOf, viewTop: 0, viewBottom: 300 }));
    // Row 0 is 250 tall, row 1 starts at 260 and is on screen; rows 2 and 3 are not.
    expect(range).toEqual({ start: 0, end: 6, before: 0, after: 2 * 110 });
    expect(offsetOf(7, list({ count: 10, columns: 3, sizeOf }))).toBe(260 + 110);
  });

  it('keeps one row when the screen is above or below the list, and nothing for an empty list', () => {
    expect(windowRange(list({ count: 5, viewTop: -2000, viewBottom: -1200 }))).toEqual({ start: 0, end: 1, before: 0, after: 4 * 110 });
    expect(windowRange(list({ count: 5, viewTop: 5000, viewBottom: 5800 }))).toEqual({ start: 4, end: 5, before: 4 * 110, after: 0 });
    expect(windowRange(list({ count: 0 }))).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('renders a short list whole', () => {
    expect(windowRange(list({ count: 60, whole: 60, viewTop: 5000, viewBottom: 5800 }))).toEqual({ start: 0, end: 60, before: 0, after: 0 });
    expect(windowRange(list({ count: 61, whole: 60, viewTop: 5000, viewBottom: 5800 })).end - windowRange(list({ count: 61, whole: 60, viewTop: 5000, viewBottom: 5800 })).start).toBeLessThan(61);
  });

  it('keeps the focused item rendered when it is near, not when that would render most of the list', () => {
    expect(windowRange(list({ keep: 15 }))).toMatchObject({ start: 0, end: 16 });
    expect(windowRange(list({ viewTop: 11_000, viewBottom: 11_800, keep: 90 }))).toMatchObject({ start: 90, end: 108, before: 90 * 110 });
    expect(windowRange(list({ keep: 1500 }))).toMatchObject({ start: 0, end: 8 });
  });
});

describe('moving through a list with the keyboard', () => {
  it('steps by one in a column and by a row in a grid, and stops at the ends', () => {
    expect(stepIndex('ArrowDown', 3, 10)).toBe(4);
    expect(stepIndex('ArrowDown', 9, 10)).toBe(9);
    expect(stepIndex('ArrowUp', 0, 10)).toBe(0);
    expect(stepIndex('ArrowRight', 3, 10)).toBeUndefined();
    expect(stepIndex('ArrowDown', 3, 10, 3)).toBe(6);
    expect(stepIndex('ArrowLeft', 3, 10, 3)).toBe(2);
    expect(stepIndex('End', 3, 2000)).toBe(1999);
    expect(stepIndex('Home', 300, 2000)).toBe(0);
    expect(stepIndex('PageDown', 1995, 2000)).toBe(1999);
    expect(stepIndex('Tab', 3, 10)).toBeUndefined();
    expect(stepIndex('End', 0, 0)).toBeUndefined();
  });
});
