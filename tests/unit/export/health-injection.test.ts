import { describe, expect, it } from 'vitest';
import { grantFacilitator } from '../../../src/core/facilitation/roles';
import { facilitatorId, newFacilitatorKeys, newSealingKeys } from '../../../src/core/facilitation/keys';
import { addGroup, listGroups } from '../../../src/core/groups';
import { healthResults } from '../../../src/core/health/results';
import { shareResults } from '../../../src/core/health/runs';
import { answer, openSheets, type Rating } from '../../../src/core/health/sheets';
import { addStatements, listStatements } from '../../../src/core/health/statements';
import { createBoard } from '../../../src/core/boards';
import { blocksOf } from '../../../src/export/board-sections';
import { toCsv } from '../../../src/export/csv';
import { escapeHtml } from '../../../src/export/escape-html';
import { escapeMarkdown } from '../../../src/export/escape-markdown';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryModel } from '../../../src/export/summary-model';
import { newWorkshop, unwrap } from '../core/helpers';
import { CORPUS, markdownTableCells, parseCsv, t } from './helpers';

/** A health check whose statements, comments, group names and meeting title are all corpus
 *  strings, answered by three phones of one group, its results shared with an earlier run. */
function hostileHealth() {
  const keys = newFacilitatorKeys();
  const root = facilitatorId(keys);
  const doc = newWorkshop(CORPUS[0]!, 'p0');
  unwrap(grantFacilitator(doc, { root, keys }, root, { participantId: 'p0', name: 'F' }, 'setup'));
  const board = unwrap(createBoard(doc, { type: 'health', title: 'Health' }, 'setup'));
  const group = unwrap(addGroup(doc, CORPUS[1]!.slice(0, 60), 'setup'));
  unwrap(addStatements(doc, board, CORPUS.map((text) => ({ aspect: 'value', text })), 'setup'));
  const statements = listStatements(doc, board);
  for (let phone = 0; phone < 3; phone++) {
    const changes = Object.fromEntries(statements.map((s, i) => [s.id, { rating: (((i + phone) % 5) + 1) as Rating, comment: CORPUS[i]! }]));
    unwrap(answer(doc, root, board, { group, changes }, newSealingKeys(), 'setup'));
  }
  const results = healthResults(statements, openSheets(doc, board, keys.sealing.secret), listGroups(doc));
  const run = { meeting: 'now', board, title: CORPUS[2]!, startsAt: '', at: 2, results };
  unwrap(shareResults(doc, board, run, [{ ...run, meeting: 'before', title: CORPUS[3]!, at: 1 }], 'setup'));
  return summaryModel(doc, { root });
}

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'h1', 'h2', 'h3', 'h4',
  'p', 'ul', 'ol', 'li', 'span', 'strong', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'line', 'circle',
]);

describe('a health check with hostile statements and comments', () => {
  const model = hostileHealth();

  it('HTML: only the renderer\'s own tags, no handlers or links, every string shown as text', () => {
    const html = toHtml(model, t);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)];
    expect(tags.map((m) => m[1]!.toLowerCase()).filter((name) => !TAGS.has(name))).toEqual([]);
    expect(tags.map((m) => m[0]).filter((tag) => /\son\w+\s*=|\s(href|src|srcdoc|action)\s*=/i.test(tag))).toEqual([]);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 48"');
    for (const text of CORPUS) expect(html).toContain(escapeHtml(text));
  });

  it('Markdown: no raw HTML or links from user text; every table row keeps its columns', () => {
    const md = toMarkdown(model, t);
    expect(md.replace(/<br>/g, '')).not.toContain('<');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    for (const text of CORPUS) expect(md).toContain(escapeMarkdown(text));
    const tables = markdownTableCells(md);
    expect(tables.length).toBe(2);
    for (const cells of tables) expect(new Set(cells).size, cells.join(' ')).toBe(1);
  });

  it('CSV: every would-be formula neutralised; Word blocks hold the strings as plain text', () => {
    const rows = parseCsv(toCsv(model, t));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows.filter((r) => r[0] === 'Health-check statement')).toHaveLength(2 * CORPUS.length * 2);
    const section = model.sections.find((s) => s.kind === 'health')!;
    const words = JSON.stringify(blocksOf(section, t));
    for (const text of CORPUS) expect(words).toContain(JSON.stringify(text).slice(1, -1));
  });
});
