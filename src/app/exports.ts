import type * as Y from 'yjs';
import { backupFileName, encodeBackup } from '../export/backup';
import { toCsv } from '../export/csv';
import { exportFileName } from '../export/file-name';
import { toHtml } from '../export/html';
import { toMarkdown } from '../export/markdown';
import { summaryModel, type SummaryOptions } from '../export/summary-model';
import { locale, t } from '../i18n/i18n';
import type { Role } from '../storage/db';
import type { WorkshopSession } from './workshop-session.svelte';

export type SummaryFormat = 'html' | 'markdown' | 'csv';
export type Paper = 'a4' | 'letter';

const FORMATS: Record<SummaryFormat, { extension: string; type: string }> = {
  html: { extension: 'html', type: 'text/html;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
};

/** The session summary (or the CSV of its notes and stakeholders) as a file named after the
 *  workshop, in the interface's language. Agenda steps and votes count under the root this
 *  device trusts, never one read from the document. */
export function summaryFile(
  session: Pick<WorkshopSession, 'doc' | 'facilitation'>, title: string, format: SummaryFormat,
  options: Omit<SummaryOptions, 'root'> & { paper?: Paper }, now = new Date(),
): File {
  const { paper, ...rest } = options;
  const model = summaryModel(session.doc, { ...rest, root: session.facilitation.root, locale: locale() });
  const text = format === 'html' ? toHtml(model, t, { paper }) : format === 'markdown' ? toMarkdown(model, t) : toCsv(model, t);
  const { extension, type } = FORMATS[format];
  return new File([text], exportFileName(title, now, extension), { type });
}

/** The whole workshop in one file that any device can import (and merge). */
export function backupFile(doc: Y.Doc, workshop: { id: string; title: string; role: Role }, now = new Date()): File {
  return new File([encodeBackup(doc, { id: workshop.id, role: workshop.role }, now)], backupFileName(workshop.title, now), {
    type: 'application/json',
  });
}
