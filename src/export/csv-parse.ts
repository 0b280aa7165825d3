/** A CSV file's rows of cells (RFC 4180): UTF-8 with or without a byte-order mark, separated by
 *  commas or by semicolons (as spreadsheets write it where the comma is the decimal mark),
 *  whichever the header row uses more of outside quotes. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = separatorOf(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  // A quote opens a quoted cell only as its first character; elsewhere it is text, as
  // spreadsheets read `=HYPERLINK("…")` written without quotes around it.
  let atStart = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (body[i + 1] === '"') { cell += '"'; i++; }
      else quoted = false;
    } else if (ch === '"' && atStart) quoted = true;
    else if (ch === separator) { row.push(cell); cell = ''; atStart = true; continue; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
      continue;
    } else cell += ch;
    atStart = false;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  // Blank lines (often the last) are no rows.
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
