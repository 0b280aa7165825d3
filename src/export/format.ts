import { shownKind } from '../core/board-kinds';
import type { Labels } from './labels';
import type { Author, VoteEntry } from './section-parts';
import type { TableEntry } from './summary-model';

/* Words and numbers shared by every renderer. They return plain text: escaping is the
 * renderer's job, since Markdown, HTML and CSV each need their own. */

/** The label of a board type; a type from a newer app reads as a notes board, as the app shows it. */
export function kindLabel(type: string, t: Labels): string {
  return t(`board.kind.${shownKind(type)}`);
}

/** A group's name, or the words for "no group". */
export const groupLabel = (group: string, t: Labels): string => group || t('note.noGroup');

/** "Dara, Government" when names are shown, else only the group. */
export function authorLabel(author: Author, t: Labels): string {
  const group = groupLabel(author.group, t);
  return author.name ? t('export.author', { name: author.name, group }) : group;
}


/** "3 dots each · 5 people voted", and whether the vote was still open when exported. */
export const voteFacts = (vote: VoteEntry, t: Labels): string => [
  t('export.vote.dots', { count: vote.dots }), t('vote.results.voters', { count: vote.voters }),
  ...(vote.open ? [t('export.vote.open')] : []),
].join(' · ');

/** "Table 2 of “SWOT” · 3 at the table: Ana, Bo" (names only where the summary shows them). */
export function tableLabel(table: TableEntry, t: Labels): string {
  const people = t('export.table.people', { count: table.people });
  const names = table.names && table.names.length > 0 ? `: ${table.names.join(', ')}` : '';
  return `${t('export.table', { n: table.number, title: table.source })} · ${people}${names}`;
}
