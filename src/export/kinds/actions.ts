import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';
import { actionFacts, actionsHtml, actionsMarkdown, type SeriesPart } from '../series-part';

/** An Actions board, and a meeting's *Since last time* step, show the series' actions, which live
 *  in the series' document: their section lists those the summary was given (none for a workshop
 *  outside a series). */
export interface ActionsSection<K extends 'actions' | 'since' = 'actions'> extends SectionBase {
  kind: K;
  actions: SeriesPart['actions'];
}

const seriesActionsSection = <K extends 'actions' | 'since'>(kind: K): SectionKind<ActionsSection<K>> => ({
  section: ({ board, series }) => ({ title: board.title, prompt: board.prompt, kind, actions: series?.actions ?? [] }),
  csvRows: (section, t) => section.actions.flatMap((g) => g.items.map((a) => ({
    kind: t('export.csv.kind.action'), board: section.title, text: a.text, group: a.owner, status: actionFacts(a, t),
  }))),
  html: (section, t) => actionsHtml(section.actions, t),
  markdown: (section, t) => actionsMarkdown(section.actions, t),
});

export const actionsSection = seriesActionsSection('actions');
export const sinceSection = seriesActionsSection('since');
