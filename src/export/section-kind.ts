import type { CsvRow } from './csv-row';
import type { Labels } from './labels';
import type { SectionBase, SectionSource } from './section-parts';

/** What the export knows of one kind of board: how to read its section of the summary from the
 *  document, and its rows of the CSV. The section is plain data; the renderers lay it out. */
export interface SectionKind<S extends SectionBase & { kind: string }> {
  section(source: SectionSource): S;
  csvRows(section: S, t: Labels): CsvRow[];
}
