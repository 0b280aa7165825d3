import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createBoard, updateBoard } from '../../../src/core/boards';
import { addProposal, respond } from '../../../src/core/ground-rules';
import { addGroup } from '../../../src/core/groups';
import { addItem } from '../../../src/core/items';
import { updateMeta } from '../../../src/core/meta';
import { upsertParticipant } from '../../../src/core/participants';
import { addRelationship, addStakeholder, placeStakeholder } from '../../../src/core/stakeholders';
import { addCluster, addNote } from '../../../src/core/swot';
import { addStep } from '../../../src/core/facilitation/agenda';
import type { Signer } from '../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../src/core/facilitation/roles';
import { castDot, closeVote, openVote } from '../../../src/core/facilitation/votes';
import { toCsv } from '../../../src/export/csv';
import { escapeHtml } from '../../../src/export/escape-html';
import { toHtml } from '../../../src/export/html';
import { escapeMarkdown } from '../../../src/export/escape-markdown';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryModel } from '../../../src/export/summary-model';
import { addIndicator, answerIndicator, INDICATOR_FIELDS } from '../../../src/core/indicators';
import { answerVersion, editVision, nameVersion } from '../../../src/core/vision';
import { newWorkshop, unwrap } from '../core/helpers';
import { CORPUS, parseCsv, t } from './helpers';


/** A workshop whose every user-written text is one of the corpus strings, with two agenda steps
 *  and a closed dot vote on every note of its notes board by two groups named with corpus strings. */
function hostileWorkshop(): { doc: Y.Doc; root: string } {
  const keys = newFacilitatorKeys();
  const facilitator: Signer = { root: facilitatorId(keys), keys };
  const doc = newWorkshop(CORPUS[0]!, 'p0');
  unwrap(grantFacilitator(doc, facilitator, facilitator.root, { participantId: 'p0', name: 'Facilitator' }, 'setup'));
  unwrap(updateMeta(doc, { place: CORPUS[1]!, purpose: CORPUS.join('\n') }, 'setup'));
  const groups = CORPUS.map((text, i) => unwrap(addGroup(doc, `${text} ${i}`, 'setup')));
  CORPUS.forEach((text, i) => unwrap(upsertParticipant(doc, { id: `p${i}`, name: text, group: groups[i]!, color: '#000000' }, 'setup')));
  const board = (type: 'swot' | 'notes' | 'stakeholders' | 'ground-rules' | 'vision' | 'indicators', i: number) => {
    const id = unwrap(createBoard(doc, { type, title: CORPUS[i]! }, 'setup'));
    unwrap(updateBoard(doc, id, { prompt: CORPUS[(i + 1) % CORPUS.length]! }, 'setup'));
    return id;
  };
  const swot = board('swot', 2);
  const notes = board('notes', 3);
  const map = board('stakeholders', 4);
  const rules = board('ground-rules', 5);
  const vision = board('vision', 7);
  const indicators = board('indicators', 8);
  unwrap(addStep(doc, facilitator, { boardId: swot, title: CORPUS[6]!, minutes: 10 }, 'setup'));
  unwrap(addStep(doc, facilitator, { boardId: notes, minutes: 20 }, 'setup'));
  unwrap(openVote(doc, facilitator, notes, CORPUS.length, 'setup'));
  CORPUS.forEach((text, i) => {
    const cluster = unwrap(addCluster(doc, swot, { title: text, quadrant: 'threats' }, 'setup'));
    unwrap(addNote(doc, swot, { text, createdBy: `p${i}`, group: groups[i]!, quadrant: 'threats', cluster }, 'setup'));
    unwrap(addNote(doc, swot, { text, createdBy: `p${i}`, group: groups[i]!, quadrant: 'strengths' }, 'setup'));
    const note = unwrap(addItem(doc, notes, { text, createdBy: `p${i}`, group: groups[i]! }, 'setup'));
    unwrap(castDot(doc, facilitator.root, notes, 'p0', note, 'setup'));
    if (i % 2 === 0) unwrap(castDot(doc, facilitator.root, notes, 'p1', note, 'setup'));
    const s = unwrap(addStakeholder(doc, map, { name: text, createdBy: `p${i}`, needs: text, interests: text, motivations: text, brings: text }, 'setup'));
    unwrap(placeStakeholder(doc, map, s, `p${i}`, { influence: i / CORPUS.length, interest: 1 - i / CORPUS.length }, 'setup'));
    const p = unwrap(addProposal(doc, rules, { text, proposedBy: `p${i}` }, 'setup'));
    unwrap(respond(doc, rules, p, `p${i}`, { answer: 'object', reason: text }, 'setup'));
    // Every field of an indicator, a version's name and text, and the reasons in their rounds.
    const fields = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, text]));
    const indicator = unwrap(addIndicator(doc, indicators, { ...fields, indicator: text, createdBy: `p${i}` }, 'setup'));
    unwrap(answerIndicator(doc, indicators, indicator, { participant: `p${i}`, group: groups[i]! }, { answer: 'object', reason: text }, 'setup'));
    unwrap(editVision(doc, vision, text, 'setup'));
    const version = unwrap(nameVersion(doc, vision, { name: text, createdBy: `p${i}` }, 'setup'));
    unwrap(answerVersion(doc, vision, version, { participant: `p${i}`, group: groups[i]! }, { answer: 'reservations', reason: text }, 'setup'));
  });
  const [first, second] = [...doc.getMap(`board:${map}`).get('stakeholders') as Y.Map<unknown>].map(([id]) => id);
  unwrap(addRelationship(doc, map, { from: first!, to: second!, label: CORPUS[2]! }, 'setup'));
  unwrap(closeVote(doc, facilitator, notes, 'setup'));
  return { doc, root: facilitator.root };
}

/** The summary of the hostile workshop as its facilitator exports it: names, steps and votes. */
function hostileModel() {
  const { doc, root } = hostileWorkshop();
  return summaryModel(doc, { showNames: true, root });
}

/** The tags and attributes the HTML renderer itself writes; anything else came from user text. */
const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'h1', 'h2', 'h3', 'h4',
  'p', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'span', 'strong', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'svg', 'rect', 'line', 'circle', 'text', 'g',
]);

describe('HTML summary of hostile text', () => {
  const html = toHtml(hostileModel(), t);

  it('contains only the renderer’s own tags, without event handlers or links', () => {
    expect(html).not.toMatch(/<script/i);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)];
    expect(tags.map((m) => m[1]!.toLowerCase()).filter((name) => !TAGS.has(name))).toEqual([]);
    const inTags = tags.map((m) => m[0]);
    expect(inTags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
    expect(inTags.filter((tag) => /\s(href|src|srcdoc|action|formaction|xlink:href)\s*=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/<\/style>[^<]*<script/i);
  });

  it('shows each string as the text it is', () => {
    for (const text of CORPUS) expect(html).toContain(escapeHtml(text));
  });

  it('shows each string as the text it is in the vote table too', () => {
    const start = html.indexOf('<table class="vote">');
    const table = html.slice(start, html.indexOf('</table>', start));
    expect(table.match(/<tr>/g)).toHaveLength(1 + CORPUS.length);
    for (const text of CORPUS) expect(table).toContain(`<td><span class="note">${escapeHtml(text)}</span>`);
    expect(table).toContain(`<th scope="col" class="num">${escapeHtml(`${CORPUS[0]} 0`)}</th>`);
  });

  it('shows the agenda steps’ titles as text', () => {
    expect(html).toContain(`<li>${escapeHtml(CORPUS[6]!)} <span class="by">(10 min) — ${escapeHtml(CORPUS[2]!)}</span></li>`);
    expect(html).toContain(`<li>${escapeHtml(CORPUS[3]!)} <span class="by">(20 min)</span></li>`);
  });

  it('forbids script by policy as well', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
  });
});

describe('Markdown summary of hostile text', () => {
  const md = toMarkdown(hostileModel(), t);

  it('has no raw HTML but its own line breaks', () => {
    expect(md.replace(/<br>/g, '')).not.toContain('<');
  });

  it('has no link, image, code or emphasis syntax from user text', () => {
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)!(?<!\\)\[/);
    expect(md).not.toMatch(/(?<!\\)`/);
    expect(md).not.toMatch(/(?<!\\)~/);
    expect(md).not.toMatch(/(?<!\\)\[/);
  });

  it('starts no line with user text', () => {
    // Every line begins with the renderer's own syntax or words; a user's "# heading" cannot.
    for (const line of md.split('\n')) expect(line).not.toMatch(/^(# heading|\| pipes|1\. not|- not|> not)/);
    expect(md).toContain('\\# heading');
    expect(md).toContain('\\| pipes \\| in \\| cells \\|');
  });

  it('keeps every table row to its own columns', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    // 2 columns (SWOT), 3 (relationships), 6 (stakeholders), 4 (a vote by two groups).
    for (const row of rows) expect([4, 5, 8, 6]).toContain(cells(row));
    expect(rows.filter((row) => cells(row) === 6)).toHaveLength(2 + CORPUS.length);
  });

  it('escapes the whole set of Markdown-significant characters', () => {
    expect(escapeMarkdown('\\`*_{}[]()#+-.!|~')).toBe('\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\#\\+\\-\\.\\!\\|\\~');
    expect(escapeMarkdown('<b> & &amp; x\ny')).toBe('&lt;b&gt; & &amp;amp; x<br>y');
  });
});

describe('CSV of hostile text', () => {
  it('neutralises formulas and keeps the text otherwise as written', () => {
    const rows = parseCsv(toCsv(hostileModel(), t));
    const texts = rows.map((r) => r[4]);
    expect(texts).toContain("'=cmd|' /C calc'!A0");
    expect(texts).toContain('- not a list either'.replace(/^/, "'"));
    expect(texts).toContain('<script>alert(1)</script>');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
