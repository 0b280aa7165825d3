import type * as Y from 'yjs';
import { calendarDay } from '../core/message-params';
import { byOwner, isOpen, listActions, type Action, type ActionStatus } from '../core/series/actions';
import type { SourceRef } from '../core/series/doc';
import { listDecisions, listParked } from '../core/series/outcomes';
import { escapeHtml as h } from './escape-html';
import { escapeMarkdown as md } from './escape-markdown';
import type { Labels } from './labels';

/* A meeting's part of its series in the session summary: the actions it made, changed or
 * carries (grouped by owner, with due dates and status), and its decisions and parked items. */

export interface ActionEntry {
  text: string;
  /** The owner's label, '' for none. */
  owner: string;
  due: string;
  status: ActionStatus;
  source: { kind: string; label: string } | null;
}

export interface OutcomeEntry {
  text: string;
  source: { kind: string; label: string } | null;
}

export interface SeriesPart {
  actions: { owner: string; items: ActionEntry[] }[];
  decisions: OutcomeEntry[];
  parked: OutcomeEntry[];
}

const sourceOf = (s: SourceRef | null) => (s ? { kind: s.kind, label: s.label } : null);

export const actionEntry = (a: Action): ActionEntry => ({
  text: a.text, owner: a.owner?.label ?? '', due: a.due, status: a.status, source: sourceOf(a.source),
});

export function seriesPart(series: Y.Doc, meetingId: string): SeriesPart {
  const touched = (a: Action) => a.meeting === meetingId || a.history.some((c) => c.meeting === meetingId) || isOpen(a);
  const here = <T extends { meeting: string; text: string; source: SourceRef | null }>(list: T[]) =>
    list.filter((e) => e.meeting === meetingId).map((e) => ({ text: e.text, source: sourceOf(e.source) }));
  return {
    actions: byOwner(listActions(series).filter(touched)).map((g) => ({ owner: g.owner?.label ?? '', items: g.actions.map(actionEntry) })),
    decisions: here(listDecisions(series)),
    parked: here(listParked(series)),
  };
}

const SOURCE_KINDS = {
  note: 'source.note', proposal: 'source.proposal', stakeholder: 'source.stakeholder', risk: 'source.risk', pledge: 'source.pledge', parked: 'source.parked',
} as const;

/** "From note “…”", plain text. */
export function sourceText(source: { kind: string; label: string }, t: Labels): string {
  const kind = SOURCE_KINDS[source.kind as keyof typeof SOURCE_KINDS];
  return t('actions.from', { kind: kind ? t(kind) : source.kind, label: source.label });
}

/** "due January 15, 2027 · In progress". */
export const actionFacts = (a: Pick<ActionEntry, 'due' | 'status'>, t: Labels): string =>
  `${a.due ? t('actions.due.on', { date: calendarDay(a.due) }) : t('actions.due.none')} · ${t(`actions.status.${a.status}`)}`;

const ownerLabel = (owner: string, t: Labels) => owner || t('actions.noOwner');

/** Actions by owner, each with its due date and status. */
export const actionsHtml = (groups: SeriesPart['actions'], t: Labels): string => groups.length === 0
  ? `<p class="empty">${h(t('seriesReport.none'))}</p>`
  : groups.map((g) => `<h3>${h(ownerLabel(g.owner, t))}</h3><ul>${g.items.map((a) =>
    `<li><span class="note">${h(a.text)}</span> <span class="by">(${h(actionFacts(a, t))})</span></li>`).join('')}</ul>`).join('');

export function actionsMarkdown(groups: SeriesPart['actions'], t: Labels): string[] {
  if (groups.length === 0) return [`*${md(t('seriesReport.none'))}*`];
  return groups.flatMap((g, i) => [...(i > 0 ? [''] : []), `### ${md(ownerLabel(g.owner, t))}`, '', ...g.items.map((a) => `- ${md(a.text)} (${md(actionFacts(a, t))})`)]);
}

export function seriesPartHtml(part: SeriesPart, t: Labels): string {
  const outcome = (o: OutcomeEntry) => `<li><span class="note">${h(o.text)}</span>${o.source ? ` <span class="by">(${h(sourceText(o.source, t))})</span>` : ''}</li>`;
  const list = (items: OutcomeEntry[]) => items.length ? `<ul>${items.map(outcome).join('')}</ul>` : `<p class="empty">${h(t('seriesReport.none'))}</p>`;
  return `<section class="series"><h2>${h(t('summary.actions'))}</h2>${actionsHtml(part.actions, t)}`
    + `<h2>${h(t('summary.decisions'))}</h2>${list(part.decisions)}`
    + `<h2>${h(t('summary.parked'))}</h2>${list(part.parked)}</section>`;
}

export function seriesPartMarkdown(part: SeriesPart, t: Labels): string[] {
  const none = `*${md(t('seriesReport.none'))}*`;
  const outcome = (o: OutcomeEntry) => `- ${md(o.text)}${o.source ? ` (${md(sourceText(o.source, t))})` : ''}`;
  const lines = ['', `## ${md(t('summary.actions'))}`, '', ...actionsMarkdown(part.actions, t)];
  lines.push('', `## ${md(t('summary.decisions'))}`, '', ...(part.decisions.length ? part.decisions.map(outcome) : [none]));
  lines.push('', `## ${md(t('summary.parked'))}`, '', ...(part.parked.length ? part.parked.map(outcome) : [none]));
  return lines;
}
