import { escapeHtml as h } from './escape-html';
import { escapeMarkdown as md } from './escape-markdown';

/* Tables of plain-text cells, escaped here once: the planning boards' sections are mostly tables. */

/** An HTML table; the first cell of each row is its header. Line breaks in a cell stay visible. */
export function htmlTable(head: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const cell = (text: string) => h(text).replace(/\n/g, '<br>');
  const cols = head.map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const body = rows.map(([first = '', ...rest]) =>
    `<tr><th scope="row">${cell(first)}</th>${rest.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${cols}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A Markdown table (escaping turns line breaks into `<br>`, which a table cell can hold). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.map(md).join(' | ')} |`,
    `|${' --- |'.repeat(head.length)}`,
    ...rows.map((row) => `| ${row.map(md).join(' | ')} |`),
  ];
}
