import { agreementBlocks, type AgreementModel } from './agreement';
import { blocksHtml, blocksMarkdown } from './blocks-text';
import { htmlPage, type HtmlOptions } from './html';
import type { Labels } from './labels';

/* The partnership agreement as a document of its own: a page to print (the browser's print
 * gives the PDF) and Markdown. */

/** Room to sign by hand on the printed page. */
const SIGN_STYLE = '<style>.agreement td { height: 2.6em; } .agreement blockquote { margin: .4rem 0 .4rem 1.2rem; }</style>';

export function toAgreementHtml(model: AgreementModel, t: Labels, options: HtmlOptions = {}): string {
  return htmlPage(model.title, model.locale, [SIGN_STYLE, `<main class="agreement">${blocksHtml(agreementBlocks(model, t))}</main>`], options);
}

export const toAgreementMarkdown = (model: AgreementModel, t: Labels): string => `${blocksMarkdown(agreementBlocks(model, t)).join('\n')}\n`;

/** The agreement's text formats. Word is laid out from `agreementBlocks` by the app, which loads
 *  the Word library only when someone asks for it. */
export const AGREEMENT_FORMATS = {
  html: { render: toAgreementHtml, type: 'text/html', extension: 'html' },
  markdown: { render: toAgreementMarkdown, type: 'text/markdown', extension: 'md' },
} as const;
