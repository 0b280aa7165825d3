import { escapeHtml as h } from './escape-html';
import { authorLabel, groupLabel, voteFacts } from './format';
import type { Labels } from './labels';
import type { NoteEntry, VoteEntry } from './section-parts';

/* HTML that the sections of several kinds of board share. */

export function notesList(notes: readonly NoteEntry[], t: Labels): string {
  if (notes.length === 0) return `<p class="empty">${h(t('export.empty'))}</p>`;
  return `<ul>${notes.map((n) => `<li><span class="note">${h(n.text)}</span> <span class="by">— ${h(authorLabel(n.author, t))}</span></li>`).join('')}</ul>`;
}

/** A board's dot vote: one row per note that got dots, one column per voting group. */
export function voteHtml(v: VoteEntry | undefined, t: Labels): string {
  if (!v) return '';
  const head = `<h3>${h(t('vote.results'))}</h3><p class="by">${h(voteFacts(v, t))}</p>`;
  if (v.notes.length === 0) return `${head}<p class="empty">${h(t('vote.results.empty'))}</p>`;
  const cols = [`<th scope="col">${h(t('export.vote.note'))}</th>`,
    ...[t('export.vote.total'), ...v.groups.map((g) => groupLabel(g, t))].map((c) => `<th scope="col" class="num">${h(c)}</th>`)].join('');
  const differs = ` <strong class="differs">${h(t('vote.differs'))}</strong>`;
  const rows = v.notes.map((n) => `<tr><td><span class="note">${h(n.text)}</span>${n.differs ? differs : ''}</td>`
    + [n.total, ...n.byGroup].map((c) => `<td class="num">${c}</td>`).join('') + '</tr>').join('');
  const hint = v.notes.some((n) => n.differs) ? `<p class="by">${h(t('vote.results.differsHint'))}</p>` : '';
  return `${head}<table class="vote"><thead><tr>${cols}</tr></thead><tbody>${rows}</tbody></table>${hint}`;
}
