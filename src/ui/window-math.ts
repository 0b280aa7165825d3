/** Which part of a long list to render: the rows that meet the screen, plus a margin. Items sit
 *  in rows of `columns` (a grid of cards); a row is as tall as its tallest measured item, or the
 *  estimate while none of it has been on screen. Pure, so the scrolling maths is tested apart
 *  from the DOM. */
export interface WindowInput {
  count: number;
  columns: number;
  /** The item's measured height in px, if it has been rendered. */
  sizeOf: (index: number) => number | undefined;
  estimate: number;
  /** The space between rows, px. */
  gap: number;
  /** The screen's top and bottom, in px from the list's top (negative: the list starts below). */
  viewTop: number;
  viewBottom: number;
  /** Rendered beyond each edge of the screen, px. */
  margin: number;
  /** An item kept rendered (the one holding keyboard focus), when it is near the window. */
  keep?: number;
  /** A list of at most this many items is rendered whole: windowing pays off only for long
   *  lists, and a short one stays wholly in the page (for the browser's own find, too). */
  whole?: number;
}

/** Items `start` up to `end` (exclusive) are rendered; `before` and `after` are the heights, px,
 *  that stand in for the rows above and below them. */
export interface WindowRange {
  start: number;
  end: number;
  before: number;
  after: number;
}

/** How many rows a kept item may lie beyond the window and still widen it; further away, it
 *  would make the window render most of the list. */
const KEEP_REACH = 20;

function rowHeights(input: Pick<WindowInput, 'count' | 'columns' | 'sizeOf' | 'estimate'>): number[] {
  const columns = Math.max(1, Math.floor(input.columns));
  const heights: number[] = [];
  for (let row = 0; row * columns < input.count; row++) {
    let height: number | undefined;
    for (let i = row * columns; i < Math.min(input.count, (row + 1) * columns); i++) {
      const size = input.sizeOf(i);
      if (size !== undefined) height = Math.max(height ?? 0, size);
    }
    heights.push(height ?? input.estimate);
  }
  return heights;
}

export function windowRange(input: WindowInput): WindowRange {
  const columns = Math.max(1, Math.floor(input.columns));
  if (input.count <= (input.whole ?? 0)) return { start: 0, end: input.count, before: 0, after: 0 };
  const heights = rowHeights(input);
  const top = input.viewTop - input.margin;
  const bottom = input.viewBottom + input.margin;
  let first = -1;
  let last = -1;
  let y = 0;
  for (let row = 0; row < heights.length; row++) {
    const h = heights[row]!;
    if (first < 0 && y + h >= top) first = row;
    if (y <= bottom) last = row;
    y += h + input.gap;
  }
  if (first < 0 || last < first) {
    // The screen is wholly above or below the list: render its nearest row, so that the list
    // keeps one real item to measure and to reach with the keyboard.
    first = last = top > 0 ? heights.length - 1 : 0;
  }
  if (input.keep !== undefined && input.keep >= 0 && input.keep < input.count) {
    const keep = Math.floor(input.keep / columns);
    if (keep >= first - KEEP_REACH && keep <= last + KEEP_REACH) {
      first = Math.min(first, keep);
      last = Math.max(last, keep);
    }
  }
  if (heights.length === 0) return { start: 0, end: 0, before: 0, after: 0 };
  let before = 0;
  let after = 0;
  for (let row = 0; row < heights.length; row++) {
    if (row < first) before += heights[row]! + input.gap;
    else if (row > last) after += heights[row]! + input.gap;
  }
  return { start: first * columns, end: Math.min(input.count, (last + 1) * columns), before, after };
}

/** Where item `index`'s row starts, px from the list's top. */
export function offsetOf(index: number, input: Pick<WindowInput, 'count' | 'columns' | 'sizeOf' | 'estimate' | 'gap'>): number {
  const row = Math.floor(index / Math.max(1, Math.floor(input.columns)));
  const heights = rowHeights(input);
  let y = 0;
  for (let r = 0; r < Math.min(row, heights.length); r++) y += heights[r]! + input.gap;
  return y;
}

/** The item a navigation key moves to from `index` in a list of `count`, or undefined for a key
 *  that does not navigate. Up and down move by a row of `columns`. */
export function stepIndex(key: string, index: number, count: number, columns = 1): number | undefined {
  if (count === 0) return undefined;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown': return clamp(index + columns);
    case 'ArrowUp': return clamp(index - columns);
    case 'ArrowRight': return columns > 1 ? clamp(index + 1) : undefined;
    case 'ArrowLeft': return columns > 1 ? clamp(index - 1) : undefined;
    case 'Home': return 0;
    case 'End': return count - 1;
    case 'PageDown': return clamp(index + 10 * columns);
    case 'PageUp': return clamp(index - 10 * columns);
    default: return undefined;
  }
}
