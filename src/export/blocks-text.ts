import type { Block, Cell, Line } from './blocks';
import { escapeHtml as h } from './escape-html';
import { escapeMarkdown as md } from './escape-markdown';

/* Blocks as HTML and as Markdown, for a document that says what it holds once, as blocks, and is
 * exported in every format (the partnership agreement). Every text is escaped here. */

const runText = (part: Line[number]) => (typeof part === 'string' ? { text: part } : part);

function lineHtml(line: Line): string {
  return line.map(runText).filter((r) => r.text).map((r) => {
    const text = h(r.text).replace(/\n/g, '<br>');
    const bolded = r.bold ? `<strong>${text}</strong>` : text;
    return r.italic ? `<em>${bolded}</em>` : bolded;
  }).join('');
}

const cellHtml = (cell: Cell) => cell.map(lineHtml).join('<br>');

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': return `<h${block.level}>${h(block.text)}</h${block.level}>`;
    case 'paragraph': return block.quote ? `<blockquote class="note">${lineHtml(block.line)}</blockquote>` : `<p class="note">${lineHtml(block.line)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${lineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return '<table>'
        + (block.header ? `<thead><tr>${block.header.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead>` : '')
        + `<tbody>${block.rows.map((row) => `<tr>${row.map((c) => `<td>${cellHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

export const blocksHtml = (blocks: readonly Block[]): string => blocks.map(blockHtml).join('');

function lineMarkdown(line: Line): string {
  return line.map(runText).filter((r) => r.text).map((r) => {
    const text = md(r.text);
    const bolded = r.bold ? `**${text}**` : text;
    return r.italic ? `*${bolded}*` : bolded;
  }).join('');
}

/** A cell's lines as one table cell: escaping turns line breaks into `<br>`. */
const cellMarkdown = (cell: Cell) => cell.map((line) => line.map((p) => runText(p).text).join('')).join('\n');

function blockMarkdown(block: Block): string[] {
  switch (block.type) {
    case 'heading': return [`${'#'.repeat(block.level)} ${md(block.text)}`];
    case 'paragraph': return [`${block.quote ? '> ' : ''}${lineMarkdown(block.line)}`];
    case 'list': return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${lineMarkdown(item)}`);
    case 'table': {
      const width = block.header?.length ?? block.rows[0]?.length ?? 1;
      const head = block.header ?? Array.from({ length: width }, () => '');
      return [
        `| ${head.map(md).join(' | ')} |`,
        `|${' --- |'.repeat(width)}`,
        ...block.rows.map((row) => `| ${row.map((c) => md(cellMarkdown(c))).join(' | ')} |`),
      ];
    }
  }
}

/** Blocks as Markdown lines, a blank line between blocks. */
export const blocksMarkdown = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block, i) => [...(i > 0 ? [''] : []), ...blockMarkdown(block)]);
