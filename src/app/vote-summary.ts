import { differing } from '../core/facilitation/differing';
import type { VoteResults } from '../core/facilitation/votes';
import type { Group } from '../core/groups';
import { t } from '../i18n/i18n';

// The rule lives in core, so that the session summary marks the same notes as the screens.
export { differing };

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
  const order = new Map(groups.map((g, i) => [g.id, { group: g, index: i }]));
  const rank = (id: string) => order.get(id)?.index ?? groups.length;
  const voting = results.groups
    .map(({ group, voters, dots }): VotingGroup => {
      const known = order.get(group)?.group;
      return { id: group, name: known?.name ?? t('note.noGroup'), color: known?.color ?? '', voters, dots };
    })
    .sort((a, b) => rank(a.id) - rank(b.id));
  const marked = differing(results.notes);
  const rows = results.notes.filter((n) => n.total > 0).map((n): ResultRow => ({
    noteId: n.noteId,
    text: texts.get(n.noteId) ?? '',
    total: n.total,
    differs: marked.has(n.noteId),
    groups: voting.map(({ id, name, color, dots: all }) => {
      const dots = n.byGroup[id] ?? 0;
      return { id, name, color, dots, share: all > 0 ? dots / all : 0 };
    }),
  }));
  return { voters: results.voters, groups: voting, rows, unvoted: results.notes.length - rows.length };
}
