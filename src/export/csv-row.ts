import { groupLabel } from './format';
import type { Labels } from './labels';
import type { NoteEntry } from './section-parts';

/** The CSV's columns, in order. Columns that do not apply to a row stay empty. */
export const CSV_COLUMNS = [
  'kind', 'board', 'quadrant', 'heading', 'text', 'group', 'author', 'status',
  'sector', 'level', 'needs', 'interests', 'motivations', 'brings', 'influence', 'interest', 'estimates', 'dots',
  'success', 'baseline', 'target', 'method', 'collectedBy', 'frequency', 'reportTo',
  'category', 'need', 'partner', 'form', 'amount', 'unit', 'due', 'likelihood', 'impact', 'mitigation', 'owner',
  'meeting', 'mean', 'spread', 'count',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

/** A note's row on board `board`; `extra` fills the columns of its kind of board. */
export const noteRow = (n: NoteEntry, board: string, t: Labels, extra: CsvRow = {}): CsvRow => ({
  kind: t('export.csv.kind.note'), board, text: n.text, group: groupLabel(n.author.group, t),
  author: n.author.name ?? '', dots: n.dots === undefined ? '' : String(n.dots), ...extra,
});
