import type * as Y from 'yjs';
import { agreementBlocks, agreementModel } from '../export/agreement';
import { AGREEMENT_FORMATS } from '../export/agreement-document';
import { exportFileName } from '../export/file-name';
import { locale, t } from '../i18n/i18n';
import { docxFile } from './docx-file';

export type AgreementFormat = keyof typeof AGREEMENT_FORMATS | 'docx';

/** The partnership agreement of one board as a file, in the interface's language. */
export async function agreementFile(doc: Y.Doc, boardId: string, format: AgreementFormat, now = new Date()): Promise<File> {
  const model = agreementModel(doc, boardId, { locale: locale() });
  const name = (extension: string) => exportFileName(model.title || 'agreement', now, extension);
  if (format === 'docx') return docxFile(agreementBlocks(model, t), model.title, name('docx'));
  const { render, type, extension } = AGREEMENT_FORMATS[format];
  return new File([render(model, t)], name(extension), { type: `${type};charset=utf-8` });
}
