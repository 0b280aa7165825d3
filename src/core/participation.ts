import type * as Y from 'yjs';
import { entriesOf } from './board-entries';
import { listGroups } from './groups';
import { listParticipants } from './participants';

export interface Contributor {
  id: string;
  name: string;
  /** The group's name: two devices that created a group of one name offline made two ids. */
  group: string;
  count: number;
}

/** Who has contributed to a board: entries written per person and per group, most first, and
 *  the people of the workshop who have written nothing there yet. */
export interface Participation {
  people: Contributor[];
  groups: { group: string; count: number }[];
  quiet: Contributor[];
}

/** The author of an entry of any kind's counted map (a note's `createdBy`, a proposal's
 *  `proposedBy`). */
const authorOf = (entry: unknown): string => {
  const map = entry as Y.Map<unknown>;
  const who = map.get('createdBy') ?? map.get('proposedBy');
  return typeof who === 'string' ? who : '';
};

/** Counts a board's entries per author. Hidden notes of a silent brainstorm are not counted:
 *  the document does not say who wrote them. `exclude` (the facilitators' participants) are
 *  neither counted as quiet nor listed. */
export function participation(doc: Y.Doc, boardId: string, exclude: ReadonlySet<string> = new Set()): Participation {
  const entries = entriesOf(doc, boardId);
  const counts = new Map<string, number>();
  for (const entry of entries?.values() ?? []) {
    const who = authorOf(entry);
    if (who) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const everyone = listParticipants(doc).filter((p) => !exclude.has(p.id));
  const groupNames = new Map(listGroups(doc).map((g) => [g.id, g.name]));
  const people = everyone.map((p) => ({ id: p.id, name: p.name, group: groupNames.get(p.group) ?? '', count: counts.get(p.id) ?? 0 }));
  const groups = new Map<string, number>();
  for (const p of people) groups.set(p.group, (groups.get(p.group) ?? 0) + p.count);
  return {
    people: people.filter((p) => p.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    groups: [...groups].map(([group, count]) => ({ group, count })).sort((a, b) => b.count - a.count),
    quiet: people.filter((p) => p.count === 0),
  };
}
