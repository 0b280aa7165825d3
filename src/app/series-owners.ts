import type * as Y from 'yjs';
import { listBoards } from '../core/boards';
import { listGroups } from '../core/groups';
import { listParticipants } from '../core/participants';
import type { Owner } from '../core/series/actions';
import { listStakeholders } from '../core/stakeholders';

export interface OwnerChoices {
  groups: Owner[];
  stakeholders: Owner[];
  people: Owner[];
}

const byLabel = (a: Owner, b: Owner) => a.label.localeCompare(b.label);

/** Who can own an action, from the meeting's document: its partner groups, the organisations on
 *  its stakeholder maps, and the people who took part. */
export function ownerChoices(doc: Y.Doc): OwnerChoices {
  const stakeholders = new Map<string, Owner>();
  for (const board of listBoards(doc).filter((b) => b.type === 'stakeholders')) {
    for (const s of listStakeholders(doc, board.id)) stakeholders.set(s.name.toLocaleLowerCase(), { kind: 'stakeholder', key: s.name.toLocaleLowerCase(), label: s.name });
  }
  return {
    groups: listGroups(doc).map((g) => ({ kind: 'group' as const, key: g.name.toLocaleLowerCase(), label: g.name })).sort(byLabel),
    stakeholders: [...stakeholders.values()].sort(byLabel),
    people: listParticipants(doc).filter((p) => p.name).map((p) => ({ kind: 'person' as const, key: p.id, label: p.name })).sort(byLabel),
  };
}
