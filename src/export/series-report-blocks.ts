import { bold, heading, italic, paragraph, type Block, type Line, type Run } from './blocks';
import { formatDate } from '../core/message-params';
import type { Labels } from './labels';
import { sourceText, actionFacts, type OutcomeEntry } from './series-part';
import { attendanceText, fate, historyText, type SeriesReportModel } from './series-report';

/** The series report as blocks, for Word: the sections and words of the HTML and Markdown
 *  reports, with what those set apart in grey in italics. */
export function seriesReportBlocks(model: SeriesReportModel, t: Labels): Block[] {
  const listOrNone = (items: Line[]): Block => items.length === 0 ? paragraph(italic(t('seriesReport.none'))) : { type: 'list', ordered: false, items };
  const from = (o: OutcomeEntry): Run[] => (o.source ? [italic(` (${sourceText(o.source, t)})`)] : []);
  const inMeeting = (meeting: string) => italic(` (${t('outcomes.inMeeting', { meeting })})`);
  return [
    heading(1, t('seriesReport.title', { title: model.title })),
    heading(2, t('seriesReport.meetings')),
    {
      type: 'table',
      header: [t('seriesReport.meetings'), t('seriesReport.attendance')],
      rows: model.meetings.map((m) => [
        [[bold(m.title)], ...(m.date ? [[italic(formatDate(m.date, model.locale))]] : [])],
        [[attendanceText(m, t)]],
      ]),
    },
    heading(2, t('seriesReport.decisions')),
    listOrNone(model.decisions.map((d) => [d.text, inMeeting(d.meeting), ...from(d)])),
    heading(2, t('seriesReport.actions')),
    listOrNone(model.actions.map((a) => [
      a.text, ' — ', bold(a.owner || t('actions.noOwner')),
      italic(` (${actionFacts(a, t)}; ${t('seriesReport.madeIn', { meeting: a.madeIn })})`), ...from(a),
      ': ', italic(historyText(a, t)),
    ])),
    heading(2, t('seriesReport.parked')),
    listOrNone(model.parked.map((p) => [p.text, inMeeting(p.meeting), `: ${fate(p, t)}`])),
    paragraph(italic(t('seriesReport.generated'))),
  ];
}
