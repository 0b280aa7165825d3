import type * as Y from 'yjs';
import { exportWords, type ExportLanguage } from '../core/board-words';
import { listBoards, type Board } from '../core/boards';
import { tableBoards } from '../core/breakout';
import { listSteps } from '../core/facilitation/agenda';
import { listBreakouts } from '../core/facilitation/breakouts';
import { listGroups } from '../core/groups';
import { getMeta } from '../core/meta';
import { listParticipants } from '../core/participants';
import { sectionOf, type BoardSection } from './board-sections';
import { authorsOf } from './section-parts';
import type { SeriesPart } from './series-part';

/* What a summary says, as plain data: the renderers (Markdown, HTML, CSV) only lay it out, and
 * the choice of what to reveal (which boards, whether names) is made once, here. What each kind
 * of board contributes is in ./board-sections. */

export type { BoardSection };

/** The table a section's board was the copy of, in a breakout. */
export interface TableEntry {
  /** 1-based. */
  number: number;
  /** The title of the board the tables copied. */
  source: string;
  people: number;
  names?: string[];
}

/** A board's section, and the breakout table it belongs to, if any. */
export type SummarySection = BoardSection & { table?: TableEntry };

export interface SummaryOptions {
  /** Ids of the boards to include, in any order (agenda order is kept); all boards when omitted. */
  boards?: readonly string[];
  /** Participants' names appear only when asked for: a summary is often shared beyond the room. */
  showNames?: boolean;
  /** BCP 47 tag for dates and the document language; the workshop's own locale when omitted. */
  locale?: string;
  /** Which of a board's titles and questions the summary gives (./core/board-words); the English
   *  (or only) ones when omitted. */
  boardLanguage?: ExportLanguage;
  /** The workshop's root facilitator, as the device knows it (invite link or the creator's own
   *  keys), never from the document: agenda steps and votes count only when signed under it.
   *  Without it (null for old invites) the summary has neither. */
  root?: string | null;
  /** The meeting's part of its series (actions, decisions, parked items), when it has one. */
  series?: SeriesPart;
}

export interface GroupEntry {
  /** '' for the participants who belong to no (existing) group. */
  name: string;
  color: string;
  participants: number;
  names?: string[];
}

export interface AgendaEntry {
  title: string;
  type: string;
  prompt: string;
}

/** A step of the facilitator's agenda. */
export interface StepEntry {
  /** The step's own title, or its board's when it has none. */
  title: string;
  board: string;
  minutes: number;
}

export interface SummaryModel {
  locale: string;
  showNames: boolean;
  title: string;
  purpose: string;
  place: string;
  /** yyyy-mm-dd, or '' when not scheduled. */
  date: string;
  groups: GroupEntry[];
  /** Every board, in agenda order: the agenda is what happened, whichever boards are detailed. */
  agenda: AgendaEntry[];
  /** The facilitator's agenda steps in order; empty without a root or an agenda, and then
   *  `agenda` (the boards) stands for the plan. */
  steps: StepEntry[];
  /** The chosen boards in agenda order, except that each breakout's tables follow the board
   *  they copied, one section per table. */
  sections: SummarySection[];
  series?: SeriesPart;
}

function groupsOf(doc: Y.Doc, showNames: boolean): GroupEntry[] {
  const participants = listParticipants(doc);
  const groups = listGroups(doc);
  const known = new Set(groups.map((g) => g.id));
  const entry = (name: string, color: string, members: typeof participants): GroupEntry => ({
    name, color, participants: members.length,
    ...(showNames ? { names: members.map((p) => p.name) } : {}),
  });
  const entries = groups.map((g) => entry(g.name, g.color, participants.filter((p) => p.group === g.id)));
  const loose = participants.filter((p) => !known.has(p.group));
  return loose.length > 0 ? [...entries, entry('', '', loose)] : entries;
}

function stepsOf(doc: Y.Doc, root: string, boards: readonly Board[]): StepEntry[] {
  const titles = new Map(boards.map((b) => [b.id, b.title]));
  return listSteps(doc, root).map((step) => {
    const board = titles.get(step.boardId) ?? '';
    return { title: step.title || board, board, minutes: step.minutes };
  });
}

/** A locale tag from the document is user data: an invalid one would make `Intl` throw. */
function validLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function summaryModel(doc: Y.Doc, options: SummaryOptions = {}): SummaryModel {
  const showNames = options.showNames ?? false;
  const meta = getMeta(doc);
  const language = options.boardLanguage ?? 'en';
  const boards = listBoards(doc).map((b) => ({ ...b, ...exportWords(b, language) }));
  const chosen = options.boards === undefined ? boards : boards.filter((b) => options.boards!.includes(b.id));
  const authors = authorsOf(doc, showNames);
  const root = options.root || null;
  return {
    locale: validLocale(options.locale ?? meta.locale),
    showNames,
    title: meta.title,
    purpose: meta.purpose,
    place: meta.place,
    date: meta.startsAt,
    groups: groupsOf(doc, showNames),
    agenda: boards.map((b) => ({ title: b.title, type: b.unknownType ?? b.type, prompt: b.prompt })),
    steps: root ? stepsOf(doc, root, boards) : [],
    sections: withTables(doc, root, chosen, showNames).map(({ board, table }) => ({
      ...sectionOf({ doc, board, authors, root, ...(options.series ? { series: options.series } : {}) }),
      ...(table ? { table } : {}),
    })),
    ...(options.series ? { series: options.series } : {}),
  };
}

/** The boards with each breakout's tables moved after the board they copied (tables whose
 *  board is not in the summary stay where they are). Tables are known only from breakouts signed
 *  under `root`: a board that merely calls itself a table is an ordinary board. */
function withTables(doc: Y.Doc, root: string | null, boards: readonly Board[], showNames: boolean): { board: Board; table?: TableEntry }[] {
  const tables = root ? tableBoards(listBreakouts(doc, root)) : new Map();
  const names = new Map(listParticipants(doc).map((p) => [p.id, p.name]));
  const titles = new Map(boards.map((b) => [b.id, b.title]));
  const entry = (board: Board) => {
    const at = tables.get(board.id);
    if (!at) return { board };
    const members: string[] = at.breakout.tables[at.index]!.members;
    const table: TableEntry = {
      number: at.index + 1, source: titles.get(at.breakout.source) ?? '', people: members.length,
      ...(showNames ? { names: members.map((m) => names.get(m) ?? '').filter(Boolean).sort((a, b) => a.localeCompare(b)) } : {}),
    };
    return { board, table };
  };
  const placed = (b: Board) => tables.has(b.id) && titles.has(tables.get(b.id)!.breakout.source);
  return boards.filter((b) => !placed(b)).flatMap((board) => [
    entry(board),
    ...boards.filter((b) => placed(b) && tables.get(b.id)!.breakout.source === board.id).map(entry),
  ]);
}
