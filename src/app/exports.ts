import type * as Y from 'yjs';
import { backupFileName, encodeBackup } from '../export/backup';
import { toCsv } from '../export/csv';
import { exportFileName } from '../export/file-name';
import { toHtml, type HtmlOptions } from '../export/html';
import { toMarkdown } from '../export/markdown';
import { summaryBlocks } from '../export/summary-blocks';
import { summaryModel, type SummaryOptions } from '../export/summary-model';
import type { ExportLanguage } from '../core/board-words';
import { bothTranslator, translator } from '../i18n/i18n';
import type { Role } from '../storage/db';
import { docxFile } from './docx-file';
import type { WorkshopSession } from './workshop-session.svelte';

export type SummaryFormat = 'html' | 'markdown' | 'csv';
export type Paper = 'a4' | 'letter';

const FORMATS: Record<SummaryFormat, { extension: string; type: string }> = {
  html: { extension: 'html', type: 'text/html;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
};

type SummaryChoices = Omit<SummaryOptions, 'root' | 'locale' | 'boardLanguage'> & { language: ExportLanguage };

/** The summary's model and words in the language chosen at export (dates in English when both).
 *  Agenda steps and votes count under the root this device trusts, never one read from the
 *  document. */
function summaryOf(session: Pick<WorkshopSession, 'doc' | 'facilitation'>, options: SummaryChoices) {
  const { language, ...rest } = options;
  const model = summaryModel(session.doc, {
    ...rest, locale: language === 'both' ? 'en' : language, boardLanguage: language, root: session.facilitation.root,
  });
  return { model, t: language === 'both' ? bothTranslator() : translator(language) };
}

/** The session summary (or the CSV of its notes and stakeholders) as a file named after the
 *  workshop. */
export function summaryFile(
  session: Pick<WorkshopSession, 'doc' | 'facilitation'>, title: string, format: SummaryFormat,
  options: SummaryChoices & HtmlOptions, now = new Date(),
): File {
  const { paper, khmerFont, ...rest } = options;
  const { model, t } = summaryOf(session, rest);
  const text = format === 'html' ? toHtml(model, t, { paper, khmerFont }) : format === 'markdown' ? toMarkdown(model, t) : toCsv(model, t);
  const { extension, type } = FORMATS[format];
  return new File([text], exportFileName(title, now, extension), { type });
}

/** The session summary as a Word document. */
export function summaryDocx(
  session: Pick<WorkshopSession, 'doc' | 'facilitation'>, title: string, options: SummaryChoices, now = new Date(),
): Promise<File> {
  const { model, t } = summaryOf(session, options);
  return docxFile(summaryBlocks(model, t), t('export.title', { title: model.title }), exportFileName(title, now, 'docx'));
}

/** The whole workshop in one file that any device can import (and merge); a meeting of a series
 *  carries the series' document too. */
export function backupFile(
  doc: Y.Doc, workshop: { id: string; title: string; role: Role }, series?: { id: string; secret: string; doc: Y.Doc }, now = new Date(),
): File {
  return new File([encodeBackup(doc, { id: workshop.id, role: workshop.role }, now, series)], backupFileName(workshop.title, now), {
    type: 'application/json',
  });
}
