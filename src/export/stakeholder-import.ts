import { ENGAGEMENT_LEVELS, SECTORS, type BatchRelationship, type StakeholderFields } from '../core/stakeholders';
import { checkText } from '../core/text';
import { parseCsv } from './csv-parse';
import type { Labels } from './labels';

/* Stakeholders (and relationships between them) from spreadsheets saved as CSV, checked row by
 * row before anything is written. Columns are found by their headings, in any order and in any
 * language the app speaks, so the app's own CSV export reads back in. */

const DETAILS = ['needs', 'interests', 'motivations', 'brings'] as const;
type Column = 'name' | 'sector' | 'level' | (typeof DETAILS)[number] | 'kind' | 'from' | 'to' | 'label';

export type RowProblem =
  | { problem: 'empty-name' }
  | { problem: 'duplicate-name'; value: string }
  | { problem: 'unknown-sector'; value: string }
  | { problem: 'unknown-level'; value: string }
  | { problem: 'too-long'; column: 'name' | 'label' | (typeof DETAILS)[number] }
  | { problem: 'unknown-stakeholder'; value: string }
  | { problem: 'same-stakeholder'; value: string };

/** A row that cannot be imported, by its number in the spreadsheet (the header is row 1). */
export interface RowError {
  file: string;
  row: number;
  problems: RowProblem[];
}

export interface StakeholderImport {
  stakeholders: (Partial<StakeholderFields> & { name: string })[];
  relationships: BatchRelationship[];
  errors: RowError[];
  /** Files with neither a name column nor From and To columns. */
  unreadable: string[];
}

/** Spreadsheets run a cell starting with one of these as a formula; the app's CSV export puts an
 *  apostrophe before it, which comes off again here. Any other cell is kept exactly as text. */
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;
const cellText = (cell: string | undefined): string => (cell && ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell ?? '').trim();
/** How names and labels compare: Unicode's default case folding, the same on every device. */
const normal = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** Every word a column or a value may be written as: ids, and the labels in each language. */
function vocabulary(languages: readonly Labels[]) {
  const words = <T extends string>(pairs: [T, string[]][]) => {
    const map = new Map<string, T>();
    for (const [value, labels] of pairs) for (const w of labels) map.set(normal(w), value);
    return map;
  };
  const each = (say: (t: Labels) => string) => languages.map(say);
  return {
    columns: words<Column>([
      ['name', ['name', ...each((t) => t('stakeholders.name')), ...each((t) => t('export.csv.text'))]],
      ['sector', ['sector', ...each((t) => t('stakeholders.sector'))]],
      ['level', ['level', 'engagement', ...each((t) => t('stakeholders.level'))]],
      ...DETAILS.map((d): [Column, string[]] => [d, [d, ...each((t) => t(`stakeholders.${d}`))]]),
      ['kind', each((t) => t('export.csv.kind'))],
      ['from', ['from', ...each((t) => t('stakeholders.relationship.from'))]],
      ['to', ['to', ...each((t) => t('stakeholders.relationship.to'))]],
      ['label', ['label', ...each((t) => t('export.relationship'))]],
    ]),
    sectors: words(SECTORS.map((s) => [s, [s, ...each((t) => t(`sector.${s}`))]])),
    levels: words(ENGAGEMENT_LEVELS.map((l) => [l, [l, ...each((t) => t(`level.${l}`))]])),
    stakeholderKind: new Set(each((t) => normal(t('export.csv.kind.stakeholder')))),
  };
}

type Vocabulary = ReturnType<typeof vocabulary>;

/** Reads files into one import. `existing` names the stakeholders already on the board (name to
 *  id): a name in the files may not repeat one, and a relationship may point to one. */
export function readStakeholderCsv(
  files: readonly { name: string; text: string }[], languages: readonly Labels[], existing: ReadonlyMap<string, string>,
): StakeholderImport {
  const words = vocabulary(languages);
  const result: StakeholderImport = { stakeholders: [], relationships: [], errors: [], unreadable: [] };
  const taken = new Map<string, number | string>([...existing].map(([name, id]) => [normal(name), id]));
  const sheets = files.map((file) => ({ file: file.name, rows: parseCsv(file.text) }))
    .map(({ file, rows }) => ({ file, header: columnsOf(rows[0] ?? [], words), rows: rows.slice(1) }));
  // Stakeholders first, so a relationship file may name stakeholders of any file.
  for (const { file, header, rows } of sheets) {
    if (header.has('name')) readStakeholders(file, header, rows, words, taken, result);
    else if (!(header.has('from') && header.has('to'))) result.unreadable.push(file);
  }
  for (const { file, header, rows } of sheets) {
    if (!header.has('name') && header.has('from') && header.has('to')) readRelationships(file, header, rows, taken, result);
  }
  return result;
}

function columnsOf(header: readonly string[], words: Vocabulary): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.forEach((heading, i) => {
    const column = words.columns.get(normal(heading));
    if (column && !columns.has(column)) columns.set(column, i);
  });
  return columns;
}

function readStakeholders(
  file: string, header: Map<Column, number>, rows: string[][], words: Vocabulary,
  taken: Map<string, number | string>, result: StakeholderImport,
): void {
  rows.forEach((cells, i) => {
    const cell = (column: Column) => cellText(header.has(column) ? cells[header.get(column)!] : '');
    // The app's own CSV holds notes and proposals too: only its stakeholder rows are read.
    if (header.has('kind') && !words.stakeholderKind.has(normal(cell('kind')))) return;
    const problems: RowProblem[] = [];
    const fields: Partial<StakeholderFields> & { name: string } = { name: cell('name') };
    const name = checkText(fields.name, 'stakeholderName');
    if (!name.ok) problems.push(name.error === 'empty' ? { problem: 'empty-name' } : { problem: 'too-long', column: 'name' });
    else if (taken.has(normal(name.value))) problems.push({ problem: 'duplicate-name', value: name.value });
    const sector = cell('sector');
    if (sector) {
      const known = words.sectors.get(normal(sector));
      if (known) fields.sector = known;
      else problems.push({ problem: 'unknown-sector', value: sector });
    }
    const level = cell('level');
    if (level) {
      const known = words.levels.get(normal(level));
      if (known) fields.level = known;
      else problems.push({ problem: 'unknown-level', value: level });
    }
    for (const d of DETAILS) {
      const text = checkText(cell(d), 'stakeholderDetail', { multiline: true, optional: true });
      if (text.ok) fields[d] = text.value;
      else problems.push({ problem: 'too-long', column: d });
    }
    if (problems.length > 0) {
      result.errors.push({ file, row: i + 2, problems });
      return;
    }
    taken.set(normal(fields.name), result.stakeholders.length);
    result.stakeholders.push(fields);
  });
}

function readRelationships(
  file: string, header: Map<Column, number>, rows: string[][], taken: Map<string, number | string>, result: StakeholderImport,
): void {
  rows.forEach((cells, i) => {
    const cell = (column: Column) => cellText(header.has(column) ? cells[header.get(column)!] : '');
    const problems: RowProblem[] = [];
    const [from, to] = [cell('from'), cell('to')];
    for (const end of [from, to]) if (!taken.has(normal(end))) problems.push({ problem: 'unknown-stakeholder', value: end });
    if (problems.length === 0 && normal(from) === normal(to)) problems.push({ problem: 'same-stakeholder', value: from });
    const label = checkText(cell('label'), 'relationship', { optional: true });
    if (!label.ok) problems.push({ problem: 'too-long', column: 'label' });
    if (problems.length > 0 || !label.ok) {
      result.errors.push({ file, row: i + 2, problems });
      return;
    }
    result.relationships.push({ from: taken.get(normal(from))!, to: taken.get(normal(to))!, label: label.value });
  });
}
