import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/export/csv';
import { escapeHtml } from '../../../src/export/escape-html';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { seriesPart } from '../../../src/export/series-part';
import { SERIES_REPORT_FORMATS, seriesReportModel, toSeriesHtml, toSeriesMarkdown } from '../../../src/export/series-report';
import { summaryModel } from '../../../src/export/summary-model';
import { CORPUS, expectGolden, fixtureWorkshop, parseCsv, t } from './helpers';
import { fixtureSeries, hostileSeries, M1, M2 } from './series-fixture';

const report = () => seriesReportModel(fixtureSeries(), new Map([[M1, fixtureWorkshop().doc]]));

describe('series report', () => {
  it('matches the golden HTML and Markdown', () => {
    expectGolden('series-report.html', toSeriesHtml(report(), t));
    expectGolden('series-report.md', toSeriesMarkdown(report(), t));
  });

  it('lists both meetings, attendance by group where held, each action with its history, and each parked item’s fate', () => {
    const model = report();
    expect(model.meetings.map((m) => [m.title, m.held])).toEqual([['Health TWG strategic meeting', true], ['Follow-up meeting', false]]);
    expect(model.meetings[0]!.attendance).toEqual([{ group: 'Development Partners', people: 1 }, { group: 'Government', people: 2 }]);
    expect(model.actions[0]!.history.map((c) => [c.status, c.meeting]))
      .toEqual([['open', 'Health TWG strategic meeting'], ['in-progress', 'Follow-up meeting']]);
    expect(model.parked.map((p) => p.scheduledIn)).toEqual(['Follow-up meeting', null]);
    expect(Object.keys(SERIES_REPORT_FORMATS)).toEqual(['html', 'markdown']);
  });
});

describe('session summary of a meeting in a series', () => {
  it('gains actions by owner, decisions and parked items (golden)', () => {
    const { doc, root } = fixtureWorkshop();
    const series = seriesPart(fixtureSeries(), M2);
    expectGolden('summary-series.md', toMarkdown(summaryModel(doc, { root, series }), t));
    expectGolden('summary-series.html', toHtml(summaryModel(doc, { root, series }), t));
  });

  it('lists only the meeting’s own decisions and parked items, and the actions it made, changed or carries', () => {
    const part = seriesPart(fixtureSeries(), M1);
    expect(part.decisions.map((d) => d.text)).toEqual(['The TWG meets every quarter']);
    expect(part.parked.map((p) => p.text)).toEqual(['Pooled funding']);
    expect(part.actions.flatMap((g) => g.items.map((a) => a.text))).toHaveLength(3);
  });
});

const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'div', 'h1', 'h2', 'h3', 'h4', 'thead', 'tbody',
  'p', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'span', 'strong', 'br', 'table', 'tr', 'th', 'td', 'svg', 'rect', 'line', 'circle', 'text', 'g']);

function onlyOwnTags(html: string): void {
  expect(html).not.toMatch(/<script/i);
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)];
  expect(tags.map((m) => m[1]!.toLowerCase()).filter((name) => !TAGS.has(name))).toEqual([]);
  expect(tags.map((m) => m[0]).filter((tag) => /\s(on\w+|href|src|srcdoc|action)\s*=/i.test(tag))).toEqual([]);
  for (const text of CORPUS) expect(html).toContain(escapeHtml(text));
}

function noMarkdownFromUsers(md: string): void {
  expect(md.replace(/<br>/g, '')).not.toContain('<');
  expect(md).not.toMatch(/(?<!\\)\]\(/);
  expect(md).not.toMatch(/(?<!\\)`/);
  for (const line of md.split('\n')) expect(line.trimStart()).not.toMatch(/^(# heading|\| pipes|1\. not|- not a list either|> not)/);
}

describe('series fields written with hostile text', () => {
  const model = seriesReportModel(hostileSeries(), new Map());

  it('stay text in the series report', () => {
    onlyOwnTags(toSeriesHtml(model, t));
    noMarkdownFromUsers(toSeriesMarkdown(model, t));
  });

  it('stay text in the session summary and its CSV', () => {
    const { doc, root } = fixtureWorkshop();
    const summary = summaryModel(doc, { root, series: seriesPart(hostileSeries(), 'meeting3') });
    onlyOwnTags(toHtml(summary, t));
    noMarkdownFromUsers(toMarkdown(summary, t));
    const rows = parseCsv(toCsv(summary, t));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows.map((r) => r[4])).toContain("'=cmd|' /C calc'!A0");
  });
});
