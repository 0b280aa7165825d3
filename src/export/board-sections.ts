import type { BoardType } from '../core/board-kinds';
import type { Block } from './blocks';
import { listOrEmpty } from './block-parts';
import type { CsvRow } from './csv-row';
import { actionsSection, sinceSection } from './kinds/actions';
import { agreementSection } from './kinds/agreement';
import { groundRulesSection } from './kinds/ground-rules';
import { healthSection } from './kinds/health';
import { indicatorsSection } from './kinds/indicators';
import { notesSection } from './kinds/notes';
import { resourcesSection } from './kinds/resources';
import { risksSection } from './kinds/risks';
import { stakeholdersSection } from './kinds/stakeholders';
import { swotSection } from './kinds/swot';
import { visionSection } from './kinds/vision';
import type { Labels } from './labels';
import type { SectionKind } from './section-kind';
import type { SectionBase, SectionSource } from './section-parts';

/* Each kind of board's part of the export (its section of the summary, CSV rows, HTML and
 * Markdown), looked up by its type: adding a kind is one module in ./kinds and one line here, and
 * the compiler rejects a map without every kind. */

const BOARD_SECTIONS = {
  notes: notesSection,
  swot: swotSection,
  stakeholders: stakeholdersSection,
  'ground-rules': groundRulesSection,
  vision: visionSection,
  indicators: indicatorsSection,
  resources: resourcesSection,
  risks: risksSection,
  agreement: agreementSection,
  health: healthSection,
  actions: actionsSection,
  since: sinceSection,
} as const satisfies { [K in BoardType]: SectionKind<SectionBase & { kind: K }> };

/** The section of a board of kind `K`; of any board when `K` is left out. */
export type BoardSection<K extends BoardType = BoardType> = { [P in K]: ReturnType<(typeof BOARD_SECTIONS)[P]['section']> }[K];

/* The same map, typed so that looking a kind up gives the functions of exactly its section. */
const BY_KIND: { [K in BoardType]: SectionKind<BoardSection<K>> } = BOARD_SECTIONS;

/** A board's section; a board of a type from a newer app reads as its notes, as the app shows it. */
export const sectionOf = (source: SectionSource): BoardSection => BY_KIND[source.board.type].section(source);

/* One signature for a kind's functions: a union of them could take only a section of every kind
 * at once. A section only ever reaches its own kind's, since both come from `section.kind`. */
const kindOf = <K extends BoardType>(kind: K): SectionKind<BoardSection<K>> => BY_KIND[kind];

/** A section's rows of the CSV. */
export const csvRowsOf = (section: BoardSection, t: Labels): CsvRow[] => kindOf(section.kind).csvRows(section, t);

/** A section's body in the HTML summary. */
export const htmlOf = (section: BoardSection, t: Labels): string => kindOf(section.kind).html(section, t);

/** A section's body in the Markdown summary, as lines. */
export const markdownOf = (section: BoardSection, t: Labels): string[] => kindOf(section.kind).markdown(section, t);

/** A section's body in the Word summary, as blocks. */
export function blocksOf(section: BoardSection, t: Labels): Block[] {
  const kind = kindOf(section.kind);
  return kind.blocks ? kind.blocks(section, t) : listOrEmpty(kind.csvRows(section, t).map((row) => [row.text ?? '']), t);
}
