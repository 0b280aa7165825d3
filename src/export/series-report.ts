import type * as Y from 'yjs';
import { listActions, type ActionStatus } from '../core/series/actions';
import { listMeetings, seriesTitle } from '../core/series/doc';
import { listDecisions, listParked } from '../core/series/outcomes';
import { escapeHtml as h } from './escape-html';
import { escapeMarkdown as md } from './escape-markdown';
import { formatDate } from '../core/message-params';
import { htmlPage, type HtmlOptions } from './html';
import type { Labels } from './labels';
import { actionEntry, actionFacts, sourceText, type ActionEntry, type OutcomeEntry } from './series-part';
import { summaryModel } from './summary-model';

/* Every meeting of a series in one document, the annex a programme's final report needs
 * (seed 003 L107–113): attendance by group, decisions, each action's history across meetings,
 * and what was parked and what became of it. Names of people never appear except as owners. */

export interface MeetingEntry {
  title: string;
  date: string;
  /** False when this device holds no copy of the meeting: its attendance is unknown here. */
  held: boolean;
  attendance: { group: string; people: number }[];
}

export interface SeriesReportModel {
  title: string;
  locale: string;
  meetings: MeetingEntry[];
  decisions: (OutcomeEntry & { meeting: string })[];
  actions: (ActionEntry & { madeIn: string; history: { status: ActionStatus; meeting: string }[] })[];
  parked: (OutcomeEntry & { meeting: string; scheduledIn: string | null })[];
}

export function seriesReportModel(series: Y.Doc, meetingDocs: ReadonlyMap<string, Y.Doc>, options: { locale?: string } = {}): SeriesReportModel {
  const meetings = listMeetings(series);
  const titles = new Map(meetings.map((m) => [m.id, m.title]));
  const titleOf = (id: string) => titles.get(id) ?? '';
  const source = (s: { kind: string; label: string } | null) => (s ? { kind: s.kind, label: s.label } : null);
  return {
    title: seriesTitle(series),
    locale: options.locale ?? 'en',
    meetings: meetings.map((m) => {
      const doc = meetingDocs.get(m.id);
      const groups = doc ? summaryModel(doc, { boards: [] }).groups : [];
      return { title: m.title, date: m.startsAt, held: !!doc, attendance: groups.filter((g) => g.participants > 0).map((g) => ({ group: g.name, people: g.participants })) };
    }),
    decisions: listDecisions(series).map((d) => ({ text: d.text, source: source(d.source), meeting: titleOf(d.meeting) })),
    actions: listActions(series).map((a) => ({
      ...actionEntry(a), madeIn: titleOf(a.meeting), history: a.history.map((c) => ({ status: c.status, meeting: titleOf(c.meeting) })),
    })),
    parked: listParked(series).map((p) => ({
      text: p.text, source: source(p.source), meeting: titleOf(p.meeting), scheduledIn: p.scheduled ? titleOf(p.scheduled.meeting) : null,
    })),
  };
}

/* The report's wording, shared by every format. */

export const fate = (p: SeriesReportModel['parked'][number], t: Labels) =>
  p.scheduledIn !== null ? t('series.scheduled', { meeting: p.scheduledIn }) : t('seriesReport.stillParked');

export const historyText = (a: SeriesReportModel['actions'][number], t: Labels) =>
  a.history.map((c) => t('seriesReport.change', { status: t(`actions.status.${c.status}`), meeting: c.meeting })).join(' → ');

export const attendanceText = (m: MeetingEntry, t: Labels) => m.held
  ? m.attendance.map((g) => `${g.group || t('seriesReport.noGroup')}: ${t('seriesReport.people', { count: g.people })}`).join('; ')
  : t('seriesReport.notHere');

export function toSeriesHtml(model: SeriesReportModel, t: Labels, options: HtmlOptions = {}): string {
  const title = t('seriesReport.title', { title: model.title });
  const none = `<p class="empty">${h(t('seriesReport.none'))}</p>`;
  const from = (o: OutcomeEntry) => (o.source ? ` <span class="by">(${h(sourceText(o.source, t))})</span>` : '');
  const meetings = `<h2>${h(t('seriesReport.meetings'))}</h2><table><tr><th>${h(t('seriesReport.meetings'))}</th><th>${h(t('seriesReport.attendance'))}</th></tr>`
    + model.meetings.map((m) => `<tr><td>${h(m.title)}${m.date ? `<br><span class="by">${h(formatDate(m.date, model.locale))}</span>` : ''}</td><td>${h(attendanceText(m, t))}</td></tr>`).join('')
    + '</table>';
  const decisions = `<h2>${h(t('seriesReport.decisions'))}</h2>` + (model.decisions.length === 0 ? none
    : `<ul>${model.decisions.map((d) => `<li><span class="note">${h(d.text)}</span> <span class="by">(${h(t('outcomes.inMeeting', { meeting: d.meeting }))})</span>${from(d)}</li>`).join('')}</ul>`);
  const actions = `<h2>${h(t('seriesReport.actions'))}</h2>` + (model.actions.length === 0 ? none
    : `<ul>${model.actions.map((a) => `<li><span class="note">${h(a.text)}</span> — <strong>${h(a.owner || t('actions.noOwner'))}</strong>`
      + ` <span class="by">(${h(actionFacts(a, t))}; ${h(t('seriesReport.madeIn', { meeting: a.madeIn }))})</span>${from(a)}`
      + `<br><span class="by">${h(historyText(a, t))}</span></li>`).join('')}</ul>`);
  const parked = `<h2>${h(t('seriesReport.parked'))}</h2>` + (model.parked.length === 0 ? none
    : `<ul>${model.parked.map((p) => `<li><span class="note">${h(p.text)}</span> <span class="by">(${h(t('outcomes.inMeeting', { meeting: p.meeting }))})</span>: ${h(fate(p, t))}</li>`).join('')}</ul>`);
  return htmlPage(title, model.locale, [`<header><h1>${h(title)}</h1></header>`, '<main>', meetings, decisions, actions, parked, '</main>',
    `<footer><p class="by">${h(t('seriesReport.generated'))}</p></footer>`], options);
}

export function toSeriesMarkdown(model: SeriesReportModel, t: Labels): string {
  const none = `*${md(t('seriesReport.none'))}*`;
  const from = (o: OutcomeEntry) => (o.source ? ` (${md(sourceText(o.source, t))})` : '');
  const lines = [`# ${md(t('seriesReport.title', { title: model.title }))}`, '', `## ${md(t('seriesReport.meetings'))}`, ''];
  lines.push(...model.meetings.map((m, i) => `${i + 1}. **${md(m.title)}**${m.date ? ` (${md(formatDate(m.date, model.locale))})` : ''}: ${md(attendanceText(m, t))}`));
  lines.push('', `## ${md(t('seriesReport.decisions'))}`, '', ...(model.decisions.length === 0 ? [none]
    : model.decisions.map((d) => `- ${md(d.text)} (${md(t('outcomes.inMeeting', { meeting: d.meeting }))})${from(d)}`)));
  lines.push('', `## ${md(t('seriesReport.actions'))}`, '', ...(model.actions.length === 0 ? [none]
    : model.actions.map((a) => `- ${md(a.text)} — **${md(a.owner || t('actions.noOwner'))}** (${md(actionFacts(a, t))}; ${md(t('seriesReport.madeIn', { meeting: a.madeIn }))})${from(a)}  \n  ${md(historyText(a, t))}`)));
  lines.push('', `## ${md(t('seriesReport.parked'))}`, '', ...(model.parked.length === 0 ? [none]
    : model.parked.map((p) => `- ${md(p.text)} (${md(t('outcomes.inMeeting', { meeting: p.meeting }))}): ${md(fate(p, t))}`)));
  return `${lines.join('\n')}\n`;
}

/** The series report's text formats. Word is laid out from `seriesReportBlocks` by the app, which
 *  loads the Word library only when someone asks for it. */
export const SERIES_REPORT_FORMATS = {
  html: { render: toSeriesHtml, type: 'text/html', extension: 'html' },
  markdown: { render: toSeriesMarkdown, type: 'text/markdown', extension: 'md' },
} as const;
