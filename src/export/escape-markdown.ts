/** Plain text as Markdown that renders exactly as typed: every character Markdown (with GFM
 *  tables, strikethrough and autolinks) gives a meaning is backslash-escaped, so no note can make a
 *  link, image, heading, list or table cell; `<` and `>` become entities, so no HTML tag survives
 *  a renderer that allows raw HTML; line breaks become `<br>`, so a text never starts a line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}
