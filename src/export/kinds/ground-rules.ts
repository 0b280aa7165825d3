import { adoptedRules, listProposals, type Answer, type ProposalStatus } from '../../core/ground-rules';
import { groupLabel } from '../format';
import type { SectionKind } from '../section-kind';
import type { Author, SectionBase } from '../section-parts';

export interface ProposalEntry {
  text: string;
  status: ProposalStatus;
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

export const groundRulesSection: SectionKind<GroundRulesSection> = {
  section: ({ doc, board, authors }) => ({
    title: board.title, prompt: board.prompt, kind: 'ground-rules',
    adopted: adoptedRules(doc, board.id).map((r) => ({ text: r.text, reservations: r.reservations })),
    proposals: listProposals(doc, board.id).map((p) => ({
      text: p.text, status: p.status, tally: p.tally, author: authors.byParticipant(p.proposedBy),
      reasons: p.responses.filter((r) => r.reason !== '')
        .map((r) => ({ author: authors.byParticipant(r.participant), answer: r.answer, reason: r.reason })),
    })),
  }),
  csvRows: (section, t) => section.proposals.map((p) => ({
    kind: t('export.csv.kind.proposal'), board: section.title, text: p.text, group: groupLabel(p.author.group, t),
    author: p.author.name ?? '', status: `${t(`rules.status.${p.status}`)}: ${t('rules.tally', p.tally)}`,
  })),
};
