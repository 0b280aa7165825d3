import { describe, expect, it } from 'vitest';
import { createBoard } from '../../../src/core/boards';
import { addRedLine, revealRedLines } from '../../../src/core/facilitation/red-lines';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../src/core/facilitation/roles';
import { addGroup } from '../../../src/core/groups';
import { addCategory, addNeed, addPledge } from '../../../src/core/resources';
import { addAssumption, addRisk, rateRisk } from '../../../src/core/risks';
import { toCsv } from '../../../src/export/csv';
import { escapeHtml } from '../../../src/export/escape-html';
import { escapeMarkdown } from '../../../src/export/escape-markdown';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryModel } from '../../../src/export/summary-model';
import { newWorkshop, unwrap } from '../core/helpers';
import { CORPUS, markdownTableCells, parseCsv, t } from './helpers';

/** The planning boards with every user-written field (need, unit, detail, own category, pledge,
 *  outside source, risk, mitigation, owner, assumption, red line and partner) a corpus string. */
function hostilePlanning() {
  const keys = newFacilitatorKeys();
  const root = facilitatorId(keys);
  const doc = newWorkshop('Planning', 'p0');
  unwrap(grantFacilitator(doc, { root, keys }, root, { participantId: 'p0', name: 'F' }, 'setup'));
  const resources = unwrap(createBoard(doc, { type: 'resources', title: 'Resources' }, 'setup'));
  const risks = unwrap(createBoard(doc, { type: 'risks', title: 'Risks' }, 'setup'));
  CORPUS.forEach((text, i) => {
    const group = unwrap(addGroup(doc, `${text} ${i}`, 'setup'));
    const category = unwrap(addCategory(doc, resources, `${text} ${i}`.slice(0, 60), 'setup'));
    const need = unwrap(addNeed(doc, resources, {
      title: text, category, amount: i, unit: text.slice(0, 30), detail: text, createdBy: 'p0',
    }, 'setup'));
    unwrap(addPledge(doc, resources, { need, partner: group, what: text, form: 'cash', amount: i, unit: text.slice(0, 30), createdBy: 'p0' }, 'setup'));
    unwrap(addPledge(doc, resources, { need, outside: text, what: text, form: 'in-kind', createdBy: 'p0' }, 'setup'));
    const risk = unwrap(addRisk(doc, risks, { text, mitigation: text, owner: text, createdBy: 'p0' }, 'setup'));
    unwrap(rateRisk(doc, risks, risk, 'p0', { likelihood: i / CORPUS.length, impact: 1 - i / CORPUS.length }, 'setup'));
    unwrap(addAssumption(doc, risks, { text, createdBy: 'p0' }, 'setup'));
    unwrap(addRedLine(doc, root, risks, { partner: group, text }, 'setup'));
  });
  unwrap(revealRedLines(doc, risks, keys.sealing.secret, 'setup'));
  return summaryModel(doc, { root });
}

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'h1', 'h2', 'h3', 'h4',
  'p', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'span', 'strong', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

describe('planning boards with hostile text', () => {
  const model = hostilePlanning();

  it('HTML: only the renderer\'s own tags, no handlers or links, every string shown as text', () => {
    const html = toHtml(model, t);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)];
    expect(tags.map((m) => m[1]!.toLowerCase()).filter((name) => !TAGS.has(name))).toEqual([]);
    expect(tags.map((m) => m[0]).filter((tag) => /\son\w+\s*=|\s(href|src|srcdoc|action)\s*=/i.test(tag))).toEqual([]);
    for (const text of CORPUS) expect(html).toContain(escapeHtml(text));
  });

  it('Markdown: no raw HTML, links or emphasis from user text; every table row keeps its columns', () => {
    const md = toMarkdown(model, t);
    expect(md.replace(/<br>/g, '')).not.toContain('<');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)`/);
    for (const line of md.split('\n')) expect(line).not.toMatch(/^(# heading|\| pipes|1\. not|- not|> not)/);
    for (const text of CORPUS) expect(md).toContain(escapeMarkdown(text));
    const tables = markdownTableCells(md);
    expect(tables.length).toBeGreaterThan(0);
    for (const cells of tables) expect(new Set(cells).size, cells.join(' ')).toBe(1);
  });

  it('CSV: every would-be formula neutralised', () => {
    const rows = parseCsv(toCsv(model, t));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows.filter((r) => r[0] === 'Red line').map((r) => r[4])).toContain("'=cmd|' /C calc'!A0");
  });
});
