import type { Answer, ConsentRound, ConsentStatus } from '../core/consent';
import { consentWords } from './consent-words';
import { escapeHtml as h } from './escape-html';
import { escapeMarkdown as md } from './escape-markdown';
import { authorLabel } from './format';
import type { Labels } from './labels';
import type { Author, Authors } from './section-parts';

/* A consent round as the summary shows it, for every kind of board that holds rounds. */

export interface RoundEntry {
  status: ConsentStatus;
  /** Names of the groups present that had not answered. */
  waitingFor: string[];
  tally: Record<Answer, number>;
  /** The answers that came with a reason, oldest first. */
  reasons: { author: Author; answer: Answer; reason: string }[];
}

export const roundEntry = (round: ConsentRound, authors: Authors): RoundEntry => ({
  status: round.status,
  waitingFor: round.waitingFor.map(authors.groupName),
  tally: round.tally,
  reasons: round.answers.filter((a) => a.reason !== '')
    .map((a) => ({ author: authors.byGroup(a.group, a.participant), answer: a.answer, reason: a.reason })),
});

/** "Adopted: 2 agree · 1 with reservations · 0 object", as plain text (the CSV's status cell). */
export const roundStatus = (round: RoundEntry, t: Labels): string =>
  `${consentWords(round, (name) => name, t)}: ${t('rules.tally', round.tally)}`;

const reasonText = (r: RoundEntry['reasons'][number], t: Labels) =>
  t('export.rules.reason', { who: authorLabel(r.author, t), answer: t(`rules.answer.${r.answer}`), reason: r.reason });

export function roundHtml(round: RoundEntry, t: Labels): string {
  const reasons = round.reasons.map((r) => `<li>${h(reasonText(r, t))}</li>`).join('');
  return `<p><strong class="status-${round.status}">${h(consentWords(round, (name) => name, t))}</strong>: ${h(t('rules.tally', round.tally))}</p>`
    + (reasons ? `<ul>${reasons}</ul>` : '');
}

/** Lines indented by `indent`, to sit inside a list item. */
export function roundMarkdown(round: RoundEntry, t: Labels, indent = '   '): string[] {
  return [
    `${indent}**${md(consentWords(round, (name) => name, t))}**: ${md(t('rules.tally', round.tally))}`,
    ...round.reasons.map((r) => `${indent}- ${md(reasonText(r, t))}`),
  ];
}
