import { csvRowsOf } from './board-sections';
import { CSV_COLUMNS, type CsvColumn } from './csv-row';
import type { Labels } from './labels';
import type { SummaryModel } from './summary-model';

/* One sheet of every note, ground-rule proposal and stakeholder, for people who sort and count
 * in a spreadsheet. Each kind of board gives its own rows (./board-sections). */

/** Spreadsheets run a cell that starts with one of these as a formula (a "CSV injection"); a
 *  leading apostrophe makes them show it as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 wants it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function header(t: Labels): string[] {
  const words: Record<CsvColumn, string> = {
    kind: t('export.csv.kind'), board: t('export.csv.board'), quadrant: t('export.csv.quadrant'),
    heading: t('export.csv.heading'), text: t('export.csv.text'), group: t('export.csv.group'),
    author: t('export.csv.author'), status: t('export.csv.status'), sector: t('stakeholders.sector'),
    level: t('stakeholders.level'), needs: t('stakeholders.needs'), interests: t('stakeholders.interests'),
    motivations: t('stakeholders.motivations'), brings: t('stakeholders.brings'),
    influence: t('export.csv.influence'), interest: t('export.csv.interest'), estimates: t('export.estimates'),
    dots: t('export.csv.dots'),
    success: t('indicators.field.success'), baseline: t('indicators.field.baseline'), target: t('indicators.field.target'),
    method: t('indicators.field.method'), collectedBy: t('indicators.field.collectedBy'),
    frequency: t('indicators.field.frequency'), reportTo: t('indicators.field.reportTo'),
    category: t('export.csv.category'), need: t('export.csv.kind.need'), partner: t('export.csv.partner'),
    form: t('export.csv.form'), amount: t('export.csv.amount'), unit: t('export.csv.unit'), due: t('export.csv.due'),
    likelihood: t('export.csv.likelihood'), impact: t('export.csv.impact'), mitigation: t('export.csv.mitigation'),
    owner: t('export.csv.owner'),
    meeting: t('export.csv.meeting'), mean: t('export.csv.mean'), spread: t('export.csv.spread'), count: t('export.csv.count'),
  };
  return CSV_COLUMNS.map((c) => words[c]);
}

/** The workshop's notes, proposals and stakeholders as CSV: UTF-8 with a byte-order mark (or
 *  spreadsheets guess a legacy encoding and garble Khmer), CRLF line ends, RFC 4180 quoting.
 *  The model's options chose boards and names, as for the summary. */
export function toCsv(model: SummaryModel, t: Labels): string {
  const rows = model.sections.flatMap((s) => csvRowsOf(s, t));
  const lines = [header(t), ...rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? ''))];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
