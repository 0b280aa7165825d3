/* A document as plain blocks, for formats laid out by a library rather than written as text
 * (Word today). A summary says what it holds once, as blocks; each format only lays them out.
 * Text is never markup: a renderer sets it as text. */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One line of text: plain strings and styled runs. */
export type Line = readonly (string | Run)[];

/** A table cell: one or more lines. */
export type Cell = readonly Line[];

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; line: Line; quote?: boolean }
  | { type: 'list'; ordered: boolean; items: readonly Line[] }
  /** `header` is the first row, set apart; a table without one (the SWOT grid) has none. */
  | { type: 'table'; header?: readonly string[]; rows: readonly (readonly Cell[])[] };

export const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: 'heading', level, text });
export const paragraph = (...line: (string | Run)[]): Extract<Block, { type: 'paragraph' }> => ({ type: 'paragraph', line });
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });

/** Text alone in a cell. */
export const cell = (text: string): Cell => [[text]];
