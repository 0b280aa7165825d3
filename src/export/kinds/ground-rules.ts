import { adoptedRules, listProposals, type Answer, type ProposalStatus } from '../../core/ground-rules';
import { bold, heading, italic, paragraph, type Block } from '../blocks';
import { consentWords } from '../consent-words';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import { authorLabel, groupLabel } from '../format';
import type { Labels } from '../labels';
import type { SectionKind } from '../section-kind';
import type { Author, SectionBase } from '../section-parts';

export interface ProposalEntry {
  text: string;
  status: ProposalStatus;
  /** Names of the groups present that have not answered yet. */
  waitingFor: string[];
  tally: Record<Answer, number>;
  author: Author;
  /** The answers that came with a reason, oldest first. */
  reasons: { author: Author; answer: Answer; reason: string }[];
}

export interface GroundRulesSection extends SectionBase {
  kind: 'ground-rules';
  adopted: { text: string; reservations: number }[];
  proposals: ProposalEntry[];
}

/** The entry's group names are already names. */
const statusOf = (p: ProposalEntry, t: Labels) => consentWords(p, (name) => name, t);

/** The adopted rules, then every proposal with its status, tally and reasons. */
function html(section: GroundRulesSection, t: Labels): string {
  const adopted = section.adopted.length === 0 ? `<p class="empty">${h(t('export.rules.adopted.none'))}</p>`
    : `<ol>${section.adopted.map((r) => `<li><span class="note">${h(r.text)}</span>${
      r.reservations > 0 ? ` <span class="by">(${h(t('export.rules.withReservations', { count: r.reservations }))})</span>` : ''}</li>`).join('')}</ol>`;
  const parts = [`<h3>${h(t('export.rules.adopted'))}</h3>`, adopted];
  if (section.proposals.length > 0) {
    const items = section.proposals.map((p) => {
      const reasons = p.reasons.map((r) => `<li>${h(t('export.rules.reason', {
        who: authorLabel(r.author, t), answer: t(`rules.answer.${r.answer}`), reason: r.reason,
      }))}</li>`).join('');
      return `<li><span class="note">${h(p.text)}</span> <span class="by">— ${h(authorLabel(p.author, t))}</span><br>`
        + `<strong class="status-${p.status}">${h(statusOf(p, t))}</strong>: ${h(t('rules.tally', p.tally))}`
        + (reasons ? `<ul>${reasons}</ul>` : '') + '</li>';
    }).join('');
    parts.push(`<h3>${h(t('export.rules.proposals'))}</h3><ol class="rules">${items}</ol>`);
  }
  return parts.join('');
}

/** The adopted rules, then every proposal with its status, tally and reasons. */
function markdown(section: GroundRulesSection, t: Labels): string[] {
  const adopted = section.adopted.map((r) => md(r.text)
    + (r.reservations > 0 ? ` (${md(t('export.rules.withReservations', { count: r.reservations }))})` : ''));
  const lines = [`#### ${md(t('export.rules.adopted'))}`, ''];
  lines.push(...(adopted.length > 0 ? adopted.map((r, i) => `${i + 1}. ${r}`) : [`*${md(t('export.rules.adopted.none'))}*`]));
  if (section.proposals.length === 0) return lines;
  lines.push('', `#### ${md(t('export.rules.proposals'))}`, '');
  section.proposals.forEach((p, i) => {
    lines.push(`${i + 1}. ${md(p.text)} — *${md(authorLabel(p.author, t))}*  `);
    lines.push(`   **${md(statusOf(p, t))}**: ${md(t('rules.tally', p.tally))}`);
    for (const r of p.reasons) {
      lines.push(`   - ${md(t('export.rules.reason', { who: authorLabel(r.author, t), answer: t(`rules.answer.${r.answer}`), reason: r.reason }))}`);
    }
  });
  return lines;
}

/** The adopted rules, then every proposal with its status, tally and reasons. */
function blocks(section: GroundRulesSection, t: Labels): Block[] {
  const result: Block[] = [heading(4, t('export.rules.adopted'))];
  result.push(section.adopted.length === 0 ? paragraph(italic(t('export.rules.adopted.none'))) : {
    type: 'list', ordered: true,
    items: section.adopted.map((r) => r.reservations > 0
      ? [r.text, ' ', italic(`(${t('export.rules.withReservations', { count: r.reservations })})`)] : [r.text]),
  });
  if (section.proposals.length === 0) return result;
  result.push(heading(4, t('export.rules.proposals')));
  for (const [i, p] of section.proposals.entries()) {
    result.push(
      paragraph(`${i + 1}. ${p.text} — `, italic(authorLabel(p.author, t))),
      paragraph(bold(t(`rules.status.${p.status}`)), `: ${t('rules.tally', p.tally)}`),
    );
    if (p.reasons.length > 0) {
      result.push({
        type: 'list', ordered: false,
        items: p.reasons.map((r) => [t('export.rules.reason', { who: authorLabel(r.author, t), answer: t(`rules.answer.${r.answer}`), reason: r.reason })]),
      });
    }
  }
  return result;
}

export const groundRulesSection: SectionKind<GroundRulesSection> = {
  section: ({ doc, board, authors }) => ({
    title: board.title, prompt: board.prompt, kind: 'ground-rules',
    adopted: adoptedRules(doc, board.id).map((r) => ({ text: r.text, reservations: r.reservations })),
    proposals: listProposals(doc, board.id).map((p) => ({
      text: p.text, status: p.status, waitingFor: p.waitingFor.map(authors.groupName), tally: p.tally, author: authors.byParticipant(p.proposedBy),
      reasons: p.responses.filter((r) => r.reason !== '')
        .map((r) => ({ author: authors.byParticipant(r.participant), answer: r.answer, reason: r.reason })),
    })),
  }),
  csvRows: (section, t) => section.proposals.map((p) => ({
    kind: t('export.csv.kind.proposal'), board: section.title, text: p.text, group: groupLabel(p.author.group, t),
    author: p.author.name ?? '', status: `${statusOf(p, t)}: ${t('rules.tally', p.tally)}`,
  })),
  html,
  markdown,
  blocks,
};
