import { keyPartnerWarning, listRelationships, listStakeholders, type AxisSpread, type Stakeholder } from '../../core/stakeholders';
import { listOrEmpty } from '../block-parts';
import { bold, cell, heading, italic, paragraph, type Block } from '../blocks';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import type { Labels } from '../labels';
import { bulletList } from '../markdown-parts';
import { percent, percentOf, rangeLabel } from '../placement';
import { stakeholderSvg } from '../stakeholder-svg';
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

/** The key-partner warning, the map, a table of every stakeholder and one of relationships. */
function html(section: StakeholdersSection, t: Labels): string {
  if (section.stakeholders.length === 0) return `<p class="empty">${h(t('export.empty'))}</p>`;
  const axis = (value: number | undefined, spread: AxisSpread | undefined) =>
    value === undefined || !spread ? h(t('stakeholders.unplaced'))
      : h(percent(value, t)) + (spread.min < spread.max ? ` <span class="by">(${h(rangeLabel(spread, t))})</span>` : '');
  const detail = (s: StakeholdersSection['stakeholders'][number]) => (['needs', 'interests', 'motivations', 'brings'] as const)
    .filter((d) => s[d] !== '')
    .map((d) => `<div class="detail"><strong>${h(t(`stakeholders.${d}`))}:</strong> ${h(s[d])}</div>`).join('');
  const head = [t('stakeholders.name'), t('stakeholders.sector'), t('stakeholders.level'), t('stakeholders.axis.influence'),
    t('stakeholders.axis.interest'), t('export.estimates')].map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const rows = section.stakeholders.map((s) => `<tr><th scope="row">${h(s.name)}${detail(s)}</th>`
    + `<td>${h(t(`sector.${s.sector}`))}</td><td>${h(t(`level.${s.level}`))}</td>`
    + `<td>${axis(s.position?.influence, s.spread?.influence)}</td><td>${axis(s.position?.interest, s.spread?.interest)}</td>`
    + `<td>${s.estimates}</td></tr>`).join('');
  const parts = [
    section.keyPartners.tooMany ? `<p class="warning">${h(t('stakeholders.warning', { count: section.keyPartners.count }))}</p>` : '',
    stakeholderSvg(section, t),
    `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
  ];
  if (section.relationships.length > 0) {
    const relHead = [t('stakeholders.relationship.from'), t('export.relationship'), t('stakeholders.relationship.to')]
      .map((c) => `<th scope="col">${h(c)}</th>`).join('');
    const relRows = section.relationships.map((r) => `<tr><td>${h(section.stakeholders[r.from]!.name)}</td><td>${h(r.label) || '—'}</td><td>${h(section.stakeholders[r.to]!.name)}</td></tr>`).join('');
    parts.push(`<h3>${h(t('stakeholders.relationships'))}</h3><table><thead><tr>${relHead}</tr></thead><tbody>${relRows}</tbody></table>`);
  }
  return parts.join('');
}

/** A table of every stakeholder, the key-partner warning, each one's details and the relationships. */
function markdown(section: StakeholdersSection, t: Labels): string[] {
  if (section.stakeholders.length === 0) return bulletList([], t);
  const axis = (value: number | undefined, spread: AxisSpread | undefined) =>
    value === undefined || !spread ? md(t('stakeholders.unplaced'))
      : md(percent(value, t)) + (spread.min < spread.max ? ` (${md(rangeLabel(spread, t))})` : '');
  const lines = [
    `| ${[t('stakeholders.name'), t('stakeholders.sector'), t('stakeholders.level'), t('stakeholders.axis.influence'),
      t('stakeholders.axis.interest'), t('export.estimates')].map(md).join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...section.stakeholders.map((s) => `| ${[
      md(s.name), md(t(`sector.${s.sector}`)), md(t(`level.${s.level}`)),
      axis(s.position?.influence, s.spread?.influence), axis(s.position?.interest, s.spread?.interest), String(s.estimates),
    ].join(' | ')} |`),
  ];
  if (section.keyPartners.tooMany) lines.push('', `> ${md(t('stakeholders.warning', { count: section.keyPartners.count }))}`);
  const details = ['needs', 'interests', 'motivations', 'brings'] as const;
  for (const s of section.stakeholders) {
    const given = details.filter((d) => s[d] !== '');
    if (given.length === 0) continue;
    lines.push('', `**${md(s.name)}**`, '', ...given.map((d) => `- *${md(t(`stakeholders.${d}`))}:* ${md(s[d])}`));
  }
  if (section.relationships.length > 0) {
    lines.push(
      '', `#### ${md(t('stakeholders.relationships'))}`, '',
      `| ${[t('stakeholders.relationship.from'), t('export.relationship'), t('stakeholders.relationship.to')].map(md).join(' | ')} |`,
      '| --- | --- | --- |',
      ...section.relationships.map((r) => `| ${md(section.stakeholders[r.from]!.name)} | ${md(r.label) || '—'} | ${md(section.stakeholders[r.to]!.name)} |`),
    );
  }
  return lines;
}

/** The stakeholders as a table (details under each name), the warning and the relationships. */
function blocks(section: StakeholdersSection, t: Labels): Block[] {
  if (section.stakeholders.length === 0) return listOrEmpty([], t);
  const axis = (value: number | undefined, spread: AxisSpread | undefined) =>
    value === undefined || !spread ? t('stakeholders.unplaced')
      : percent(value, t) + (spread.min < spread.max ? ` (${rangeLabel(spread, t)})` : '');
  const details = ['needs', 'interests', 'motivations', 'brings'] as const;
  const result: Block[] = [];
  if (section.keyPartners.tooMany) result.push({ ...paragraph(t('stakeholders.warning', { count: section.keyPartners.count })), quote: true });
  result.push({
    type: 'table',
    header: [t('stakeholders.name'), t('stakeholders.sector'), t('stakeholders.level'), t('stakeholders.axis.influence'),
      t('stakeholders.axis.interest'), t('export.estimates')],
    rows: section.stakeholders.map((s) => [
      [[bold(s.name)], ...details.filter((d) => s[d] !== '').map((d) => [italic(`${t(`stakeholders.${d}`)}: `), s[d]])],
      cell(t(`sector.${s.sector}`)), cell(t(`level.${s.level}`)),
      cell(axis(s.position?.influence, s.spread?.influence)), cell(axis(s.position?.interest, s.spread?.interest)),
      cell(String(s.estimates)),
    ]),
  });
  if (section.relationships.length > 0) {
    result.push(heading(4, t('stakeholders.relationships')), {
      type: 'table',
      header: [t('stakeholders.relationship.from'), t('export.relationship'), t('stakeholders.relationship.to')],
      rows: section.relationships.map((r) =>
        [cell(section.stakeholders[r.from]!.name), cell(r.label || '—'), cell(section.stakeholders[r.to]!.name)]),
    });
  }
  return result;
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
      keyPartners: keyPartnerWarning(stakeholders),
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
  html,
  markdown,
  blocks,
};
