import { keyPartnerWarning, listRelationships, listStakeholders, type Stakeholder } from '../../core/stakeholders';
import { percentOf } from '../placement';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';

/** A stakeholder as the summary shows it: everything but ids, authors and one person's own estimate. */
export type StakeholderEntry = Omit<Stakeholder, 'id' | 'createdBy' | 'createdAt' | 'order' | 'mine'>;

export interface StakeholdersSection extends SectionBase {
  kind: 'stakeholders';
  stakeholders: StakeholderEntry[];
  /** `from` and `to` index `stakeholders`: ids mean nothing to a reader, and names may repeat. */
  relationships: { from: number; to: number; label: string }[];
  keyPartners: { count: number; tooMany: boolean };
}

export const stakeholdersSection: SectionKind<StakeholdersSection> = {
  section({ doc, board }) {
    const stakeholders = listStakeholders(doc, board.id);
    const index = new Map(stakeholders.map((s, i) => [s.id, i]));
    return {
      title: board.title, prompt: board.prompt, kind: 'stakeholders',
      stakeholders: stakeholders.map((s) => ({
        name: s.name, sector: s.sector, level: s.level, needs: s.needs, interests: s.interests,
        motivations: s.motivations, brings: s.brings, estimates: s.estimates, position: s.position, spread: s.spread,
      })),
      // listRelationships keeps only those whose both ends exist.
      relationships: listRelationships(doc, board.id)
        .map((r) => ({ from: index.get(r.from)!, to: index.get(r.to)!, label: r.label })),
      keyPartners: keyPartnerWarning(doc, board.id),
    };
  },
  csvRows: (section, t) => section.stakeholders.map((s) => ({
    kind: t('export.csv.kind.stakeholder'), board: section.title, text: s.name, sector: t(`sector.${s.sector}`),
    level: t(`level.${s.level}`), needs: s.needs, interests: s.interests, motivations: s.motivations, brings: s.brings,
    // Plain numbers, so the sheet can sort and average them.
    influence: s.position ? String(percentOf(s.position.influence)) : '',
    interest: s.position ? String(percentOf(s.position.interest)) : '',
    estimates: String(s.estimates),
  })),
};
