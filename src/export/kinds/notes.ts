import { listItems } from '../../core/items';
import { listOrEmpty, noteBlockLine, voteBlocks } from '../block-parts';
import { noteRow } from '../csv-row';
import { notesList, voteHtml } from '../html-parts';
import { bulletList, noteLine, voteMarkdown } from '../markdown-parts';
import type { SectionKind } from '../section-kind';
import { boardVote, noteEntry, type NoteEntry, type VotedSection } from '../section-parts';

/** A notes board, and any board of a type this version does not know (shown as its notes). */
export interface NotesSection extends VotedSection {
  kind: 'notes';
  type: string;
  notes: NoteEntry[];
}

export const notesSection: SectionKind<NotesSection> = {
  section(source) {
    const { doc, board, authors } = source;
    const vote = boardVote(source);
    return {
      title: board.title, prompt: board.prompt, kind: 'notes', type: board.unknownType ?? board.type,
      notes: listItems(doc, board.id).map((n) => noteEntry(n, authors, vote?.dots)),
      ...(vote ? { vote: vote.entry } : {}),
    };
  },
  csvRows: (section, t) => section.notes.map((n) => noteRow(n, section.title, t)),
  html: (section, t) => notesList(section.notes, t) + voteHtml(section.vote, t),
  markdown: (section, t) => [...bulletList(section.notes.map((n) => noteLine(n, t)), t), ...voteMarkdown(section.vote, t)],
  blocks: (section, t) => [...listOrEmpty(section.notes.map((n) => noteBlockLine(n, t)), t), ...voteBlocks(section.vote, t)],
};
