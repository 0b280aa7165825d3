import { AGREEMENT_SECTIONS, promptsOf } from '../../core/agreement';
import { agreementModel, agreementSectionBlocks, type AgreementModel } from '../agreement';
import { blocksHtml, blocksMarkdown } from '../blocks-text';
import type { Labels } from '../labels';
import { roundStatus } from '../round-parts';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';

/* The agreement board's section of the summary: its sections as the agreement document has them,
 * without the sign-off lines (the agreement is exported on its own to be signed). */

export interface AgreementSection extends SectionBase {
  kind: 'agreement';
  agreement: AgreementModel;
}

const body = (s: AgreementSection, t: Labels) => agreementSectionBlocks(s.agreement, t, 3);

export const agreementSection: SectionKind<AgreementSection> = {
  section: ({ doc, board }) => ({ title: board.title, prompt: board.prompt, kind: 'agreement', agreement: agreementModel(doc, board.id) }),
  // What the agreement board itself holds: each section's acceptance, then the room's answers to
  // its questions. What the sections show from other boards is in those boards' own rows.
  csvRows: (s, t) => AGREEMENT_SECTIONS.flatMap((section) => [
    { kind: t('export.csv.kind.agreementSection'), board: s.title, text: t(`agreement.section.${section}`), status: roundStatus(s.agreement.rounds[section], t) },
    ...promptsOf(section).filter((p) => s.agreement.prompts[p]).map((p) => ({
      kind: t('export.csv.kind.agreementAnswer'), board: s.title, heading: t(`agreement.prompt.${p}`), text: s.agreement.prompts[p],
    })),
  ]),
  html: (s, t) => blocksHtml(body(s, t)),
  markdown: (s, t) => blocksMarkdown(body(s, t)),
  blocks: body,
};
