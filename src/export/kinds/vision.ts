import { adoptedVersion, listVersions, visionText } from '../../core/vision';
import { escapeHtml as h } from '../escape-html';
import { escapeMarkdown as md } from '../escape-markdown';
import type { Labels } from '../labels';
import { roundEntry, roundHtml, roundMarkdown, roundStatus, type RoundEntry } from '../round-parts';
import type { SectionKind } from '../section-kind';
import type { SectionBase } from '../section-parts';

export interface VersionEntry {
  name: string;
  text: string;
  round: RoundEntry;
}

export interface VisionSection extends SectionBase {
  kind: 'vision';
  /** The version the room adopted last: the summary opens with it. */
  adopted: VersionEntry | null;
  /** The statement as it stood at export. */
  statement: string;
  versions: VersionEntry[];
}

function html(section: VisionSection, t: Labels): string {
  const { adopted } = section;
  const parts = [`<h3>${h(t('export.vision.adopted'))}</h3>`, adopted
    ? `<div class="vision"><p class="note">${h(adopted.text)}</p></div><p class="by">${h(t('export.vision.adoptedAs', { name: adopted.name }))}${
      adopted.round.tally.reservations > 0 ? ` (${h(t('export.rules.withReservations', { count: adopted.round.tally.reservations }))})` : ''}</p>`
    : `<p class="empty">${h(t('export.vision.adopted.none'))}</p>`];
  if (section.statement && section.statement !== adopted?.text) {
    parts.push(`<h3>${h(t('export.vision.statement'))}</h3><p class="note">${h(section.statement)}</p>`);
  }
  if (section.versions.length > 0) {
    const items = section.versions.map((v) => `<li><strong>${h(v.name)}</strong><p class="note">${h(v.text)}</p>${roundHtml(v.round, t)}</li>`);
    parts.push(`<h3>${h(t('export.vision.versions'))}</h3><ol class="versions">${items.join('')}</ol>`);
  }
  return parts.join('');
}

function markdown(section: VisionSection, t: Labels): string[] {
  const { adopted } = section;
  const quote = (text: string) => text.split('\n').map((line) => `> ${md(line)}`);
  const lines = [`#### ${md(t('export.vision.adopted'))}`, ''];
  if (adopted) {
    lines.push(...quote(adopted.text), '', `*${md(t('export.vision.adoptedAs', { name: adopted.name }))}*${
      adopted.round.tally.reservations > 0 ? ` (${md(t('export.rules.withReservations', { count: adopted.round.tally.reservations }))})` : ''}`);
  } else lines.push(`*${md(t('export.vision.adopted.none'))}*`);
  if (section.statement && section.statement !== adopted?.text) {
    lines.push('', `#### ${md(t('export.vision.statement'))}`, '', ...quote(section.statement));
  }
  if (section.versions.length === 0) return lines;
  lines.push('', `#### ${md(t('export.vision.versions'))}`, '');
  section.versions.forEach((v, i) => {
    lines.push(`${i + 1}. **${md(v.name)}**: ${md(v.text)}  `, ...roundMarkdown(v.round, t));
  });
  return lines;
}

export const visionSection: SectionKind<VisionSection> = {
  section: ({ doc, board, authors }) => {
    const entry = (v: ReturnType<typeof listVersions>[number]): VersionEntry => ({ name: v.name, text: v.text, round: roundEntry(v.round, authors) });
    const adopted = adoptedVersion(doc, board.id);
    return {
      title: board.title, prompt: board.prompt, kind: 'vision',
      adopted: adopted ? entry(adopted) : null,
      statement: visionText(doc, board.id).trim(),
      versions: listVersions(doc, board.id).map(entry),
    };
  },
  csvRows: (section, t) => [
    ...section.versions.map((v) => ({
      kind: t('export.csv.kind.visionVersion'), board: section.title, heading: v.name, text: v.text, status: roundStatus(v.round, t),
    })),
    ...(section.statement ? [{ kind: t('export.csv.kind.vision'), board: section.title, text: section.statement }] : []),
  ],
  html,
  markdown,
};
