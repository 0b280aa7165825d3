import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../../src/core/items';
import { addProposal } from '../../../src/core/ground-rules';
import { upsertParticipant } from '../../../src/core/participants';
import { participation } from '../../../src/core/participation';
import { groupsOf } from '../../../src/core/schema';
import { addBoard, addBoardOf, newWorkshop, unwrap } from './helpers';

const people = [
  { id: 'sokha', name: 'Sokha', group: 'gov', color: '#000' },
  { id: 'chan', name: 'Chan', group: 'gov', color: '#000' },
  { id: 'vanna', name: 'Vanna', group: 'dp', color: '#000' },
  { id: 'dara', name: 'Dara', group: 'dp', color: '#000' },
];

describe('who has spoken', () => {
  it('counts a board\'s notes per person and group and lists who has not written yet', () => {
    const doc = newWorkshop();
    // Two ids for one name, as two devices that made the group offline leave it.
    for (const [id, name] of [['gov', 'Government'], ['dp', 'Development Partners'], ['dp2', 'Development Partners']]) {
      groupsOf(doc).set(id!, new Y.Map(Object.entries({ id, name, color: '#000' })));
    }
    for (const p of [...people, { id: 'bopha', name: 'Bopha', group: 'dp2', color: '#000' }]) unwrap(upsertParticipant(doc, p, 'x'));
    const board = addBoard(doc);
    const other = addBoard(doc, 'Elsewhere');
    for (const text of ['a', 'b']) unwrap(addItem(doc, board, { text, createdBy: 'sokha', group: 'gov' }, 'x'));
    unwrap(addItem(doc, board, { text: 'c', createdBy: 'vanna', group: 'dp' }, 'x'));
    unwrap(addItem(doc, other, { text: 'd', createdBy: 'chan', group: 'gov' }, 'x'));
    const p = participation(doc, board, new Set(['dara']));
    expect(p.people.map((c) => [c.name, c.count])).toEqual([['Sokha', 2], ['Vanna', 1]]);
    expect(p.groups).toEqual([{ group: 'Government', count: 2 }, { group: 'Development Partners', count: 1 }]);
    expect(p.quiet.map((c) => [c.name, c.group])).toEqual([['Bopha', 'Development Partners'], ['Chan', 'Government']]);
  });

  it('counts proposals by who proposed them', () => {
    const doc = newWorkshop();
    for (const p of people) unwrap(upsertParticipant(doc, p, 'x'));
    const board = addBoardOf(doc, 'ground-rules');
    unwrap(addProposal(doc, board, { text: 'Start on time', proposedBy: 'chan' }, 'x'));
    expect(participation(doc, board).people.map((c) => c.id)).toEqual(['chan']);
  });
});
