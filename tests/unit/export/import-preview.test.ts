import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteBoard, updateBoard } from '../../../src/core/boards';
import { editProposal, respond } from '../../../src/core/ground-rules';
import { deleteItem, listItems } from '../../../src/core/items';
import { updateMeta } from '../../../src/core/meta';
import { boardMapOf, boardOrderOf } from '../../../src/core/schema';
import { deleteStakeholder, listStakeholders, placeStakeholder, updateStakeholder } from '../../../src/core/stakeholders';
import { previewImport, needsConfirmation, type ImportPreview } from '../../../src/export/import-preview';
import { addBoard, addItems, joinDevice, newWorkshop, unwrap } from '../core/helpers';
import { fixtureWorkshop, PEOPLE } from './helpers';

/** What a backup made on `device` holds: its whole state, as the file carries it. */
const backupOf = (device: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(device);

/** The preview's entries of one board, per part and status, as texts. */
function textsOf(preview: ImportPreview, boardId: string) {
  const board = preview.boards.find((b) => b.id === boardId);
  return Object.fromEntries((board?.parts ?? []).map((p) => [p.part, {
    added: p.added.map((e) => e.text), extended: p.extended.map((e) => e.text),
    changed: p.changed.map((e) => [e.before, e.text]), removed: p.removed.map((e) => e.text),
  }]));
}

describe('import preview', () => {
  it('a file that only adds reports its additions and needs no confirmation', () => {
    const laptop = newWorkshop('Retreat');
    const board = addBoard(laptop, 'Expectations');
    addItems(laptop, board, ['A plan']);
    const phone = joinDevice(laptop);
    addItems(phone, board, ['Written offline', 'And another']);
    const extra = addBoard(phone, 'Parking lot');
    addItems(phone, extra, ['Later']);

    const preview = previewImport(laptop, backupOf(phone));
    expect(preview.counts).toEqual({ added: 4, extended: 0, changed: 0, removed: 0 });
    expect(needsConfirmation(preview)).toBe(false);
    expect(textsOf(preview, board)).toEqual({ items: { added: ['Written offline', 'And another'], extended: [], changed: [], removed: [] } });
    expect(preview.boards.find((b) => b.id === extra)).toMatchObject({ status: 'added', title: 'Parking lot' });
    expect(preview.meta).toEqual([]);
  });

  it('the same file twice, or an older copy of the workshop, changes nothing', () => {
    const laptop = newWorkshop();
    const board = addBoard(laptop);
    const phone = joinDevice(laptop);
    addItems(laptop, board, ['Only on the laptop']);
    const preview = previewImport(laptop, backupOf(phone));
    expect(preview).toEqual({ meta: [], boards: [], counts: { added: 0, extended: 0, changed: 0, removed: 0 } });
  });

  it('a crafted file that deletes five notes and renames the board: five removals and one change', () => {
    const laptop = newWorkshop();
    const board = addBoard(laptop, 'Expectations');
    const texts = ['One', 'Two', 'Three', 'Four', 'Five'];
    addItems(laptop, board, texts);
    const attacker = joinDevice(laptop);
    for (const item of listItems(attacker, board)) unwrap(deleteItem(attacker, board, item.id, 'attack'));
    unwrap(updateBoard(attacker, board, { title: 'Nothing here' }, 'attack'));
    const before = Y.encodeStateAsUpdate(laptop);

    const preview = previewImport(laptop, backupOf(attacker));
    expect(preview.counts).toEqual({ added: 0, extended: 0, changed: 1, removed: 5 });
    expect(needsConfirmation(preview)).toBe(true);
    expect(preview.boards).toEqual([expect.objectContaining({ id: board, title: 'Nothing here', renamedFrom: 'Expectations', status: 'kept' })]);
    expect(textsOf(preview, board).items!.removed.sort()).toEqual([...texts].sort());
    // The preview works on a copy: the workshop itself is untouched.
    expect(Y.encodeStateAsUpdate(laptop)).toEqual(before);
    expect(listItems(laptop, board)).toHaveLength(5);
  });

  it('stakeholders and proposals: edits and deletions are changes and removals, new estimates and answers only extend', () => {
    const { doc: laptop, boards } = fixtureWorkshop();
    const phone = joinDevice(laptop);
    const [moh, ngos, clinics] = listStakeholders(phone, boards.stakeholders);
    unwrap(placeStakeholder(phone, boards.stakeholders, clinics!.id, PEOPLE.sokha.id, { influence: 0.2, interest: 0.4 }, 'phone'));
    unwrap(respond(phone, boards.rules, proposalId(phone, boards.rules, 'Start on time'), PEOPLE.anna.id, { answer: 'agree' }, 'phone'));
    expect(needsConfirmation(previewImport(laptop, backupOf(phone)))).toBe(false);

    unwrap(updateStakeholder(phone, boards.stakeholders, moh!.id, { name: 'Ministry of Finance' }, 'phone'));
    unwrap(deleteStakeholder(phone, boards.stakeholders, ngos!.id, 'phone'));
    unwrap(editProposal(phone, boards.rules, proposalId(phone, boards.rules, 'Phones on silent'), 'Phones allowed', 'phone'));
    const preview = previewImport(laptop, backupOf(phone));

    expect(textsOf(preview, boards.stakeholders)).toEqual({
      stakeholders: { added: [], extended: ['Private clinics'], changed: [['Ministry of Health', 'Ministry of Finance']], removed: ['Provincial NGOs'] },
      // The relationship of a deleted stakeholder goes with it.
      relationships: { added: [], extended: [], changed: [], removed: ['funds'] },
    });
    expect(textsOf(preview, boards.rules)).toEqual({
      proposals: { added: [], extended: ['Start on time'], changed: [['Phones on silent', 'Phones allowed']], removed: [] },
    });
    expect(preview.counts).toEqual({ added: 0, extended: 2, changed: 2, removed: 2 });
  });

  it('an estimate moved or an answer changed is a change, not an addition', () => {
    const { doc: laptop, boards } = fixtureWorkshop();
    const phone = joinDevice(laptop);
    const moh = listStakeholders(phone, boards.stakeholders)[0]!;
    unwrap(placeStakeholder(phone, boards.stakeholders, moh.id, PEOPLE.sokha.id, { influence: 0.1, interest: 0.1 }, 'phone'));
    const preview = previewImport(laptop, backupOf(phone));
    expect(textsOf(preview, boards.stakeholders).stakeholders!.changed).toEqual([['Ministry of Health', 'Ministry of Health']]);
    expect(needsConfirmation(preview)).toBe(true);
  });

  it('a board deleted or dropped from the agenda is removed with its entries; workshop details are changes', () => {
    const laptop = newWorkshop('Retreat');
    const gone = addBoard(laptop, 'Gone');
    addItems(laptop, gone, ['a', 'b']);
    const hidden = addBoard(laptop, 'Hidden');
    const attacker = joinDevice(laptop);
    unwrap(deleteBoard(attacker, gone, 'attack'));
    attacker.transact(() => boardOrderOf(attacker).delete(boardOrderOf(attacker).toArray().indexOf(hidden), 1));
    unwrap(updateMeta(attacker, { title: 'Other', place: 'Siem Reap' }, 'attack'));

    const preview = previewImport(laptop, backupOf(attacker));
    expect(preview.meta).toEqual([
      { field: 'title', before: 'Retreat', after: 'Other' },
      { field: 'place', before: '', after: 'Siem Reap' },
    ]);
    expect(preview.boards.map((b) => [b.title, b.status])).toEqual([['Gone', 'removed'], ['Hidden', 'removed']]);
    expect(preview.counts).toEqual({ added: 0, extended: 0, changed: 2, removed: 4 });
  });

  it('a board of a kind from a newer app is compared through its own maps', () => {
    const laptop = newWorkshop();
    const board = 'future1';
    laptop.transact(() => {
      const map = boardMapOf(laptop, board);
      map.set('type', 'kanban');
      map.set('title', 'Next steps');
      map.set('items', new Y.Map());
      const cards = new Y.Map<Y.Map<unknown>>();
      map.set('cards', cards);
      for (const [id, label] of [['c1', 'Draft the plan'], ['c2', 'Book the room']] as const) {
        const card = new Y.Map<unknown>();
        card.set('label', label);
        cards.set(id, card);
      }
      boardOrderOf(laptop).push([board]);
    });
    const attacker = joinDevice(laptop);
    (boardMapOf(attacker, board).get('cards') as Y.Map<unknown>).delete('c2');
    unwrap(updateBoard(attacker, board, { prompt: 'What next?' }, 'attack'));

    const preview = previewImport(laptop, backupOf(attacker));
    expect(textsOf(preview, board)).toEqual({ cards: { added: [], extended: [], changed: [], removed: ['Book the room'] } });
    expect(preview.boards[0]).toMatchObject({ detailsChanged: true });
    expect(preview.counts).toEqual({ added: 0, extended: 0, changed: 1, removed: 1 });
  });
});

function proposalId(doc: Y.Doc, board: string, text: string): string {
  const proposals = boardMapOf(doc, board).get('proposals') as Y.Map<Y.Map<unknown>>;
  return [...proposals.entries()].find(([, p]) => String(p.get('text')) === text)![0];
}
