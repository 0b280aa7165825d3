import type * as Y from 'yjs';
import { exportFileName } from '../export/file-name';
import { SERIES_REPORT_FORMATS, seriesReportModel } from '../export/series-report';
import { seriesReportBlocks } from '../export/series-report-blocks';
import { locale, t } from '../i18n/i18n';
import { docxFile } from './docx-file';
import type { SeriesSession } from './series.svelte';
import type { SessionServices } from './workshop-session.svelte';

export type SeriesReportFormat = keyof typeof SERIES_REPORT_FORMATS | 'docx';

/** The series report as a file, from every meeting of the series this device holds (a meeting
 *  it never joined is listed without its attendance). */
export async function seriesReportFile(services: Pick<SessionServices, 'store'>, series: SeriesSession, format: SeriesReportFormat, now = new Date()): Promise<File> {
  const docs = new Map<string, Y.Doc>([[series.meeting.id, series.meeting.doc]]);
  const opened: (() => void)[] = [];
  try {
    for (const meeting of series.meetings.current) {
      if (docs.has(meeting.id)) continue;
      const row = await services.store.get(meeting.id);
      const held = row && row.deletedAt === undefined ? await services.store.open(meeting.id) : undefined;
      if (!held) continue;
      docs.set(meeting.id, held.doc);
      opened.push(held.close);
    }
    const model = seriesReportModel(series.doc, docs, { locale: locale() });
    const name = (extension: string) => exportFileName(model.title || 'series', now, extension);
    if (format === 'docx') return await docxFile(seriesReportBlocks(model, t), t('seriesReport.title', { title: model.title }), name('docx'));
    const { render, type, extension } = SERIES_REPORT_FORMATS[format];
    return new File([render(model, t)], name(extension), { type: `${type};charset=utf-8` });
  } finally {
    opened.forEach((close) => close());
  }
}
