import type * as Y from 'yjs';
import {
  adoptedContent, agreementPrompts, AGREEMENT_SECTIONS, promptsOf, sectionRounds, type AgreementPrompt, type AgreementSection,
} from '../core/agreement';
import { getBoard } from '../core/boards';
import { groupsPresent } from '../core/consent';
import { listGroups } from '../core/groups';
import { getMeta } from '../core/meta';
import { listOrEmpty } from './block-parts';
import { bold, heading, italic, paragraph, type Block, type Line } from './blocks';
import { consentWords } from './consent-words';
import { formatDate } from '../core/message-params';
import { pledgeLabel, type PledgeEntry } from './kinds/resources';
import type { Labels } from './labels';
import { roundEntry, type RoundEntry } from './round-parts';
import { authorsOf } from './section-parts';

/* The partnership agreement as plain data, and as blocks every format lays out: the standalone
 * document (HTML to print, Markdown, Word) and the agreement board's section of the summary say
 * the same, once. Names of people never appear: partners are groups, and each signs below. */

type FromBoard<T> = { board: string } & T;

export interface AgreementContent {
  vision: FromBoard<{ version: { name: string; text: string } | null }>[];
  conduct: FromBoard<{ rules: { text: string; reservations: number }[] }>[];
  resources: FromBoard<{ partners: { name: string; inside: boolean; pledges: (PledgeEntry & { need: string })[] }[] }>[];
  indicators: FromBoard<{ indicators: { indicator: string; success: string; target: string; method: string; collectedBy: string; frequency: string; reportTo: string }[] }>[];
  risks: FromBoard<{ risks: { text: string; mitigation: string; owner: string }[]; redLines: { partner: string; lines: string[] }[] }>[];
}

export interface AgreementModel {
  /** The workshop's title. */
  workshop: string;
  /** The agreement board's title. */
  title: string;
  /** yyyy-mm-dd, or ''. */
  date: string;
  locale: string;
  content: AgreementContent;
  prompts: Record<AgreementPrompt, string>;
  rounds: Record<AgreementSection, RoundEntry>;
  /** The partner groups that sign: those present, or every group when nobody has joined. */
  partners: string[];
}

export function agreementModel(doc: Y.Doc, boardId: string, options: { locale?: string } = {}): AgreementModel {
  const meta = getMeta(doc);
  const adopted = adoptedContent(doc);
  const authors = authorsOf(doc, false);
  const groups = listGroups(doc);
  const present = new Set(groupsPresent(doc));
  const signing = groups.some((g) => present.has(g.id)) ? groups.filter((g) => present.has(g.id)) : groups;
  return {
    workshop: meta.title,
    title: getBoard(doc, boardId)?.title ?? '',
    date: meta.startsAt,
    locale: options.locale ?? meta.locale,
    content: {
      vision: adopted.vision.map((b) => ({ board: b.title, version: b.content })),
      conduct: adopted.conduct.map((b) => ({ board: b.title, rules: b.content })),
      resources: adopted.resources.map((b) => ({
        board: b.title,
        partners: b.content.map(({ partner, pledges }) => ({
          name: partner.name, inside: partner.inside,
          pledges: pledges.map((p) => ({ what: p.what, form: p.form, amount: p.amount, unit: p.unit, by: p.by, need: p.needTitle })),
        })),
      })),
      indicators: adopted.indicators.map((b) => ({
        board: b.title,
        indicators: b.content.map(({ indicator, success, target, method, collectedBy, frequency, reportTo }) =>
          ({ indicator, success, target, method, collectedBy, frequency, reportTo })),
      })),
      risks: adopted.risks.map((b) => ({
        board: b.title,
        risks: b.content.risks.map(({ text, mitigation, owner }) => ({ text, mitigation, owner })),
        redLines: b.content.redLines.map((p) => ({ partner: p.partner.name, lines: p.lines })),
      })),
    },
    prompts: agreementPrompts(doc, boardId),
    rounds: Object.fromEntries(sectionRounds(doc, boardId).map(({ section, round }) => [section, roundEntry(round, authors)])) as Record<AgreementSection, RoundEntry>,
    partners: signing.map((g) => g.name),
  };
}

type Level = 1 | 2 | 3 | 4;
const deeper = (level: Level): Level => Math.min(level + 1, 4) as Level;

const none = (t: Labels, key: Parameters<Labels>[0]): Block => paragraph(italic(t(key)));

/** Each board's part under its title when the workshop has several boards of the kind; a
 *  section whose kind of board the workshop lacks says so. */
function perBoard<T extends { board: string }>(boards: T[], level: Level, t: Labels, body: (b: T) => Block[]): Block[] {
  if (boards.length === 0) return [none(t, 'agreement.noBoard')];
  return boards.flatMap((b) => [...(boards.length > 1 ? [heading(level, b.board)] : []), ...body(b)]);
}

const INDICATOR_FACTS = ['success', 'target', 'method', 'collectedBy', 'frequency', 'reportTo'] as const;

/** What each section shows from the boards, below its heading. */
const FROM_BOARDS: { [S in AgreementSection]?: (c: AgreementContent, level: Level, t: Labels) => Block[] } = {
  vision: (c, level, t) => perBoard(c.vision, level, t, (b) => (b.version
    ? [{ type: 'paragraph', quote: true, line: [b.version.text] }, paragraph(italic(t('export.vision.adoptedAs', { name: b.version.name })))]
    : [none(t, 'export.vision.adopted.none')])),
  conduct: (c, level, t) => perBoard(c.conduct, level, t, (b) => listOrEmpty(b.rules.map((r) =>
    [r.text, ...(r.reservations > 0 ? [' ', italic(`(${t('export.rules.withReservations', { count: r.reservations })})`)] : [])]), t)),
  resources: (c, level, t) => perBoard(c.resources, level, t, (b) => (b.partners.length === 0 ? [none(t, 'export.empty')]
    : b.partners.flatMap((p) => [
      paragraph(bold(p.inside ? p.name || t('resources.partner.unknown') : `${p.name} (${t('resources.pledge.outsideMark')})`)),
      ...listOrEmpty(p.pledges.map((pl) => [pledgeLabel(pl, t), ...(pl.need ? [' ', italic(`(${t('agreement.forNeed', { need: pl.need })})`)] : [])]), t),
    ]))),
  indicators: (c, level, t) => perBoard(c.indicators, level, t, (b) => listOrEmpty(b.indicators.map((i) => [
    bold(i.indicator),
    ...INDICATOR_FACTS.filter((f) => i[f]).map((f) => `; ${t(`indicators.field.${f}`)}: ${i[f]}`),
  ]), t)),
  risks: (c, level, t) => perBoard(c.risks, level, t, (b) => [
    ...listOrEmpty(b.risks.map((r) => [
      r.text,
      ...(r.mitigation ? [`; ${t('risks.mitigation')}: ${r.mitigation}`] : []),
      ...(r.owner ? [`; ${t('risks.owner')}: ${r.owner}`] : []),
    ]), t),
    paragraph(bold(t('risks.section.redLines'))),
    ...(b.redLines.length === 0 ? [none(t, 'redLines.none')]
      : listOrEmpty(b.redLines.flatMap((p) => p.lines.map((l): Line => [bold(p.partner || t('redLines.unknownPartner')), `: ${l}`])), t)),
  ]),
};

/** What a section shows from the boards, its boards' titles at `level`; nothing for a section
 *  the room writes itself. */
export const fromBoardsBlocks = (model: AgreementModel, section: AgreementSection, t: Labels, level: Level): Block[] =>
  FROM_BOARDS[section]?.(model.content, level, t) ?? [];

/** Where the room stands on a section: "Waiting for Government: 1 agree · …", and the reasons. */
export function acceptanceBlocks(round: RoundEntry, t: Labels): Block[] {
  const reasons = round.reasons.map((r): Line => [t('agreement.reason', { group: r.author.group || t('note.noGroup'), answer: t(`rules.answer.${r.answer}`), reason: r.reason })]);
  return [
    paragraph(`${t('agreement.acceptance')}: `, bold(consentWords(round, (name) => name, t)), ` (${t('rules.tally', round.tally)})`),
    ...(reasons.length > 0 ? [{ type: 'list', ordered: false, items: reasons } as const] : []),
  ];
}

/** The agreement's sections as blocks, each heading at `level`. */
export function agreementSectionBlocks(model: AgreementModel, t: Labels, level: Level): Block[] {
  return AGREEMENT_SECTIONS.flatMap((section) => [
    heading(level, t(`agreement.section.${section}`)),
    ...fromBoardsBlocks(model, section, t, deeper(level)),
    ...promptsOf(section).flatMap((p) => [
      paragraph(bold(t(`agreement.prompt.${p}`))),
      model.prompts[p] ? paragraph(model.prompts[p]) : none(t, 'agreement.prompt.empty'),
    ]),
    ...acceptanceBlocks(model.rounds[section], t),
  ]);
}

/** The standalone agreement: title, its sections, and a line per partner group to sign. */
export function agreementBlocks(model: AgreementModel, t: Labels): Block[] {
  const facts = [model.workshop, formatDate(model.date, model.locale)].filter(Boolean).join(' · ');
  return [
    heading(1, model.title),
    ...(facts ? [paragraph(italic(facts))] : []),
    ...agreementSectionBlocks(model, t, 2),
    heading(2, t('agreement.signOff')),
    paragraph(t('agreement.signOff.help')),
    {
      type: 'table',
      header: [t('agreement.signOff.partner'), t('agreement.signOff.name'), t('agreement.signOff.signature'), t('agreement.signOff.date')],
      rows: (model.partners.length > 0 ? model.partners : ['']).map((p) => [[[p]], [], [], []]),
    },
  ];
}
