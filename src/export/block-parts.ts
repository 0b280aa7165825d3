import { italic, paragraph, heading, type Block, type Line } from './blocks';
import { authorLabel, groupLabel, voteFacts } from './format';
import type { Labels } from './labels';
import type { NoteEntry, VoteEntry } from './section-parts';

/* Blocks that the sections of several kinds of board share, as ./markdown-parts does for Markdown. */

export const noteBlockLine = (note: NoteEntry, t: Labels): Line => [note.text, ' — ', italic(authorLabel(note.author, t))];

/** A bulleted list, or the words for "nothing here". */
export const listOrEmpty = (items: readonly Line[], t: Labels): Block[] =>
  items.length === 0 ? [paragraph(italic(t('export.empty')))] : [{ type: 'list', ordered: false, items }];

/** A board's dot vote: one row per note that got dots, one column per voting group. */
export function voteBlocks(v: VoteEntry | undefined, t: Labels): Block[] {
  if (!v) return [];
  const blocks = [heading(4, t('vote.results')), paragraph(voteFacts(v, t))];
  if (v.notes.length === 0) return [...blocks, paragraph(italic(t('vote.results.empty')))];
  blocks.push({
    type: 'table',
    header: [t('export.vote.note'), t('export.vote.total'), ...v.groups.map((g) => groupLabel(g, t))],
    rows: v.notes.map((n) => [
      [n.differs ? [n.text, ' — ', { text: t('vote.differs'), bold: true }] : [n.text]],
      [[String(n.total)]], ...n.byGroup.map((d) => [[String(d)]]),
    ]),
  });
  if (v.notes.some((n) => n.differs)) blocks.push(paragraph(italic(t('vote.results.differsHint'))));
  return blocks;
}
