import type { Item } from '../../core/items';
import { swotView, type Quadrant } from '../../core/swot';
import { noteRow } from '../csv-row';
import type { SectionKind } from '../section-kind';
import { boardVote, noteEntry, type NoteEntry, type VotedSection } from '../section-parts';

export interface SwotSection extends VotedSection {
  kind: 'swot';
  quadrants: { quadrant: Quadrant; headings: { title: string; notes: NoteEntry[] }[]; notes: NoteEntry[] }[];
}

export const swotSection: SectionKind<SwotSection> = {
  section(source) {
    const { doc, board, authors } = source;
    const vote = boardVote(source);
    const note = (n: Item) => noteEntry(n, authors, vote?.dots);
    return {
      title: board.title, prompt: board.prompt, kind: 'swot',
      quadrants: swotView(doc, board.id).map((q) => ({
        quadrant: q.quadrant,
        headings: q.clusters.map((c) => ({ title: c.title, notes: c.notes.map(note) })),
        notes: q.notes.map(note),
      })),
      ...(vote ? { vote: vote.entry } : {}),
    };
  },
  csvRows: (section, t) => section.quadrants.flatMap((q) => {
    const quadrant = t(`swot.${q.quadrant}`);
    return [
      ...q.headings.flatMap((hd) => hd.notes.map((n) => noteRow(n, section.title, t, { quadrant, heading: hd.title }))),
      ...q.notes.map((n) => noteRow(n, section.title, t, { quadrant })),
    ];
  }),
};
