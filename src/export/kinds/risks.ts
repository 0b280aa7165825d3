import type { AxisSpread } from '../../core/estimates';
import { listAssumptions, redLinesByPartner, risksBySeverity, sealedRedLineCount, type Risk } from '../../core/risks';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import type { Labels } from '../labels';
import { bulletList } from '../markdown-parts';
import { percent, percentOf, rangeLabel } from '../placement';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';
import { htmlTable, markdownTable } from '../tables';

/* Risks, assumptions and red lines in the summary: the risks most serious first with the room's
 * average and spread, the assumptions, and the red lines revealed so far by partner. A red line
 * still sealed is only counted: the export knows no more of it than the document does. */

export type RiskEntry = Pick<Risk, 'text' | 'mitigation' | 'owner' | 'estimates' | 'position' | 'spread'>;

export interface RisksSection extends SectionBase {
  kind: 'risks';
  risks: RiskEntry[];
  assumptions: string[];
  redLines: { partner: string; lines: string[] }[];
  sealedRedLines: number;
}

const axisCell = (value: number | undefined, spread: AxisSpread | undefined, t: Labels) =>
  value === undefined || !spread ? t('export.risks.unrated')
    : percent(value, t) + (spread.min < spread.max ? ` (${rangeLabel(spread, t)})` : '');

function riskRows(s: RisksSection, t: Labels) {
  return {
    head: [t('risks.text'), t('risks.axis.likelihood'), t('risks.axis.impact'), t('export.estimates'), t('risks.mitigation'), t('risks.owner')],
    rows: s.risks.map((r) => [
      r.text, axisCell(r.position?.likelihood, r.spread?.likelihood, t), axisCell(r.position?.impact, r.spread?.impact, t),
      String(r.estimates), r.mitigation || '—', r.owner || '—',
    ]),
  };
}

const partnerName = (name: string, t: Labels) => name || t('redLines.unknownPartner');

function html(s: RisksSection, t: Labels): string {
  const { head, rows } = riskRows(s, t);
  const empty = (key: Parameters<Labels>[0]) => `<p class="empty">${h(t(key))}</p>`;
  const parts = [
    `<h3>${h(t('risks.section.risks'))}</h3>`,
    s.risks.length === 0 ? empty('export.empty') : `<p class="by">${h(t('export.risks.bySeverity'))}</p>${htmlTable(head, rows)}`,
    `<h3>${h(t('risks.section.assumptions'))}</h3>`,
    s.assumptions.length === 0 ? empty('export.empty') : `<ul>${s.assumptions.map((a) => `<li><span class="note">${h(a)}</span></li>`).join('')}</ul>`,
    `<h3>${h(t('risks.section.redLines'))}</h3>`,
    s.redLines.length === 0 ? empty('redLines.none')
      : s.redLines.map((p) => `<h4>${h(partnerName(p.partner, t))}</h4><ul>${p.lines.map((l) => `<li><span class="note">${h(l)}</span></li>`).join('')}</ul>`).join(''),
  ];
  if (s.sealedRedLines > 0) parts.push(`<p class="by">${h(t('export.redLines.sealed', { count: s.sealedRedLines }))}</p>`);
  return parts.join('');
}

function markdown(s: RisksSection, t: Labels): string[] {
  const { head, rows } = riskRows(s, t);
  const lines = [`#### ${md(t('risks.section.risks'))}`, ''];
  lines.push(...(s.risks.length === 0 ? bulletList([], t) : [`*${md(t('export.risks.bySeverity'))}*`, '', ...markdownTable(head, rows)]));
  lines.push('', `#### ${md(t('risks.section.assumptions'))}`, '', ...bulletList(s.assumptions.map(md), t));
  lines.push('', `#### ${md(t('risks.section.redLines'))}`, '');
  if (s.redLines.length === 0) lines.push(`*${md(t('redLines.none'))}*`);
  s.redLines.forEach((p, i) => lines.push(...(i > 0 ? [''] : []), `**${md(partnerName(p.partner, t))}**`, '', ...p.lines.map((l) => `- ${md(l)}`)));
  if (s.sealedRedLines > 0) lines.push('', `*${md(t('export.redLines.sealed', { count: s.sealedRedLines }))}*`);
  return lines;
}

export const risksSection: SectionKind<RisksSection> = {
  section: ({ doc, board }) => ({
    title: board.title, prompt: board.prompt, kind: 'risks',
    risks: risksBySeverity(doc, board.id).map((r) => ({
      text: r.text, mitigation: r.mitigation, owner: r.owner, estimates: r.estimates, position: r.position, spread: r.spread,
    })),
    assumptions: listAssumptions(doc, board.id).map((a) => a.text),
    redLines: redLinesByPartner(doc, board.id).map((p) => ({ partner: p.partner.name, lines: p.lines.map((l) => l.text) })),
    sealedRedLines: sealedRedLineCount(doc, board.id),
  }),
  csvRows: (s, t) => [
    ...s.risks.map((r) => ({
      kind: t('export.csv.kind.risk'), board: s.title, text: r.text, mitigation: r.mitigation, owner: r.owner,
      // Plain numbers, so the sheet can sort and average them.
      likelihood: r.position ? String(percentOf(r.position.likelihood)) : '',
      impact: r.position ? String(percentOf(r.position.impact)) : '',
      estimates: String(r.estimates),
    })),
    ...s.assumptions.map((text) => ({ kind: t('export.csv.kind.assumption'), board: s.title, text })),
    ...s.redLines.flatMap((p) => p.lines.map((text) => ({
      kind: t('export.csv.kind.redLine'), board: s.title, text, partner: partnerName(p.partner, t),
    }))),
  ],
  html,
  markdown,
};
