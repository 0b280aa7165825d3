import { htmlOf } from './board-sections';
import { escapeHtml as h } from './escape-html';
import { formatDate } from '../core/message-params';
import { groupLabel, kindLabel, tableLabel } from './format';
import type { Labels } from './labels';
import { seriesPartHtml } from './series-part';
import type { SummaryModel, SummarySection } from './summary-model';

export interface HtmlOptions {
  /** The sheet the browser's print dialog starts with; the margins fit both, so printing an A4
   *  page on Letter (or the reverse) with "fit to page" loses nothing. */
  paper?: 'a4' | 'letter';
  /** A Khmer font as a `data:font/woff2;base64,` URL, embedded so that the page prints right on a
   *  machine without one; anything else is left out. */
  khmerFont?: string;
}

/* Even if some text escaped its escaping, the policy forbids every script, frame, form target,
 * remote font and remote image: the page can only show itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const CSP_WITH_FONT = `${CSP}; font-src data:`;

/** Only a well-formed font URL goes into the style sheet: nothing in it can end the `url()`. */
const FONT_URL = /^data:font\/woff2;base64,[A-Za-z0-9+/]+={0,2}$/;

/* The embedded face covers Khmer letters only (its unicode-range) and comes first, so Khmer
 * always prints in it and everything else in the fonts the machine has. */
const fontStyles = (url: string) => `
@font-face { font-family: "Noto Sans Khmer"; src: url("${url}") format("woff2"); font-display: block;
  unicode-range: U+1780-17FF, U+19E0-19FF, U+200C-200D, U+25CC; }
:root { font-family: "Noto Sans Khmer", system-ui, "Noto Sans", sans-serif; }
.map text { font-family: "Noto Sans Khmer", system-ui, "Noto Sans", sans-serif; }
`;

const PAGE = { a4: 'A4', letter: 'letter' } as const;

const styles = (paper: 'a4' | 'letter') => `
@page { size: ${PAGE[paper]}; margin: 16mm 14mm; }
:root { color: #1b1f23; font: 11pt/1.45 system-ui, "Noto Sans", "Noto Sans Khmer", "Khmer OS", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1d4e5f; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
.kind { color: #4a5560; margin: 0 0 .5rem; }
.prompt { font-style: italic; margin: 0 0 .8rem; white-space: pre-wrap; }
.note { white-space: pre-wrap; }
.by { color: #4a5560; font-size: .9em; white-space: normal; }
.empty { color: #4a5560; font-style: italic; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .35em; vertical-align: -.05em; }
.swot { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.swot section { border: 1px solid #b8c0c8; border-radius: 4px; padding: .4rem .7rem; break-inside: avoid; }
.swot h3 { margin-top: 0; }
.swot h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
.swot ul, .rules ul { margin: .2rem 0; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #b8c0c8; padding: .25rem .45rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
th { background: #eef1f3; }
th .detail { font-weight: normal; margin-top: .2rem; }
.map { width: 100%; max-width: 30rem; height: auto; display: block; margin: .5rem 0; }
.map text { font: 11px system-ui, "Noto Sans", "Noto Sans Khmer", sans-serif; fill: #1b1f23; }
.map .quadrant { fill: #6b7680; font-size: 10px; }
.map .count { fill: #fff; font-weight: 600; }
.warning { border-left: 4px solid #D55E00; padding: .3rem .6rem; background: #fdf1ea; }
.status-adopted { color: #00684a; }
.status-needs-discussion { color: #a23c00; }
.differs { color: #a23c00; white-space: nowrap; }
.vote td.num, .vote th.num { text-align: right; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .board { break-before: page; }
  tr, li, .swot section, .map { break-inside: avoid; }
  th { background: none; }
}
`;

/** Core checks colours on write, but a document from a modified client may hold anything. */
const isColor = (c: string) => /^#[0-9a-f]{6}$/i.test(c);

function header(model: SummaryModel, t: Labels): string {
  const facts: [string, string][] = [
    [t('workshop.date'), formatDate(model.date, model.locale)],
    [t('workshop.place'), model.place],
    [t('workshop.purpose'), model.purpose],
  ];
  const dl = facts.filter(([, v]) => v).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('');
  return `<h1>${h(t('export.title', { title: model.title }))}</h1>${dl ? `<dl class="facts">${dl}</dl>` : ''}`;
}

function participants(model: SummaryModel, t: Labels): string {
  const body = model.groups.length === 0 ? `<p class="empty">${h(t('export.participants.none'))}</p>`
    : `<ul>${model.groups.map((g) => {
      const swatch = isColor(g.color) ? `<span class="swatch" style="background:${h(g.color)}"></span>` : '';
      const names = g.names && g.names.length > 0 ? `: ${h(g.names.join(', '))}` : '';
      return `<li>${swatch}<strong>${h(groupLabel(g.name, t))}</strong> (${h(t('export.participants.count', { count: g.participants }))})${names}</li>`;
    }).join('')}</ul>`;
  return `<h2>${h(t('export.participants'))}</h2>${body}`;
}

/** The facilitator's steps when there are any, else the boards in order. */
function agenda(model: SummaryModel, t: Labels): string {
  const steps = model.steps.map((s) => `<li>${h(s.title)} <span class="by">(${h(t('agenda.timebox', { count: s.minutes }))})`
    + `${s.board && s.board !== s.title ? ` — ${h(s.board)}` : ''}</span></li>`);
  const boards = model.agenda.map((a) => `<li>${h(a.title)} <span class="by">(${h(kindLabel(a.type, t))})</span></li>`);
  const items = steps.length > 0 ? steps : boards;
  const body = items.length === 0 ? `<p class="empty">${h(t('export.empty'))}</p>` : `<ol>${items.join('')}</ol>`;
  return `<h2>${h(t('workshop.agenda'))}</h2>${body}`;
}

function section(s: SummarySection, t: Labels): string {
  return `<section class="board board-${s.kind}"><h2>${h(s.title)}</h2><p class="kind">${h(kindLabel(s.kind, t))}</p>`
    + (s.table ? `<p class="table"><strong>${h(tableLabel(s.table, t))}</strong></p>` : '')
    + (s.prompt ? `<p class="prompt">${h(s.prompt)}</p>` : '')
    + `${htmlOf(s, t)}</section>`;
}

/** The summary as one standalone HTML page, made to be read on screen and printed (the browser's
 *  print gives the PDF). */
export function toHtml(model: SummaryModel, t: Labels, options: HtmlOptions = {}): string {
  return htmlPage(t('export.title', { title: model.title }), model.locale, [
    `<header>${header(model, t)}</header>`,
    '<main>',
    participants(model, t),
    agenda(model, t),
    ...(model.series ? [seriesPartHtml(model.series, t)] : []),
    ...model.sections.map((s) => section(s, t)),
    '</main>',
  ], options);
}

/** A standalone page with the summary's styles and policy around `body` (a series report too). */
export function htmlPage(title: string, locale: string, body: string[], options: HtmlOptions = {}): string {
  const font = options.khmerFont && FONT_URL.test(options.khmerFont) ? options.khmerFont : undefined;
  return [
    '<!doctype html>',
    `<html lang="${h(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${font ? CSP_WITH_FONT : CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(title)}</title>`,
    `<style>${styles(options.paper ?? 'a4')}${font ? fontStyles(font) : ''}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
