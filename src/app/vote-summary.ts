import { voteTable } from '../core/facilitation/vote-table';
import type { VoteResults } from '../core/facilitation/votes';
import type { Group } from '../core/groups';
import { t } from '../i18n/i18n';

export interface VotingGroup {
  /** '' for voters without a stakeholder group. */
  id: string;
  name: string;
  color: string;
  voters: number;
  dots: number;
}

export interface GroupShare {
  id: string;
  name: string;
  color: string;
  dots: number;
  /** The note's part of all the dots this group placed, 0 to 1: comparable between groups of
   *  different sizes. */
  share: number;
}

export interface ResultRow {
  noteId: string;
  text: string;
  total: number;
  differs: boolean;
  groups: GroupShare[];
}

export interface VoteSummary {
  voters: number;
  groups: VotingGroup[];
  /** Notes with at least one dot, most dots first. */
  rows: ResultRow[];
  /** Notes nobody placed a dot on. */
  unvoted: number;
}

/** A vote's results as the screen lists them: note texts, group names in the workshop's order
 *  of groups (voters without a group last), and where the groups differ. */
export function summariseVote(results: VoteResults, texts: ReadonlyMap<string, string>, groups: readonly Group[]): VoteSummary {
  const table = voteTable(results, groups);
  const voting = table.columns.map(({ group, voters, dots }): VotingGroup =>
    ({ id: group?.id ?? '', name: group?.name ?? t('note.noGroup'), color: group?.color ?? '', voters, dots }));
  const rows = table.rows.map((row): ResultRow => ({
    noteId: row.noteId,
    text: texts.get(row.noteId) ?? '',
    total: row.total,
    differs: row.differs,
    groups: voting.map(({ id, name, color, dots: all }, i) => {
      const dots = row.dots[i]!;
      return { id, name, color, dots, share: all > 0 ? dots / all : 0 };
    }),
  }));
  return { voters: table.voters, groups: voting, rows, unvoted: table.unvoted };
}
