import { describe, expect, it } from 'vitest';
import { acceptSection, AGREEMENT_SECTIONS, editPrompt } from '../../../src/core/agreement';
import { createBoard } from '../../../src/core/boards';
import { addGroup } from '../../../src/core/groups';
import { upsertParticipant } from '../../../src/core/participants';
import { agreementBlocks, agreementModel } from '../../../src/export/agreement';
import { toAgreementHtml, toAgreementMarkdown } from '../../../src/export/agreement-document';
import { toCsv } from '../../../src/export/csv';
import { toDocx } from '../../../src/export/docx';
import { escapeHtml } from '../../../src/export/escape-html';
import { escapeMarkdown } from '../../../src/export/escape-markdown';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryModel } from '../../../src/export/summary-model';
import { loadLocale, translator } from '../../../src/i18n/i18n';
import { agreementWorkshop, DECISIONS, RED_LINE, ROLES, RULE, SEALED_RED_LINE, VISION_TEXT } from '../core/agreement-fixture';
import { newWorkshop, unwrap } from '../core/helpers';
import { expectKhmerRun, readDocx } from './docx-read';
import { CORPUS, expectGolden, markdownTableCells, parseCsv, t } from './helpers';

const model = () => {
  const { doc, board } = agreementWorkshop();
  return agreementModel(doc, board);
};

describe('the agreement document', () => {
  it('matches the golden Markdown', () => expectGolden('agreement.md', toAgreementMarkdown(model(), t)));

  it('matches the golden HTML', () => expectGolden('agreement.html', toAgreementHtml(model(), t)));

  it('holds every section, what the room adopted, the answers and a sign-off line per partner', () => {
    const md = toAgreementMarkdown(model(), t);
    for (const section of AGREEMENT_SECTIONS) expect(md).toContain(`## ${escapeMarkdown(t(`agreement.section.${section}`))}`);
    for (const text of [VISION_TEXT, RULE, DECISIONS, RED_LINE]) expect(md).toContain(escapeMarkdown(text));
    expect(md).not.toContain(SEALED_RED_LINE);
    expect(md).toContain('**Waiting for Development Partners**');
    expect(md).toContain('| Development Partners |  |  |  |');
    expect(md).toContain('| Government |  |  |  |');
  });

  it('as Word: every section, the sign-off table and the Khmer text in a Khmer font', async () => {
    const m = model();
    const { xml, text } = readDocx(await toDocx(agreementBlocks(m, t), { title: m.title }));
    for (const section of AGREEMENT_SECTIONS) expect(text).toContain(t(`agreement.section.${section}`));
    for (const words of [VISION_TEXT, RULE, DECISIONS, RED_LINE, 'Survey grant', 'Births with a skilled attendant', 'Signature']) {
      expect(text).toContain(words);
    }
    expectKhmerRun(xml, VISION_TEXT);
    expectKhmerRun(xml, DECISIONS);
    const signOff = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((x) => x[1]!).find((tbl) => tbl.includes('Signature'))!;
    expect(signOff.match(/<w:tr>|<w:tr /g)).toHaveLength(3);
  });

  it('is all in Khmer when exported in Khmer', async () => {
    await loadLocale('km');
    const km = translator('km');
    const md = toAgreementMarkdown(model(), km);
    expect(md).toContain(escapeMarkdown(km('agreement.section.conduct')));
    expect(md).toContain(escapeMarkdown(km('agreement.signOff')));
    expect(md).not.toContain('Code of conduct');
  });
});

describe('the agreement in the session summary', () => {
  it('shows its sections and acceptance, without the sign-off, in HTML, Markdown and the CSV', () => {
    const { doc } = agreementWorkshop();
    const summary = summaryModel(doc);
    const md = toMarkdown(summary, t);
    expect(md).toContain('## Partnership agreement');
    expect(md).toContain(`### ${escapeMarkdown(t('agreement.section.roles'))}`);
    expect(md).not.toContain(t('agreement.signOff'));
    expect(toHtml(summary, t)).toContain(`<h3>${escapeHtml(t('agreement.section.risks'))}</h3>`);
    const rows = parseCsv(toCsv(summary, t)).filter((r) => r[0]!.startsWith('Agreement'));
    expect(rows.filter((r) => r[0] === 'Agreement section').map((r) => r[4])).toEqual(AGREEMENT_SECTIONS.map((s) => t(`agreement.section.${s}`)));
    expect(rows.find((r) => r[4] === t('agreement.section.risks'))![7]).toMatch(/^Needs discussion/);
    expect(rows.filter((r) => r[0] === 'Agreement answer').map((r) => [r[3], r[4]])).toEqual([
      [t('agreement.prompt.decisionRules'), DECISIONS], [t('agreement.prompt.roles'), ROLES],
    ]);
  });
});

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'h4', 'p', 'blockquote', 'ul', 'ol', 'li',
  'strong', 'em', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

/** Every user-written field of the agreement (each question, each reason, a partner's name) a
 *  corpus string. */
function hostileAgreement() {
  const doc = newWorkshop('Agreement', 'p0');
  const board = unwrap(createBoard(doc, { type: 'agreement', title: 'Agreement' }, 'setup'));
  const prompts = ['decisionRules', 'meetingRhythm', 'roles', 'internalComms', 'externalComms', 'reviewSchedule'];
  CORPUS.forEach((text, i) => {
    const group = unwrap(addGroup(doc, `${text} ${i}`.slice(0, 60), 'setup'));
    unwrap(upsertParticipant(doc, { id: `p${i}`, name: text, group, color: '#0072B2' }, 'setup'));
    unwrap(acceptSection(doc, board, AGREEMENT_SECTIONS[i % AGREEMENT_SECTIONS.length]!, { participant: `p${i}`, group },
      { answer: i % 2 ? 'object' : 'reservations', reason: text }, 'setup'));
  });
  prompts.forEach((p) => unwrap(editPrompt(doc, board, p, CORPUS.join('\n'), 'setup')));
  return { doc, board };
}

describe('the agreement with hostile text', () => {
  const { doc, board } = hostileAgreement();
  const m = agreementModel(doc, board);

  it('HTML: only the renderer\'s own tags, no handlers or links, every string shown as text', () => {
    const html = toAgreementHtml(m, t);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)];
    expect(tags.map((x) => x[1]!.toLowerCase()).filter((name) => !TAGS.has(name))).toEqual([]);
    expect(tags.map((x) => x[0]).filter((tag) => /\son\w+\s*=|\s(href|src|srcdoc|action)\s*=/i.test(tag))).toEqual([]);
    for (const text of CORPUS) expect(html).toContain(escapeHtml(text));
  });

  it('Markdown: no raw HTML, links or code from user text; the sign-off table keeps its columns', () => {
    const md = toAgreementMarkdown(m, t);
    expect(md.replace(/<br>/g, '')).not.toContain('<');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)`/);
    for (const line of md.split('\n')) expect(line).not.toMatch(/^(# heading|\| pipes|1\. not|- not|> not)/);
    for (const text of CORPUS) expect(md).toContain(escapeMarkdown(text));
    const cells = markdownTableCells(md)[0]!;
    expect(new Set(cells).size).toBe(1);
    expect(cells).toHaveLength(CORPUS.length + 2);
  });

  it('CSV: every would-be formula neutralised', () => {
    const rows = parseCsv(toCsv(summaryModel(doc), t));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
