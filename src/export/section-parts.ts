import type * as Y from 'yjs';
import type { Board } from '../core/boards';
import { voteTable } from '../core/facilitation/vote-table';
import { voteResults } from '../core/facilitation/votes';
import { listGroups } from '../core/groups';
import { getItem, type Item } from '../core/items';
import { listParticipants } from '../core/participants';
import type { SeriesPart } from './series-part';

/* What the sections of every kind of board are made of: authors, notes and dot votes. */

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

export interface SectionBase {
  title: string;
  prompt: string;
}

/** Boards made of notes can hold a dot vote. */
export interface VotedSection extends SectionBase {
  vote?: VoteEntry;
}

/** Turns participant and group ids into what may be shown of an author. */
export function authorsOf(doc: Y.Doc, showNames: boolean): {
  byParticipant: (id: string) => Author; byGroup: (groupId: string, participantId: string) => Author; groupName: (groupId: string) => string;
} {
  const groupNames = new Map(listGroups(doc).map((g) => [g.id, g.name]));
  const participants = new Map(listParticipants(doc).map((p) => [p.id, p]));
  const byGroup = (groupId: string, participantId: string): Author => {
    const group = groupNames.get(groupId) ?? '';
    return showNames ? { group, name: participants.get(participantId)?.name ?? '' } : { group };
  };
  return { byGroup, byParticipant: (id) => byGroup(participants.get(id)?.group ?? '', id), groupName: (id) => groupNames.get(id) ?? '' };
}

export type Authors = ReturnType<typeof authorsOf>;

/** What a kind of board builds its section from. `root` is the workshop root this device trusts,
 *  null without one (then votes do not count). */
export interface SectionSource {
  doc: Y.Doc;
  board: Board;
  authors: Authors;
  root: string | null;
  /** The meeting's part of its series, for a board that shows the series' actions. */
  series?: SeriesPart;
}

/** `dots` (note id to dots) is given when the note's board has a vote. */
export const noteEntry = (item: Item, authors: Authors, dots?: ReadonlyMap<string, number>): NoteEntry => ({
  text: item.text, author: authors.byGroup(item.group, item.createdBy),
  ...(dots ? { dots: dots.get(item.id) ?? 0 } : {}),
});

/** A board's latest vote, and each note's dots for the lists of notes. */
export function boardVote({ doc, board, root }: SectionSource): { entry: VoteEntry; dots: Map<string, number> } | undefined {
  const results = root ? voteResults(doc, root, board.id) : undefined;
  if (!results) return undefined;
  const table = voteTable(results, listGroups(doc));
  const notes = table.rows.map((row) =>
    ({ text: getItem(doc, board.id, row.noteId)?.text ?? '', total: row.total, byGroup: row.dots, differs: row.differs }));
  return {
    entry: {
      dots: results.dots, open: results.open, voters: results.voters,
      groups: table.columns.map((c) => c.group?.name ?? ''), notes,
    },
    dots: new Map(results.notes.map((n) => [n.noteId, n.total])),
  };
}
