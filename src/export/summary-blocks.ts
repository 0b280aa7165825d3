import { blocksOf } from './board-sections';
import { bold, heading, italic, paragraph, type Block } from './blocks';
import { formatDate } from '../core/message-params';
import { groupLabel, kindLabel, tableLabel } from './format';
import type { Labels } from './labels';
import type { SummaryModel } from './summary-model';

/** The session summary as blocks, in the order of the Markdown and HTML summaries. */
export function summaryBlocks(model: SummaryModel, t: Labels): Block[] {
  const blocks: Block[] = [heading(1, t('export.title', { title: model.title }))];
  const facts: [string, string][] = [
    [t('workshop.date'), formatDate(model.date, model.locale)],
    [t('workshop.place'), model.place],
    [t('workshop.purpose'), model.purpose],
  ];
  for (const [label, value] of facts) if (value) blocks.push(paragraph(bold(`${label}: `), value));

  blocks.push(heading(2, t('export.participants')));
  blocks.push(model.groups.length === 0 ? paragraph(italic(t('export.participants.none'))) : {
    type: 'list', ordered: false,
    items: model.groups.map((g) => [
      bold(groupLabel(g.name, t)), ` (${t('export.participants.count', { count: g.participants })})`,
      ...(g.names && g.names.length > 0 ? [`: ${g.names.join(', ')}`] : []),
    ]),
  });

  blocks.push(heading(2, t('workshop.agenda')));
  // The facilitator's steps when there are any, else the boards in order.
  if (model.steps.length > 0) {
    blocks.push({
      type: 'list', ordered: true,
      items: model.steps.map((s) => [`${s.title} (${t('agenda.timebox', { count: s.minutes })})`,
        ...(s.board && s.board !== s.title ? [' — ', italic(s.board)] : [])]),
    });
  } else {
    blocks.push(model.agenda.length === 0 ? paragraph(italic(t('export.empty')))
      : { type: 'list', ordered: true, items: model.agenda.map((a) => [`${a.title} (${kindLabel(a.type, t)})`]) });
  }

  for (const section of model.sections) {
    blocks.push(heading(2, section.title), paragraph(italic(kindLabel(section.kind, t))));
    if (section.table) blocks.push(paragraph(bold(tableLabel(section.table, t))));
    if (section.prompt) blocks.push({ ...paragraph(section.prompt), quote: true });
    blocks.push(...blocksOf(section, t));
  }
  return blocks;
}
