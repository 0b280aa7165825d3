import { calendarDay } from '../../core/message-params';
import {
  commitmentGrid, commitmentsByPartner, gapsByCategory, isBuiltInCategory, type Category, type NeedGap, type Pledge, type PledgeForm, type UnitTotal,
} from '../../core/resources';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import type { CsvRow } from '../csv-row';
import type { Labels } from '../labels';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';
import { htmlTable, markdownTable } from '../tables';

/* Resources and commitments in the summary: the needs × partners grid (what the agreement's
 * "resources and commitments" section prints), then needed against pledged by category and
 * what each partner pledged. Ids and authors stay out: partners are named, people are not. */

export interface PledgeEntry {
  what: string;
  form: PledgeForm;
  amount: number | null;
  unit: string;
  by: string;
}

export interface NeedEntry {
  title: string;
  category: Category;
  amount: number | null;
  unit: string;
  detail: string;
  status: NeedGap['status'];
  pledged: number;
  gap: number | null;
  otherUnits: UnitTotal[];
  /** One list per partner, in the order of `partners`. */
  cells: PledgeEntry[][];
}

export interface ResourcesSection extends SectionBase {
  kind: 'resources';
  /** Partner groups, then outside sources. */
  partners: { name: string; inside: boolean }[];
  needs: NeedEntry[];
  byCategory: { category: Category; needs: number; open: number; totals: { unit: string; needed: number; pledged: number; gap: number }[] }[];
  byPartner: { name: string; inside: boolean; pledges: number; needs: number; cash: UnitTotal[]; inKind: UnitTotal[] }[];
}

const pledgeEntry = (p: Pledge): PledgeEntry => ({ what: p.what, form: p.form, amount: p.amount, unit: p.unit, by: p.by });

/** Words a screen and an export share for a category: the interface's for a built-in one. */
export const categoryLabel = (c: Category, t: Labels): string =>
  isBuiltInCategory(c.id) ? t(`resources.category.${c.id}`) : c.name || t('resources.category.unknown');

/** "12 person-months"; an amount without a unit is just the number. */
export const quantity = (amount: number, unit: string, t: Labels): string =>
  t('resources.quantity', { amount, unit }).trim();

const totalsLabel = (totals: readonly UnitTotal[], t: Labels) => totals.map((u) => quantity(u.amount, u.unit, t)).join('; ');

/** "Two statisticians — 4 person-months, in kind, by 2026-03-31". */
export function pledgeLabel(p: PledgeEntry, t: Labels): string {
  const facts = [
    ...(p.amount === null ? [] : [quantity(p.amount, p.unit, t)]),
    t(`resources.form.${p.form}`),
    ...(p.by ? [t('resources.pledge.byDate', { date: calendarDay(p.by) })] : []),
  ];
  return `${p.what} — ${facts.join(', ')}`;
}

/** A need's row header: its title, what is needed, and where it stands. */
function needLabel(n: NeedEntry, t: Labels): string {
  const lines = [n.title, ...(n.detail ? [n.detail] : []), `${categoryLabel(n.category, t)} · ${t(`resources.status.${n.status}`)}`];
  if (n.amount !== null) lines.push(t('resources.needed', { quantity: quantity(n.amount, n.unit, t) }));
  if (n.gap) lines.push(t('resources.gap', { quantity: quantity(n.gap, n.unit, t) }));
  if (n.otherUnits.length > 0) lines.push(t('resources.otherUnits', { list: totalsLabel(n.otherUnits, t) }));
  return lines.join('\n');
}

const partnerHead = (p: ResourcesSection['partners'][number], t: Labels) =>
  p.inside ? p.name || t('resources.partner.unknown') : `${p.name} (${t('resources.pledge.outsideMark')})`;

/** The tables of the section as plain-text cells, shared by HTML and Markdown. */
function tables(s: ResourcesSection, t: Labels) {
  return {
    grid: {
      head: [t('resources.grid.need'), ...s.partners.map((p) => partnerHead(p, t))],
      rows: s.needs.map((n) => [needLabel(n, t), ...n.cells.map((cell) => cell.map((p) => pledgeLabel(p, t)).join('\n') || '—')]),
    },
    byCategory: {
      head: [t('resources.category'), t('resources.gaps.needs'), t('resources.gaps.open'), t('resources.gaps.needed'),
        t('resources.gaps.pledged'), t('resources.gaps.missing')],
      rows: s.byCategory.map((c) => [
        categoryLabel(c.category, t), String(c.needs), String(c.open),
        ...(['needed', 'pledged', 'gap'] as const).map((k) => c.totals.map((u) => quantity(u[k], u.unit, t)).join('\n') || '—'),
      ]),
    },
    byPartner: {
      head: [t('resources.pledge.partner'), t('resources.gaps.pledges'), t('resources.gaps.needs'), t('resources.gaps.cash'), t('resources.gaps.inKind')],
      rows: s.byPartner.map((p) => [
        partnerHead(p, t), String(p.pledges), String(p.needs), totalsLabel(p.cash, t) || '—', totalsLabel(p.inKind, t) || '—',
      ]),
    },
  };
}

function html(s: ResourcesSection, t: Labels): string {
  if (s.needs.length === 0) return `<p class="empty">${h(t('export.empty'))}</p>`;
  const { grid, byCategory, byPartner } = tables(s, t);
  return [
    `<h3>${h(t('export.resources.grid'))}</h3>`, htmlTable(grid.head, grid.rows, 'grid'),
    `<h3>${h(t('export.resources.byCategory'))}</h3>`, htmlTable(byCategory.head, byCategory.rows),
    `<h3>${h(t('export.resources.byPartner'))}</h3>`, htmlTable(byPartner.head, byPartner.rows),
  ].join('');
}

function markdown(s: ResourcesSection, t: Labels): string[] {
  if (s.needs.length === 0) return [`*${md(t('export.empty'))}*`];
  const { grid, byCategory, byPartner } = tables(s, t);
  return [
    `#### ${md(t('export.resources.grid'))}`, '', ...markdownTable(grid.head, grid.rows),
    '', `#### ${md(t('export.resources.byCategory'))}`, '', ...markdownTable(byCategory.head, byCategory.rows),
    '', `#### ${md(t('export.resources.byPartner'))}`, '', ...markdownTable(byPartner.head, byPartner.rows),
  ];
}

function csvRows(s: ResourcesSection, t: Labels): CsvRow[] {
  const num = (n: number | null) => (n === null ? '' : String(n));
  return s.needs.flatMap((n) => [
    {
      kind: t('export.csv.kind.need'), board: s.title, text: n.title, category: categoryLabel(n.category, t),
      status: t(`resources.status.${n.status}`), amount: num(n.amount), unit: n.unit,
    },
    ...n.cells.flatMap((cell, i) => cell.map((p) => ({
      kind: t('export.csv.kind.pledge'), board: s.title, text: p.what, category: categoryLabel(n.category, t), need: n.title,
      partner: partnerHead(s.partners[i]!, t), form: t(`resources.form.${p.form}`), amount: num(p.amount), unit: p.unit, due: p.by,
    }))),
  ]);
}

export const resourcesSection: SectionKind<ResourcesSection> = {
  section({ doc, board }) {
    const grid = commitmentGrid(doc, board.id);
    const categories = new Map(gapsByCategory(doc, board.id).map((c) => [c.category.id, c.category]));
    return {
      title: board.title, prompt: board.prompt, kind: 'resources',
      partners: grid.partners.map((p) => ({ name: p.name, inside: p.inside })),
      needs: grid.needs.map((g, row) => ({
        title: g.need.title, category: categories.get(g.need.category)!, amount: g.need.amount, unit: g.need.unit,
        detail: g.need.detail, status: g.status, pledged: g.pledged, gap: g.gap, otherUnits: g.otherUnits,
        cells: grid.cells[row]!.map((cell) => cell.map(pledgeEntry)),
      })),
      byCategory: gapsByCategory(doc, board.id),
      byPartner: commitmentsByPartner(doc, board.id).map((c) => ({
        name: c.partner.name, inside: c.partner.inside, pledges: c.pledges.length, needs: c.needs, cash: c.cash, inKind: c.inKind,
      })),
    };
  },
  csvRows,
  html,
  markdown,
};
