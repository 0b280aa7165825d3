import type * as Y from 'yjs';
import { listBoards } from '../core/boards';
import { listGroups } from '../core/groups';
import { listParticipants } from '../core/participants';
import { groupKey, type Owner } from '../core/series/actions';
import { listStakeholders } from '../core/stakeholders';

export interface OwnerChoices {
  groups: Owner[];
  stakeholders: Owner[];
  people: Owner[];
}

const byLabel = (a: Owner, b: Owner) => a.label.localeCompare(b.label);

/** One choice per owner: a meeting copied from another can list a group twice (both copies
 *  made it, or a participant joined naming it), and the two are one owner. */
const distinct = (owners: Owner[]): Owner[] => [...new Map(owners.map((o) => [o.key, o])).values()].sort(byLabel);

/** Who can own an action, from the meeting's document: its partner groups, the organisations on
 *  its stakeholder maps, and the people who took part. */
export function ownerChoices(doc: Y.Doc): OwnerChoices {
  const stakeholders = listBoards(doc).filter((b) => b.type === 'stakeholders')
    .flatMap((board) => listStakeholders(doc, board.id).map((s) => ({ kind: 'stakeholder' as const, key: s.name.toLocaleLowerCase(), label: s.name })));
  return {
    groups: distinct(listGroups(doc).map((g) => ({ kind: 'group' as const, key: groupKey(g.name), label: g.name }))),
    stakeholders: distinct(stakeholders),
    people: distinct(listParticipants(doc).filter((p) => p.name).map((p) => ({ kind: 'person' as const, key: p.id, label: p.name }))),
  };
}
