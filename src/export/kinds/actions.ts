import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';
import { actionFacts, actionsHtml, actionsMarkdown, type SeriesPart } from '../series-part';

/** An Actions board shows the series' actions, which live in the series' document: its section
 *  lists those the summary was given (none for a workshop outside a series). */
export interface ActionsSection extends SectionBase {
  kind: 'actions';
  actions: SeriesPart['actions'];
}

export const actionsSection: SectionKind<ActionsSection> = {
  section: ({ board, series }) => ({ title: board.title, prompt: board.prompt, kind: 'actions', actions: series?.actions ?? [] }),
  csvRows: (section, t) => section.actions.flatMap((g) => g.items.map((a) => ({
    kind: t('export.csv.kind.action'), board: section.title, text: a.text, group: a.owner, status: actionFacts(a, t),
  }))),
  html: (section, t) => actionsHtml(section.actions, t),
  markdown: (section, t) => actionsMarkdown(section.actions, t),
};
