import type { Cell, HealthResults, StatementResult } from '../../core/health/results';
import { aspectTrends, sharedResults, trendPoints, type AspectTrend, type HealthRun } from '../../core/health/runs';
import { bold, cell as textCell, heading, italic, paragraph, type Block } from '../blocks';
import type { CsvRow } from '../csv-row';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import type { Labels } from '../labels';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';
import { htmlTable, markdownTable } from '../tables';

/* A health check in the summary: the results the facilitator shared (never the sheets, which
 * the export cannot open either), the weakest statements under Where to improve with their
 * aspect's prompt, each aspect's trend over the series' earlier runs as a small chart, and one
 * CSV row per statement, run and group. */

export interface HealthSection extends SectionBase {
  kind: 'health';
  /** Null until a facilitator shares the results. */
  run: HealthRun | null;
  /** The earlier runs it is compared with, oldest first. */
  earlier: HealthRun[];
}

const fixed = (n: number) => n.toFixed(1);

/** "3.4 ±1.1 (6)", or the under-three words. */
export const cellText = (c: Cell, t: Labels): string =>
  c.mean === null ? t('health.results.tooFew') : `${fixed(c.mean)} ±${fixed(c.spread!)} (${c.count})`;

const runLabel = (run: HealthRun) => [run.title, run.startsAt].filter(Boolean).join(' · ');

const changeWord = (trend: AspectTrend, t: Labels) => (trend.change ? t(`health.trend.${trend.change}`) : '');

function statementRows(r: HealthResults, t: Labels) {
  return {
    head: [t('export.csv.text'), t('health.results.everyone'), ...r.groups.map((g) => g.name), ''],
    rows: r.statements.map((s) => [
      s.text, cellText(s.all, t), ...s.groups.map((c) => cellText(c, t)), s.differ ? t('health.results.groupsDiffer') : '',
    ]),
  };
}

function aspectRows(r: HealthResults, t: Labels) {
  return {
    head: [t('health.results.byAspect'), t('health.results.everyone'), ...r.groups.map((g) => g.name)],
    rows: r.aspects.map((a) => [t(`health.aspect.${a.aspect}`), cellText(a.all, t), ...a.groups.map((c) => cellText(c, t))]),
  };
}

const weakest = (r: HealthResults): StatementResult[] => r.improve.flatMap((id) => r.statements.filter((s) => s.id === id));
const improveLine = (s: StatementResult, t: Labels) => `${s.text} (${fixed(s.all.mean!)}): ${t(`health.prompt.${s.aspect}`)}`;
const trendsOf = (s: HealthSection) => (s.run && s.earlier.length > 0 ? aspectTrends([...s.earlier, s.run]) : []);
const meansText = (trend: AspectTrend) => trend.means.map((m) => (m === null ? '–' : fixed(m))).join(' → ');

const W = 160;
const H = 48;

/** An aspect's means per run as a line; the points are numbers, the label escaped. */
function trendSvg(trend: AspectTrend, t: Labels): string {
  const points = trendPoints(trend.means, W, H).filter((p) => p !== null);
  const label = t('health.trend.label', { aspect: t(`health.aspect.${trend.aspect}`), means: meansText(trend) });
  const colour = trend.change === 'declined' ? '#b3261e' : trend.change === 'improved' ? '#1b7f3b' : '#555';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}">`
    + `<rect x="0" y="0" width="${W}" height="${H}" fill="none" stroke="#ccc"/>`
    + points.slice(1).map((p, i) => `<line x1="${points[i]!.x}" y1="${points[i]!.y}" x2="${p.x}" y2="${p.y}" stroke="${colour}" stroke-width="2"/>`).join('')
    + points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="3" fill="${colour}"/>`).join('')
    + '</svg>';
}

function html(s: HealthSection, t: Labels): string {
  const r = s.run?.results;
  if (!r) return `<p class="empty">${h(t('health.results.notShared'))}</p>`;
  const improve = weakest(r);
  const trends = trendsOf(s);
  const parts = [
    `<p class="by">${h(t('health.results.answered', { count: r.answered }))}</p>`,
    `<h3>${h(t('health.results.improve'))}</h3>`,
    improve.length === 0 ? `<p class="empty">${h(t('health.results.improve.none'))}</p>`
      : `<ol>${improve.map((x) => `<li><span class="note">${h(x.text)}</span> (${fixed(x.all.mean!)}) <span class="by">${h(t(`health.prompt.${x.aspect}`))}</span></li>`).join('')}</ol>`,
  ];
  if (trends.length > 0) {
    parts.push(`<h3>${h(t('health.trend'))}</h3>`, `<p class="by">${h([...s.earlier, s.run!].map(runLabel).join(' → '))}</p>`,
      `<ul>${trends.map((x) => `<li>${trendSvg(x, t)} <span class="note">${h(t(`health.aspect.${x.aspect}`))}</span> ${h(meansText(x))} <strong>${h(changeWord(x, t))}</strong></li>`).join('')}</ul>`);
  }
  const aspects = aspectRows(r, t);
  const statements = statementRows(r, t);
  parts.push(`<h3>${h(t('health.results.byAspect'))}</h3>`, htmlTable(aspects.head, aspects.rows),
    `<h3>${h(t('health.results.byStatement'))}</h3>`, `<p class="by">${h(t('health.results.legend'))}</p>`, htmlTable(statements.head, statements.rows));
  const commented = r.statements.filter((x) => x.comments.length > 0);
  if (commented.length > 0) {
    parts.push(`<h3>${h(t('health.results.comments'))}</h3>`,
      commented.map((x) => `<h4>${h(x.text)}</h4><ul>${x.comments.map((c) => `<li><span class="note">${h(c)}</span></li>`).join('')}</ul>`).join(''));
  }
  return parts.join('');
}

function markdown(s: HealthSection, t: Labels): string[] {
  const r = s.run?.results;
  if (!r) return [`*${md(t('health.results.notShared'))}*`];
  const improve = weakest(r);
  const trends = trendsOf(s);
  const aspects = aspectRows(r, t);
  const statements = statementRows(r, t);
  const commented = r.statements.filter((x) => x.comments.length > 0);
  return [
    `*${md(t('health.results.answered', { count: r.answered }))}*`, '',
    `#### ${md(t('health.results.improve'))}`, '',
    ...(improve.length === 0 ? [`*${md(t('health.results.improve.none'))}*`] : improve.map((x, i) => `${i + 1}. **${md(x.text)}** (${fixed(x.all.mean!)}): ${md(t(`health.prompt.${x.aspect}`))}`)),
    ...(trends.length === 0 ? [] : ['', `#### ${md(t('health.trend'))}`, '', `*${md([...s.earlier, s.run!].map(runLabel).join(' → '))}*`, '',
      ...trends.map((x) => `- ${md(t(`health.aspect.${x.aspect}`))}: ${md(meansText(x))}${x.change ? ` **${md(changeWord(x, t))}**` : ''}`)]),
    '', `#### ${md(t('health.results.byAspect'))}`, '', ...markdownTable(aspects.head, aspects.rows),
    '', `#### ${md(t('health.results.byStatement'))}`, '', `*${md(t('health.results.legend'))}*`, '', ...markdownTable(statements.head, statements.rows),
    ...(commented.length === 0 ? [] : ['', `#### ${md(t('health.results.comments'))}`, '',
      ...commented.flatMap((x) => [`- **${md(x.text)}**`, ...x.comments.map((c) => `  - ${md(c)}`)])]),
  ];
}

function blocks(s: HealthSection, t: Labels): Block[] {
  const r = s.run?.results;
  if (!r) return [paragraph(italic(t('health.results.notShared')))];
  const improve = weakest(r);
  const trends = trendsOf(s);
  const table = ({ head, rows }: { head: string[]; rows: string[][] }): Block => ({ type: 'table', header: head, rows: rows.map((row) => row.map(textCell)) });
  return [
    paragraph(italic(t('health.results.answered', { count: r.answered }))),
    heading(4, t('health.results.improve')),
    improve.length === 0 ? paragraph(italic(t('health.results.improve.none')))
      : { type: 'list', ordered: true, items: improve.map((x) => [bold(x.text), ` (${fixed(x.all.mean!)}): ${t(`health.prompt.${x.aspect}`)}`]) },
    ...(trends.length === 0 ? [] : [heading(4, t('health.trend')), table({
      head: [t('health.results.byAspect'), ...[...s.earlier, s.run!].map(runLabel), ''],
      rows: trends.map((x) => [t(`health.aspect.${x.aspect}`), ...x.means.map((m) => (m === null ? '–' : fixed(m))), changeWord(x, t)]),
    })]),
    heading(4, t('health.results.byAspect')), table(aspectRows(r, t)),
    heading(4, t('health.results.byStatement')), paragraph(italic(t('health.results.legend'))), table(statementRows(r, t)),
    ...r.statements.filter((x) => x.comments.length > 0).flatMap((x): Block[] => [
      heading(4, `${t('health.results.comments')}: ${x.text}`), { type: 'list', ordered: false, items: x.comments.map((c) => [c]) },
    ]),
  ];
}

/** One row per statement, run and group (Everyone first); a cell under three answers gives no figures. */
function csvRows(s: HealthSection, t: Labels): CsvRow[] {
  const runs = s.run ? [...s.earlier, s.run] : [];
  return runs.flatMap((run) => run.results.statements.flatMap((x) =>
    [[t('health.results.everyone'), x.all] as const, ...run.results.groups.map((g, i) => [g.name, x.groups[i]!] as const)].map(([group, c]): CsvRow => ({
      kind: t('export.csv.kind.health'), board: s.title, heading: t(`health.aspect.${x.aspect}`), text: x.text, group, meeting: runLabel(run),
      ...(c.mean === null ? { status: t('health.results.tooFew') } : { mean: fixed(c.mean), spread: fixed(c.spread!), count: String(c.count) }),
    }))));
}

export const healthSection: SectionKind<HealthSection> = {
  section: ({ doc, board }) => {
    const shared = sharedResults(doc, board.id);
    return { title: board.title, prompt: board.prompt, kind: 'health', run: shared?.run ?? null, earlier: shared?.earlier ?? [] };
  },
  csvRows,
  html,
  markdown,
  blocks,
};
