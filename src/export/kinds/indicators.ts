import { INDICATOR_FIELDS, listIndicators, type IndicatorField, type IndicatorFields } from '../../core/indicators';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import { authorLabel, groupLabel } from '../format';
import type { Labels } from '../labels';
import { roundEntry, roundHtml, roundMarkdown, roundStatus, type RoundEntry } from '../round-parts';
import type { SectionKind } from '../section-kind';
import type { Author, SectionBase } from '../section-parts';

export interface IndicatorEntry extends IndicatorFields {
  author: Author;
  round: RoundEntry;
}

export interface IndicatorsSection extends SectionBase {
  kind: 'indicators';
  indicators: IndicatorEntry[];
}

/** The fields shown under each indicator's name, in the order the room fills them in. */
const DETAILS = INDICATOR_FIELDS.filter((f): f is Exclude<IndicatorField, 'indicator'> => f !== 'indicator');

function html(section: IndicatorsSection, t: Labels): string {
  if (section.indicators.length === 0) return `<p class="empty">${h(t('export.empty'))}</p>`;
  const items = section.indicators.map((i) => {
    const facts = DETAILS.filter((f) => i[f]).map((f) => `<dt>${h(t(`indicators.field.${f}`))}</dt><dd>${h(i[f])}</dd>`).join('');
    return `<li><span class="note">${h(i.indicator)}</span> <span class="by">— ${h(authorLabel(i.author, t))}</span>`
      + (facts ? `<dl class="facts">${facts}</dl>` : '') + roundHtml(i.round, t) + '</li>';
  });
  return `<ol class="indicators">${items.join('')}</ol>`;
}

function markdown(section: IndicatorsSection, t: Labels): string[] {
  if (section.indicators.length === 0) return [`*${md(t('export.empty'))}*`];
  return section.indicators.flatMap((i, n) => [
    `${n + 1}. **${md(i.indicator)}** — *${md(authorLabel(i.author, t))}*`,
    ...DETAILS.filter((f) => i[f]).map((f) => `   - ${md(t(`indicators.field.${f}`))}: ${md(i[f])}`),
    '',
    ...roundMarkdown(i.round, t),
  ]);
}

export const indicatorsSection: SectionKind<IndicatorsSection> = {
  section: ({ doc, board, authors }) => ({
    title: board.title, prompt: board.prompt, kind: 'indicators',
    indicators: listIndicators(doc, board.id).map((i) => ({
      success: i.success, indicator: i.indicator, baseline: i.baseline, target: i.target, method: i.method,
      collectedBy: i.collectedBy, frequency: i.frequency, reportTo: i.reportTo,
      author: authors.byParticipant(i.createdBy), round: roundEntry(i.round, authors),
    })),
  }),
  csvRows: (section, t) => section.indicators.map((i) => ({
    kind: t('export.csv.kind.indicator'), board: section.title, text: i.indicator, group: groupLabel(i.author.group, t),
    author: i.author.name ?? '', status: roundStatus(i.round, t), success: i.success, baseline: i.baseline, target: i.target,
    method: i.method, collectedBy: i.collectedBy, frequency: i.frequency, reportTo: i.reportTo,
  })),
  html,
  markdown,
};
