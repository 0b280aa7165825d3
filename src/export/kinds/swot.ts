import type { Item } from '../../core/items';
import { swotView, type Quadrant } from '../../core/swot';
import { noteBlockLine, voteBlocks } from '../block-parts';
import { bold, type Block, type Cell } from '../blocks';
import { noteRow } from '../csv-row';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import { notesList, voteHtml } from '../html-parts';
import type { Labels } from '../labels';
import { noteLine, voteMarkdown } from '../markdown-parts';
import type { SectionKind } from '../section-kind';
import { boardVote, noteEntry, type NoteEntry, type VotedSection } from '../section-parts';

export interface SwotSection extends VotedSection {
  kind: 'swot';
  quadrants: { quadrant: Quadrant; headings: { title: string; notes: NoteEntry[] }[]; notes: NoteEntry[] }[];
}

/** The four quadrants as a 2×2 grid, headings over their notes. */
function grid(section: SwotSection, t: Labels): string {
  const quadrants = section.quadrants.map((q) => {
    const headings = q.headings.map((c) => `<h4>${h(c.title)}</h4>${notesList(c.notes, t)}`).join('');
    const loose = q.notes.length > 0 || q.headings.length === 0 ? notesList(q.notes, t) : '';
    return `<section class="q-${q.quadrant}"><h3>${h(t(`swot.${q.quadrant}`))}</h3>${headings}${loose}</section>`;
  });
  return `<div class="swot">${quadrants.join('')}</div>`;
}

/** One quadrant as the contents of a table cell: headings in bold, each note on its own line. */
function quadrantCell(q: SwotSection['quadrants'][number], t: Labels): string {
  const lines = [
    ...q.headings.flatMap((hd) => [`**${md(hd.title)}**`, ...hd.notes.map((n) => `• ${noteLine(n, t)}`)]),
    ...q.notes.map((n) => `• ${noteLine(n, t)}`),
  ];
  return lines.join('<br>') || '—';
}

/** The four quadrants as a 2×2 table, as on the board. */
function table(section: SwotSection, t: Labels): string[] {
  const [s, w, o, th] = section.quadrants;
  const title = (q: typeof s) => md(t(`swot.${q!.quadrant}`));
  const cell = (q: typeof s) => quadrantCell(q!, t);
  return [
    `| ${title(s)} | ${title(w)} |`,
    '| --- | --- |',
    `| ${cell(s)} | ${cell(w)} |`,
    `| **${title(o)}** | **${title(th)}** |`,
    `| ${cell(o)} | ${cell(th)} |`,
  ];
}

/** The four quadrants as a 2×2 table, each cell its title, headings in bold and a note a line. */
function blocks(section: SwotSection, t: Labels): Block[] {
  const quadrant = (q: SwotSection['quadrants'][number]): Cell => [
    [bold(t(`swot.${q.quadrant}`))],
    ...q.headings.flatMap((hd) => [[bold(hd.title)], ...hd.notes.map((n) => ['• ', ...noteBlockLine(n, t)])]),
    ...q.notes.map((n) => ['• ', ...noteBlockLine(n, t)]),
  ];
  const [s, w, o, th] = section.quadrants.map(quadrant);
  return [{ type: 'table', rows: [[s!, w!], [o!, th!]] }, ...voteBlocks(section.vote, t)];
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
  html: (section, t) => grid(section, t) + voteHtml(section.vote, t),
  markdown: (section, t) => [...table(section, t), ...voteMarkdown(section.vote, t)],
  blocks,
};
