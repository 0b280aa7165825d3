import { markdownOf } from './board-sections';
import { escapeMarkdown as md } from './escape-markdown';
import { formatDate } from '../core/message-params';
import { groupLabel, kindLabel, tableLabel } from './format';
import type { Labels } from './labels';
import { seriesPartMarkdown } from './series-part';
import type { SummaryModel } from './summary-model';

/** The summary as a Markdown document (CommonMark with GFM tables). */
export function toMarkdown(model: SummaryModel, t: Labels): string {
  const lines = [`# ${md(t('export.title', { title: model.title }))}`, ''];
  const facts: [string, string][] = [
    [t('workshop.date'), formatDate(model.date, model.locale)],
    [t('workshop.place'), model.place],
  ];
  for (const [label, value] of facts) if (value) lines.push(`**${md(label)}:** ${md(value)}  `);
  if (model.purpose) lines.push('', `**${md(t('workshop.purpose'))}:** ${md(model.purpose)}`);

  lines.push('', `## ${md(t('export.participants'))}`, '');
  lines.push(...(model.groups.length === 0 ? [`*${md(t('export.participants.none'))}*`] : model.groups.map((g) => {
    const names = g.names && g.names.length > 0 ? `: ${md(g.names.join(', '))}` : '';
    return `- **${md(groupLabel(g.name, t))}** (${md(t('export.participants.count', { count: g.participants }))})${names}`;
  })));

  lines.push('', `## ${md(t('workshop.agenda'))}`, '');
  // The facilitator's steps when there are any, else the boards in order.
  if (model.steps.length > 0) {
    lines.push(...model.steps.map((s, i) => `${i + 1}. ${md(s.title)} (${md(t('agenda.timebox', { count: s.minutes }))})`
      + (s.board && s.board !== s.title ? ` — *${md(s.board)}*` : '')));
  } else {
    lines.push(...(model.agenda.length === 0 ? [`*${md(t('export.empty'))}*`]
      : model.agenda.map((a, i) => `${i + 1}. ${md(a.title)} (${md(kindLabel(a.type, t))})`)));
  }

  if (model.series) lines.push(...seriesPartMarkdown(model.series, t));

  for (const section of model.sections) {
    lines.push('', `## ${md(section.title)}`, '', `*${md(kindLabel(section.kind, t))}*`);
    if (section.table) lines.push('', `**${md(tableLabel(section.table, t))}**`);
    if (section.prompt) lines.push('', `> ${md(section.prompt)}`);
    lines.push('', ...markdownOf(section, t));
  }
  return `${lines.join('\n')}\n`;
}
