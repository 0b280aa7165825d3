import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard, updateBoard } from '../../../src/core/boards';
import { changedEntries } from '../../../src/core/changed';
import { addProposal, respond } from '../../../src/core/ground-rules';
import { addItem, deleteItem, editItem } from '../../../src/core/items';
import { upsertParticipant } from '../../../src/core/participants';
import { addStakeholder, placeStakeholder } from '../../../src/core/stakeholders';

/** The entries each transaction of `write` touched. */
function entriesOf(doc: Y.Doc, write: () => void): string[][] {
  const seen: string[][] = [];
  const record = (t: Y.Transaction) => seen.push([...changedEntries(t)]);
  doc.on('afterTransaction', record);
  write();
  doc.off('afterTransaction', record);
  return seen;
}

const value = <T>(r: { ok: boolean; value?: T }): T => {
  if (!r.ok) throw new Error('failed');
  return r.value as T;
};

describe('changedEntries', () => {
  it('names the note, stakeholder or proposal a change touched, however deep it sits', () => {
    const doc = new Y.Doc();
    const notes = value(createBoard(doc, { type: 'notes', title: 'Notes' }, 't'));
    const map = value(createBoard(doc, { type: 'stakeholders', title: 'Map' }, 't'));
    const rules = value(createBoard(doc, { type: 'ground-rules', title: 'Rules' }, 't'));
    const note = value(addItem(doc, notes, { text: 'A note', createdBy: 'p1', group: '' }, 't'));
    const stakeholder = value(addStakeholder(doc, map, { name: 'Donor', createdBy: 'p1' }, 't'));
    const proposal = value(addProposal(doc, rules, { text: 'Start on time', proposedBy: 'p1' }, 't'));
    expect(entriesOf(doc, () => editItem(doc, notes, note, 'A note, edited', 't'))).toEqual([[note]]);
    expect(entriesOf(doc, () => placeStakeholder(doc, map, stakeholder, 'p1', { influence: 0.5, interest: 0.5 }, 't')))
      .toEqual([[stakeholder]]);
    expect(entriesOf(doc, () => respond(doc, rules, proposal, 'p1', { answer: 'agree' }, 't'))).toEqual([[proposal]]);
    expect(entriesOf(doc, () => deleteItem(doc, notes, note, 't'))).toEqual([[note]]);
  });

  it('names nothing for a change outside the boards’ entries', () => {
    const doc = new Y.Doc();
    const notes = value(createBoard(doc, { type: 'notes', title: 'Notes' }, 't'));
    expect(entriesOf(doc, () => updateBoard(doc, notes, { title: 'Expectations' }, 't'))).toEqual([[]]);
    expect(entriesOf(doc, () => upsertParticipant(doc, { id: 'p1', name: 'Dara', group: '', color: '#000' }, 't'))).toEqual([[]]);
  });
});
