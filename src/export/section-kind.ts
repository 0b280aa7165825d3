import type { Block } from './blocks';
import type { CsvRow } from './csv-row';
import type { Labels } from './labels';
import type { SectionBase, SectionSource } from './section-parts';

/** What the export knows of one kind of board: how to read its section of the summary from the
 *  document (plain data), and how the section reads as CSV rows, HTML and Markdown. The renderers
 *  lay out the rest of the summary and escape nothing of a section's body: its kind does. */
export interface SectionKind<S extends SectionBase & { kind: string }> {
  section(source: SectionSource): S;
  csvRows(section: S, t: Labels): CsvRow[];
  /** The section's body, below the board's title, kind and prompt. */
  html(section: S, t: Labels): string;
  markdown(section: S, t: Labels): string[];
  /** The section's body as blocks (the Word summary). A kind without it reads there as the list
   *  of its CSV rows' texts. */
  blocks?(section: S, t: Labels): Block[];
}
