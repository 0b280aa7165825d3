import type { AxisSpread } from '../core/stakeholders';
import type { Labels } from './labels';
import { authorLabel, formatDate, groupLabel, kindLabel, voteFacts } from './format';
import { percent, rangeLabel } from './placement';
import type { BoardSection } from './board-sections';
import type { GroundRulesSection } from './kinds/ground-rules';
import type { NotesSection } from './kinds/notes';
import type { StakeholdersSection } from './kinds/stakeholders';
import type { SwotSection } from './kinds/swot';
import type { NoteEntry, VoteEntry } from './section-parts';
import type { SummaryModel } from './summary-model';

/** Plain text as Markdown that renders exactly as typed: every character Markdown (with GFM
 *  tables, strikethrough and autolinks) gives a meaning is backslash-escaped, so no note can make a
 *  link, image, heading, list or table cell; `<` and `>` become entities, so no HTML tag survives
 *  a renderer that allows raw HTML; line breaks become `<br>`, so a text never starts a line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

const md = escapeMarkdown;

const noteLine = (note: NoteEntry, t: Labels): string => `${md(note.text)} — *${md(authorLabel(note.author, t))}*`;

function bulletList(lines: readonly string[], t: Labels): string[] {
  return lines.length === 0 ? [`*${md(t('export.empty'))}*`] : lines.map((line) => `- ${line}`);
}

/** One quadrant as the contents of a table cell: headings in bold, each note on its own line. */
function quadrantCell(q: SwotSection['quadrants'][number], t: Labels): string {
  const lines = [
    ...q.headings.flatMap((h) => [`**${md(h.title)}**`, ...h.notes.map((n) => `• ${noteLine(n, t)}`)]),
    ...q.notes.map((n) => `• ${noteLine(n, t)}`),
  ];
  return lines.join('<br>') || '—';
}

function swot(section: SwotSection, t: Labels): string[] {
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

function stakeholders(section: StakeholdersSection, t: Labels): string[] {
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

function groundRules(section: GroundRulesSection, t: Labels): string[] {
  const adopted = section.adopted.map((r) => md(r.text)
    + (r.reservations > 0 ? ` (${md(t('export.rules.withReservations', { count: r.reservations }))})` : ''));
  const lines = [`#### ${md(t('export.rules.adopted'))}`, ''];
  lines.push(...(adopted.length > 0 ? adopted.map((r, i) => `${i + 1}. ${r}`) : [`*${md(t('export.rules.adopted.none'))}*`]));
  if (section.proposals.length === 0) return lines;
  lines.push('', `#### ${md(t('export.rules.proposals'))}`, '');
  section.proposals.forEach((p, i) => {
    lines.push(`${i + 1}. ${md(p.text)} — *${md(authorLabel(p.author, t))}*  `);
    lines.push(`   **${md(t(`rules.status.${p.status}`))}**: ${md(t('rules.tally', p.tally))}`);
    for (const r of p.reasons) {
      lines.push(`   - ${md(t('export.rules.reason', { who: authorLabel(r.author, t), answer: t(`rules.answer.${r.answer}`), reason: r.reason }))}`);
    }
  });
  return lines;
}

const notes = (section: NotesSection, t: Labels): string[] => bulletList(section.notes.map((n) => noteLine(n, t)), t);

/** A board's dot vote: one row per note that got dots, one column per voting group. */
function vote(v: VoteEntry | undefined, t: Labels): string[] {
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

function sectionBody(section: BoardSection, t: Labels): string[] {
  switch (section.kind) {
    case 'swot': return [...swot(section, t), ...vote(section.vote, t)];
    case 'stakeholders': return stakeholders(section, t);
    case 'ground-rules': return groundRules(section, t);
    case 'notes': return [...notes(section, t), ...vote(section.vote, t)];
  }
}

const sectionType = (section: BoardSection): string => (section.kind === 'notes' ? section.type : section.kind);

/** The summary as a Markdown document (CommonMark with GFM tables). */
export function toMarkdown(model: SummaryModel, t: Labels): string {
  const lines = [`# ${md(t('export.title', { title: model.title }))}`, ''];
  const facts: [string, string][] = [
    [t('workshop.date'), formatDate(model.date, model.locale)],
    [t('workshop.place'), model.place],
  ];
  for (const [label, value] of facts) if (value) lines.push(`**${md(label)}:** ${md(value)}  `);
  if (model.purpose) lines.push('', `**${md(t('workshop.purpose'))}:** ${md(model.purpose)}`);

  lines.push('', `## ${md(t('export.participants'))}`, '');
  lines.push(...(model.groups.length === 0 ? [`*${md(t('export.participants.none'))}*`] : model.groups.map((g) => {
    const names = g.names && g.names.length > 0 ? `: ${md(g.names.join(', '))}` : '';
    return `- **${md(groupLabel(g.name, t))}** (${md(t('export.participants.count', { count: g.participants }))})${names}`;
  })));

  lines.push('', `## ${md(t('workshop.agenda'))}`, '');
  // The facilitator's steps when there are any, else the boards in order.
  if (model.steps.length > 0) {
    lines.push(...model.steps.map((s, i) => `${i + 1}. ${md(s.title)} (${md(t('agenda.timebox', { count: s.minutes }))})`
      + (s.board && s.board !== s.title ? ` — *${md(s.board)}*` : '')));
  } else {
    lines.push(...(model.agenda.length === 0 ? [`*${md(t('export.empty'))}*`]
      : model.agenda.map((a, i) => `${i + 1}. ${md(a.title)} (${md(kindLabel(a.type, t))})`)));
  }

  for (const section of model.sections) {
    lines.push('', `## ${md(section.title)}`, '', `*${md(kindLabel(sectionType(section), t))}*`);
    if (section.prompt) lines.push('', `> ${md(section.prompt)}`);
    lines.push('', ...sectionBody(section, t));
  }
  return `${lines.join('\n')}\n`;
}
