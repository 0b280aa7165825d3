import { escapeMarkdown as md } from './escape-markdown';
import { authorLabel, groupLabel, voteFacts } from './format';
import type { Labels } from './labels';
import type { NoteEntry, VoteEntry } from './section-parts';

/* Markdown that the sections of several kinds of board share. */

export const noteLine = (note: NoteEntry, t: Labels): string => `${md(note.text)} — *${md(authorLabel(note.author, t))}*`;

export function bulletList(lines: readonly string[], t: Labels): string[] {
  return lines.length === 0 ? [`*${md(t('export.empty'))}*`] : lines.map((line) => `- ${line}`);
}

/** A board's dot vote: one row per note that got dots, one column per voting group. */
export function voteMarkdown(v: VoteEntry | undefined, t: Labels): string[] {
  if (!v) return [];
  const lines = ['', `#### ${md(t('vote.results'))}`, '', md(voteFacts(v, t)), ''];
  if (v.notes.length === 0) return [...lines, `*${md(t('vote.results.empty'))}*`];
  const differs = ` — **${md(t('vote.differs'))}**`;
  lines.push(
    `| ${[t('export.vote.note'), t('export.vote.total'), ...v.groups.map((g) => groupLabel(g, t))].map(md).join(' | ')} |`,
    `|${' --- |'.repeat(v.groups.length + 2)}`,
    ...v.notes.map((n) => `| ${[md(n.text) + (n.differs ? differs : ''), n.total, ...n.byGroup].join(' | ')} |`),
  );
  if (v.notes.some((n) => n.differs)) lines.push('', `*${md(t('vote.results.differsHint'))}*`);
  return lines;
}
