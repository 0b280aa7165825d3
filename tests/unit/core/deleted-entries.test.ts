import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeletionWitness, restoreDeleted, type DeletionChange } from '../../../src/core/deleted-entries';
import { addProposal, listProposals, respond } from '../../../src/core/ground-rules';
import { deleteItem, editItem, listItems, moveItemToBoard } from '../../../src/core/items';
import { boardMapOf, boardPartOf, itemsOf } from '../../../src/core/schema';
import { addStakeholder, getStakeholder, placeStakeholder } from '../../../src/core/stakeholders';
import { addCluster, addNote, listNotes } from '../../../src/core/swot';
import { addBoard, addBoardOf, addItems, joinDevice, newWorkshop, send, textsOf, unwrap } from './helpers';

/** A device whose witness watches its document, with every change it reported. */
function watched(doc: Y.Doc) {
  const changes: DeletionChange[] = [];
  const witness = new DeletionWitness(doc, (change) => changes.push(change));
  return { witness, changes };
}

/** A modified client: deletes entries straight from the board's map, in one update, with none of
 *  the app's checks or bookkeeping. */
function rawDeleteAll<T>(doc: Y.Doc, map: Y.Map<T>): void {
  doc.transact(() => { for (const id of [...map.keys()]) map.delete(id); });
}

describe('recently deleted entries', () => {
  it('keeps every note a modified client deleted in one update, and restores each in place', () => {
    const facilitator = newWorkshop();
    const board = addBoard(facilitator);
    addItems(facilitator, board, ['Clean water', 'Roads', 'Schools']);
    const attacker = joinDevice(facilitator);
    const { witness, changes } = watched(facilitator);
    const before = listItems(facilitator, board);

    rawDeleteAll(attacker, itemsOf(attacker, board)!);
    send(attacker, facilitator);

    expect(textsOf(facilitator, board)).toEqual([]);
    const deleted = witness.list(board);
    expect(deleted.map((d) => d.label).sort()).toEqual(['Clean water', 'Roads', 'Schools']);
    expect(deleted.every((d) => !d.byThisDevice && d.part === 'items')).toBe(true);
    expect(changes.flatMap((c) => c.added)).toHaveLength(3);

    for (const entry of deleted) unwrap(restoreDeleted(facilitator, entry, 'restore'));
    expect(listItems(facilitator, board)).toEqual(before);
    expect(witness.list(board)).toEqual([]);
    expect(changes.at(-1)!.back).toHaveLength(1);

    send(facilitator, attacker);
    expect(listItems(attacker, board)).toEqual(before);
  });

  it('restores a SWOT note into its quadrant, under its heading, in its order, with its last edit', () => {
    const doc = newWorkshop();
    const board = addBoardOf(doc, 'swot');
    const cluster = unwrap(addCluster(doc, board, { quadrant: 'threats', title: 'Money' }, 'setup'));
    const author = { createdBy: 'p1', group: '' };
    for (const text of ['Budget cuts', 'Donor exit', 'Inflation']) {
      unwrap(addNote(doc, board, { ...author, text, quadrant: 'threats', cluster }, 'setup'));
    }
    const middle = listNotes(doc, board)[1]!;
    const attacker = joinDevice(doc);
    const { witness } = watched(doc);
    unwrap(editItem(doc, board, middle.id, 'Donors leaving', 'local'));
    const edited = listNotes(doc, board);
    send(doc, attacker);

    attacker.transact(() => itemsOf(attacker, board)!.delete(middle.id));
    send(attacker, doc);
    expect(listNotes(doc, board).map((n) => n.text)).toEqual(['Budget cuts', 'Inflation']);

    const [entry] = witness.list(board);
    expect(entry!.label).toBe('Donors leaving');
    unwrap(restoreDeleted(doc, entry!, 'restore'));
    expect(listNotes(doc, board)).toEqual(edited);
  });

  it('restores a stakeholder with everyone\'s estimates and a proposal with its answers', () => {
    const doc = newWorkshop();
    const map = addBoardOf(doc, 'stakeholders');
    const rules = addBoardOf(doc, 'ground-rules');
    const ministry = unwrap(addStakeholder(doc, map, { name: 'Ministry of Health', createdBy: 'p1' }, 'setup'));
    unwrap(placeStakeholder(doc, map, ministry, 'p1', { influence: 0.8, interest: 0.3 }, 'setup'));
    unwrap(placeStakeholder(doc, map, ministry, 'p2', { influence: 0.6, interest: 0.5 }, 'setup'));
    unwrap(addProposal(doc, rules, { text: 'Phones on silent', proposedBy: 'p1' }, 'setup'));
    const proposal = listProposals(doc, rules)[0]!.id;
    unwrap(respond(doc, rules, proposal, 'p2', { answer: 'object', reason: 'On call' }, 'setup'));
    const stakeholder = getStakeholder(doc, map, ministry, 'p1');
    const proposals = listProposals(doc, rules, 'p2');
    const attacker = joinDevice(doc);
    const { witness } = watched(doc);

    rawDeleteAll(attacker, boardPartOf(attacker, map, 'stakeholders')!);
    rawDeleteAll(attacker, boardPartOf(attacker, rules, 'proposals')!);
    send(attacker, doc);
    expect(getStakeholder(doc, map, ministry, 'p1')).toBeUndefined();
    expect(listProposals(doc, rules)).toEqual([]);

    expect(witness.list(map).map((d) => [d.label, d.part])).toEqual([['Ministry of Health', 'stakeholders']]);
    expect(witness.list(rules).map((d) => [d.label, d.part])).toEqual([['Phones on silent', 'proposals']]);
    for (const entry of [...witness.list(map), ...witness.list(rules)]) unwrap(restoreDeleted(doc, entry, 'restore'));
    expect(getStakeholder(doc, map, ministry, 'p1')).toEqual(stakeholder);
    expect(listProposals(doc, rules, 'p2')).toEqual(proposals);
  });

  it('keeps the notes when a modified client replaces or removes the whole map of a board\'s notes', () => {
    const doc = newWorkshop();
    const replaced = addBoard(doc, 'Replaced');
    const removed = addBoard(doc, 'Removed');
    addItems(doc, replaced, ['One', 'Two']);
    addItems(doc, removed, ['Three']);
    const before = [listItems(doc, replaced), listItems(doc, removed)];
    const attacker = joinDevice(doc);
    const { witness } = watched(doc);

    attacker.transact(() => {
      boardMapOf(attacker, replaced).set('items', new Y.Map());
      boardMapOf(attacker, removed).delete('items');
    });
    send(attacker, doc);
    expect(textsOf(doc, replaced)).toEqual([]);
    expect(witness.list(replaced).map((d) => d.label).sort()).toEqual(['One', 'Two']);
    expect(witness.list(removed).map((d) => d.label)).toEqual(['Three']);

    for (const entry of [...witness.list(replaced), ...witness.list(removed)]) unwrap(restoreDeleted(doc, entry, 'restore'));
    expect([listItems(doc, replaced), listItems(doc, removed)]).toEqual(before);
    expect([...witness.list(replaced), ...witness.list(removed)]).toEqual([]);
  });

  it('marks this device\'s own deletion, and leaves out a note moved to another board', () => {
    const doc = newWorkshop();
    const a = addBoard(doc, 'A');
    const b = addBoard(doc, 'B');
    const [gone, moved] = addItems(doc, a, ['Gone', 'Moved']);
    const { witness } = watched(doc);

    unwrap(deleteItem(doc, a, gone!, 'local'));
    unwrap(moveItemToBoard(doc, a, moved!, b, 'local'));
    expect(witness.list(a).map((d) => [d.label, d.byThisDevice])).toEqual([['Gone', true]]);
    expect(witness.list(b)).toEqual([]);
  });

  it('watches a board added after it started, and adopts only what is still gone', () => {
    const doc = newWorkshop();
    const { witness } = watched(doc);
    const board = addBoard(doc);
    const [kept, back] = addItems(doc, board, ['Kept', 'Back']);
    const remote = joinDevice(doc);
    rawDeleteAll(remote, itemsOf(remote, board)!);
    send(remote, doc);
    const stored = witness.list(board);
    expect(stored).toHaveLength(2);
    unwrap(restoreDeleted(doc, stored.find((d) => d.id === back)!, 'restore'));

    const later = watched(doc).witness;
    expect(later.adopt(stored)).toEqual([`${board}|${back}`]);
    expect(later.list(board).map((d) => d.id)).toEqual([kept]);
  });
});
