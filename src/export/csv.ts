import type * as Y from 'yjs';
import { groupLabel } from './format';
import type { Labels } from './labels';
import { summaryModel, type BoardSection, type NoteEntry, type SummaryOptions } from './summary-model';

/* One sheet of every note, ground-rule proposal and stakeholder, for people who sort and count
 * in a spreadsheet. Columns that do not apply to a row stay empty. */

const COLUMNS = [
  'kind', 'board', 'quadrant', 'heading', 'text', 'group', 'author', 'status',
  'sector', 'level', 'needs', 'interests', 'motivations', 'brings', 'influence', 'interest', 'estimates', 'dots',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** Spreadsheets run a cell that starts with one of these as a formula (a "CSV injection"); a
 *  leading apostrophe makes them show it as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 wants it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function header(t: Labels): string[] {
  const words: Record<Column, string> = {
    kind: t('export.csv.kind'), board: t('export.csv.board'), quadrant: t('export.csv.quadrant'),
    heading: t('export.csv.heading'), text: t('export.csv.text'), group: t('export.csv.group'),
    author: t('export.csv.author'), status: t('export.csv.status'), sector: t('stakeholders.sector'),
    level: t('stakeholders.level'), needs: t('stakeholders.needs'), interests: t('stakeholders.interests'),
    motivations: t('stakeholders.motivations'), brings: t('stakeholders.brings'),
    influence: t('export.csv.influence'), interest: t('export.csv.interest'), estimates: t('export.estimates'),
    dots: t('export.csv.dots'),
  };
  return COLUMNS.map((c) => words[c]);
}

function rowsOf(section: BoardSection, t: Labels): Row[] {
  const board = section.title;
  const note = (n: NoteEntry, extra: Row = {}): Row => ({
    kind: t('export.csv.kind.note'), board, text: n.text, group: groupLabel(n.author.group, t),
    author: n.author.name ?? '', dots: n.dots === undefined ? '' : String(n.dots), ...extra,
  });
  switch (section.kind) {
    case 'swot':
      return section.quadrants.flatMap((q) => {
        const quadrant = t(`swot.${q.quadrant}`);
        return [
          ...q.headings.flatMap((hd) => hd.notes.map((n) => note(n, { quadrant, heading: hd.title }))),
          ...q.notes.map((n) => note(n, { quadrant })),
        ];
      });
    case 'notes':
      return section.notes.map((n) => note(n));
    case 'ground-rules':
      return section.proposals.map((p) => ({
        kind: t('export.csv.kind.proposal'), board, text: p.text, group: groupLabel(p.author.group, t),
        author: p.author.name ?? '', status: `${t(`rules.status.${p.status}`)}: ${t('rules.tally', p.tally)}`,
      }));
    case 'stakeholders':
      return section.stakeholders.map((s) => ({
        kind: t('export.csv.kind.stakeholder'), board, text: s.name, sector: t(`sector.${s.sector}`), level: t(`level.${s.level}`),
        needs: s.needs, interests: s.interests, motivations: s.motivations, brings: s.brings,
        // Plain numbers, so the sheet can sort and average them.
        influence: s.position ? String(Math.round(s.position.influence * 100)) : '',
        interest: s.position ? String(Math.round(s.position.interest * 100)) : '',
        estimates: String(s.estimates),
      }));
  }
}

/** The workshop's notes, proposals and stakeholders as CSV: UTF-8 with a byte-order mark (or
 *  spreadsheets guess a legacy encoding and garble Khmer), CRLF line ends, RFC 4180 quoting.
 *  `options` choose boards and names exactly as for the summary. */
export function toCsv(doc: Y.Doc, t: Labels, options: SummaryOptions = {}): string {
  const model = summaryModel(doc, options);
  const rows = model.sections.flatMap((s) => rowsOf(s, t));
  const lines = [header(t), ...rows.map((row) => COLUMNS.map((c) => row[c] ?? ''))];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
