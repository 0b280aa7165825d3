import type * as Y from 'yjs';
import { listBoards, type Board } from '../core/boards';
import { listSteps } from '../core/facilitation/agenda';
import { voteTable } from '../core/facilitation/vote-table';
import { voteResults } from '../core/facilitation/votes';
import { adoptedRules, listProposals, type Answer, type ProposalStatus } from '../core/ground-rules';
import { listGroups } from '../core/groups';
import { getItem, listItems, type Item } from '../core/items';
import { getMeta } from '../core/meta';
import { listParticipants } from '../core/participants';
import { keyPartnerWarning, listRelationships, listStakeholders, type Stakeholder } from '../core/stakeholders';
import { swotView, type Quadrant } from '../core/swot';

/* What a summary says, as plain data: the renderers (Markdown, HTML, CSV) only lay it out, and
 * the choice of what to reveal (which boards, whether names) is made once, here. */

export interface SummaryOptions {
  /** Ids of the boards to include, in any order (agenda order is kept); all boards when omitted. */
  boards?: readonly string[];
  /** Participants' names appear only when asked for: a summary is often shared beyond the room. */
  showNames?: boolean;
  /** BCP 47 tag for dates and the document language; the workshop's own locale when omitted. */
  locale?: string;
  /** The workshop's root facilitator, as the device knows it (invite link or the creator's own
   *  keys), never from the document: agenda steps and votes count only when signed under it.
   *  Without it (null for old invites) the summary has neither. */
  root?: string | null;
}

/** Who wrote something. `group` is the stakeholder group's name, '' for none; `name` is present
 *  only when names are shown (and may then be '' for someone who never set one). */
export interface Author {
  group: string;
  name?: string;
}

export interface NoteEntry {
  text: string;
  author: Author;
  /** Dots in the board's latest vote; present only when the board has one. */
  dots?: number;
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

/** A board's latest dot vote, open or closed. Groups are named, voters never are. */
export interface VoteEntry {
  /** Dots each participant had. */
  dots: number;
  open: boolean;
  voters: number;
  /** Names of the groups that voted, ordered as in `groups` ('' for voters without a group,
   *  last): the columns of each note's `byGroup`. */
  groups: string[];
  /** Notes with at least one dot, most dots first; `differs` marks where the groups differ most. */
  notes: { text: string; total: number; byGroup: number[]; differs: boolean }[];
}

interface SectionBase {
  title: string;
  prompt: string;
}

/** Boards made of notes can hold a dot vote. */
interface VotedSection extends SectionBase {
  vote?: VoteEntry;
}

export interface SwotSection extends VotedSection {
  kind: 'swot';
  quadrants: { quadrant: Quadrant; headings: { title: string; notes: NoteEntry[] }[]; notes: NoteEntry[] }[];
}

/** A stakeholder as the summary shows it: everything but ids, authors and one person's own estimate. */
export type StakeholderEntry = Omit<Stakeholder, 'id' | 'createdBy' | 'createdAt' | 'order' | 'mine'>;

export interface StakeholdersSection extends SectionBase {
  kind: 'stakeholders';
  stakeholders: StakeholderEntry[];
  /** `from` and `to` index `stakeholders`: ids mean nothing to a reader, and names may repeat. */
  relationships: { from: number; to: number; label: string }[];
  keyPartners: { count: number; tooMany: boolean };
}

export interface ProposalEntry {
  text: string;
  status: ProposalStatus;
  tally: Record<Answer, number>;
  author: Author;
  /** The answers that came with a reason, oldest first. */
  reasons: { author: Author; answer: Answer; reason: string }[];
}

export interface GroundRulesSection extends SectionBase {
  kind: 'ground-rules';
  adopted: { text: string; reservations: number }[];
  proposals: ProposalEntry[];
}

/** A notes board, and any board of a type this version does not know (shown as its notes). */
export interface NotesSection extends VotedSection {
  kind: 'notes';
  type: string;
  notes: NoteEntry[];
}

export type BoardSection = SwotSection | StakeholdersSection | GroundRulesSection | NotesSection;

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
  sections: BoardSection[];
}

/** Turns participant and group ids into what may be shown of an author. */
function authorsOf(doc: Y.Doc, showNames: boolean): { byParticipant: (id: string) => Author; byGroup: (groupId: string, participantId: string) => Author } {
  const groupNames = new Map(listGroups(doc).map((g) => [g.id, g.name]));
  const participants = new Map(listParticipants(doc).map((p) => [p.id, p]));
  const byGroup = (groupId: string, participantId: string): Author => {
    const group = groupNames.get(groupId) ?? '';
    return showNames ? { group, name: participants.get(participantId)?.name ?? '' } : { group };
  };
  return { byGroup, byParticipant: (id) => byGroup(participants.get(id)?.group ?? '', id) };
}

type Authors = ReturnType<typeof authorsOf>;

/** `dots` (note id to dots) is given when the note's board has a vote. */
const noteEntry = (item: Item, authors: Authors, dots?: ReadonlyMap<string, number>): NoteEntry => ({
  text: item.text, author: authors.byGroup(item.group, item.createdBy),
  ...(dots ? { dots: dots.get(item.id) ?? 0 } : {}),
});

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

/** A board's latest vote, and each note's dots for the lists of notes. */
function boardVote(doc: Y.Doc, root: string, boardId: string): { entry: VoteEntry; dots: Map<string, number> } | undefined {
  const results = voteResults(doc, root, boardId);
  if (!results) return undefined;
  const table = voteTable(results, listGroups(doc));
  const notes = table.rows.map((row) =>
    ({ text: getItem(doc, boardId, row.noteId)?.text ?? '', total: row.total, byGroup: row.dots, differs: row.differs }));
  return {
    entry: {
      dots: results.dots, open: results.open, voters: results.voters,
      groups: table.columns.map((c) => c.group?.name ?? ''), notes,
    },
    dots: new Map(results.notes.map((n) => [n.noteId, n.total])),
  };
}

function sectionOf(doc: Y.Doc, board: Board, authors: Authors, root: string | null): BoardSection {
  const base = { title: board.title, prompt: board.prompt };
  // Only boards made of notes hold votes.
  const voted = () => (root ? boardVote(doc, root, board.id) : undefined);
  switch (board.type) {
    case 'swot': {
      const vote = voted();
      const note = (n: Item) => noteEntry(n, authors, vote?.dots);
      return {
        ...base, kind: 'swot',
        quadrants: swotView(doc, board.id).map((q) => ({
          quadrant: q.quadrant,
          headings: q.clusters.map((c) => ({ title: c.title, notes: c.notes.map(note) })),
          notes: q.notes.map(note),
        })),
        ...(vote ? { vote: vote.entry } : {}),
      };
    }
    case 'stakeholders': {
      const stakeholders = listStakeholders(doc, board.id);
      const index = new Map(stakeholders.map((s, i) => [s.id, i]));
      return {
        ...base, kind: 'stakeholders',
        stakeholders: stakeholders.map((s) => ({
          name: s.name, sector: s.sector, level: s.level, needs: s.needs, interests: s.interests,
          motivations: s.motivations, brings: s.brings, estimates: s.estimates, position: s.position, spread: s.spread,
        })),
        // listRelationships keeps only those whose both ends exist.
        relationships: listRelationships(doc, board.id)
          .map((r) => ({ from: index.get(r.from)!, to: index.get(r.to)!, label: r.label })),
        keyPartners: keyPartnerWarning(doc, board.id),
      };
    }
    case 'ground-rules':
      return {
        ...base, kind: 'ground-rules',
        adopted: adoptedRules(doc, board.id).map((r) => ({ text: r.text, reservations: r.reservations })),
        proposals: listProposals(doc, board.id).map((p) => ({
          text: p.text, status: p.status, tally: p.tally, author: authors.byParticipant(p.proposedBy),
          reasons: p.responses.filter((r) => r.reason !== '')
            .map((r) => ({ author: authors.byParticipant(r.participant), answer: r.answer, reason: r.reason })),
        })),
      };
    default: {
      const vote = voted();
      return {
        ...base, kind: 'notes', type: board.unknownType ?? board.type, notes: listItems(doc, board.id).map((n) => noteEntry(n, authors, vote?.dots)),
        ...(vote ? { vote: vote.entry } : {}),
      };
    }
  }
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
  const boards = listBoards(doc);
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
    sections: chosen.map((b) => sectionOf(doc, b, authors, root)),
  };
}
