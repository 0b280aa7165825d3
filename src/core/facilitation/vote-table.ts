import type { Group } from '../groups';
import { differing } from './differing';
import type { VoteResults } from './votes';

/* Kept apart from votes.ts, which imports the signing code: the vote screens lay results out with
 * this, and must not bring the cryptography into the first load. */

/** A column of the table: a stakeholder group that voted, or (undefined) every voter whose group
 *  is none or was deleted, who share "no group" as the participants list shares it. */
export interface VoteColumn {
  group: Group | undefined;
  voters: number;
  dots: number;
}

export interface VoteRow {
  noteId: string;
  total: number;
  /** One count per column. */
  dots: number[];
  /** Among the notes where the groups differ most. */
  differs: boolean;
}

export interface VoteTable {
  voters: number;
  columns: VoteColumn[];
  /** Notes with at least one dot, most dots first. */
  rows: VoteRow[];
  /** Notes nobody placed a dot on. */
  unvoted: number;
}

/** A vote's results as the screens and the session summary show them: one column per voting
 *  group in the workshop's order of `groups`, voters without a known group last. */
export function voteTable(results: VoteResults, groups: readonly Group[]): VoteTable {
  const voting = new Map(results.groups.map((g) => [g.group, g]));
  const known = groups.filter((g) => voting.has(g.id));
  const knownIds = new Set(known.map((g) => g.id));
  const loose = results.groups.filter((g) => !knownIds.has(g.group));
  const columns: VoteColumn[] = known.map((group) => ({ group, voters: voting.get(group.id)!.voters, dots: voting.get(group.id)!.dots }));
  if (loose.length > 0) {
    columns.push({ group: undefined, voters: sum(loose.map((g) => g.voters)), dots: sum(loose.map((g) => g.dots)) });
  }
  const marked = differing(results.notes);
  const rows = results.notes.filter((n) => n.total > 0).map((n): VoteRow => ({
    noteId: n.noteId,
    total: n.total,
    dots: columns.map((c) => c.group ? n.byGroup[c.group.id] ?? 0 : sum(loose.map((g) => n.byGroup[g.group] ?? 0))),
    differs: marked.has(n.noteId),
  }));
  return { voters: results.voters, columns, rows, unvoted: results.notes.length - rows.length };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
