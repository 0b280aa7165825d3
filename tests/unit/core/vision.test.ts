import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGroup } from '../../../src/core/groups';
import { upsertParticipant } from '../../../src/core/participants';
import { boardMapOf } from '../../../src/core/schema';
import { createUndo } from '../../../src/core/undo';
import {
  adoptedVersion, answerVersion, deleteVersion, editVision, listVersions, nameVersion, renameVersion, restoreVersion,
  shiftCaret, visionText,
} from '../../../src/core/vision';
import { addBoard, addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function vision() {
  const doc = newWorkshop();
  return { doc, board: addBoardOf(doc, 'vision', 'Vision') };
}

describe('the shared statement', () => {
  it('is made with the board, empty, and edited in place', () => {
    const { doc, board } = vision();
    expect(boardMapOf(doc, board).get('statement')).toBeInstanceOf(Y.Text);
    expect(visionText(doc, board)).toBe('');
    const { updates, origins } = recordWrites(doc, () => unwrap(editVision(doc, board, 'Healthy mothers ', 'me')));
    expect([updates, origins]).toEqual([1, ['me']]);
    // Typed text keeps its trailing space (the next word comes at the next keystroke); controls go.
    expect(visionText(doc, board)).toBe('Healthy mothers ');
    unwrap(editVision(doc, board, 'Healthy mothers\u202E and\r\nchildren', 'me'));
    expect(visionText(doc, board)).toBe('Healthy mothers and\nchildren');
    expect(recordWrites(doc, () => editVision(doc, board, 'Healthy mothers and\nchildren', 'me')).updates).toBe(0);
  });

  it('refuses a statement over its cap, and boards of another kind', () => {
    const { doc, board } = vision();
    expect(editVision(doc, board, 'x'.repeat(2001), 'me')).toMatchObject({ ok: false, error: 'too-long' });
    expect(editVision(doc, addBoard(doc), 'x', 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(visionText(doc, 'nope')).toBe('');
  });

  it('keeps both people’s words when two devices edit different places at once (character merge)', () => {
    const { doc: a, board } = vision();
    unwrap(editVision(a, board, 'Every child in school.', 'a'));
    const b = joinDevice(a);
    unwrap(editVision(a, board, 'Every child in a good school.', 'a'));
    unwrap(editVision(b, board, 'Every child and mother in school.', 'b'));
    exchange(a, b);
    expect(visionText(a, board)).toBe('Every child and mother in a good school.');
    expect(visionText(b, board)).toBe(visionText(a, board));
  });

  it('undoes only this device’s typing', () => {
    const { doc: a, board } = vision();
    const mine = { local: true };
    const undo = createUndo(a, board, mine, 0);
    const b = joinDevice(a);
    unwrap(editVision(a, board, 'Clean water', mine));
    exchange(a, b);
    unwrap(editVision(b, board, 'Clean water for all', 'b'));
    exchange(a, b);
    undo.undo();
    expect(visionText(a, board)).toBe(' for all');
  });

  it('moves a caret with someone else’s edit before it, and not with one after it', () => {
    expect(shiftCaret('abc def', 'XX abc def', 5)).toBe(8);
    expect(shiftCaret('abc def', 'abc defXX', 2)).toBe(2);
    expect(shiftCaret('abc def', 'abc', 6)).toBe(3);
    expect(shiftCaret('abcdef', 'aXf', 3)).toBe(1);
  });
});

describe('versions', () => {
  it('keep the statement as it stood under a name, oldest first, while the statement moves on', () => {
    const { doc, board } = vision();
    unwrap(editVision(doc, board, 'Draft words', 'me'));
    const first = unwrap(nameVersion(doc, board, { name: ' Draft 1 ', createdBy: 'p1' }, 'me'));
    unwrap(editVision(doc, board, 'Better words after group work', 'me'));
    const second = unwrap(nameVersion(doc, board, { name: 'After group work', createdBy: 'p1' }, 'me'));
    expect(listVersions(doc, board).map((v) => [v.id, v.name, v.text])).toEqual([
      [first, 'Draft 1', 'Draft words'], [second, 'After group work', 'Better words after group work'],
    ]);
    expect(listVersions(doc, board)[0]!.round).toMatchObject({ status: 'open', answers: [] });
  });

  it('refuse an empty name or an empty statement, and boards of another kind', () => {
    const { doc, board } = vision();
    expect(nameVersion(doc, board, { name: 'Draft 1', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'empty-vision' });
    unwrap(editVision(doc, board, 'x', 'me'));
    expect(nameVersion(doc, board, { name: ' ', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'empty' });
    expect(nameVersion(doc, board, { name: 'x'.repeat(61), createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'too-long' });
    expect(nameVersion(doc, addBoard(doc), { name: 'x', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });

  it('are renamed, restored into the statement and deleted', () => {
    const { doc, board } = vision();
    unwrap(editVision(doc, board, 'First words', 'me'));
    const id = unwrap(nameVersion(doc, board, { name: 'Draft 1', createdBy: 'p1' }, 'me'));
    unwrap(renameVersion(doc, board, id, 'Draft one', 'me'));
    expect(listVersions(doc, board)[0]!.name).toBe('Draft one');
    unwrap(editVision(doc, board, 'Other words', 'me'));
    unwrap(restoreVersion(doc, board, id, 'me'));
    expect(visionText(doc, board)).toBe('First words');
    unwrap(deleteVersion(doc, board, id, 'me'));
    expect(listVersions(doc, board)).toEqual([]);
    for (const r of [renameVersion(doc, board, id, 'x', 'me'), restoreVersion(doc, board, id, 'me'), deleteVersion(doc, board, id, 'me')]) {
      expect(r).toMatchObject({ ok: false, error: 'no-version' });
    }
  });

  it('each have a consent round: the adopted one is the latest every group agreed to', () => {
    const { doc, board } = vision();
    const gov = unwrap(addGroup(doc, 'Government', 'setup'));
    const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
    unwrap(upsertParticipant(doc, { id: 'g1', name: 'Sokha', group: gov, color: '#000000' }, 'setup'));
    unwrap(upsertParticipant(doc, { id: 'd1', name: 'Anna', group: dp, color: '#000000' }, 'setup'));
    unwrap(editVision(doc, board, 'One', 'me'));
    const one = unwrap(nameVersion(doc, board, { name: 'Draft 1', createdBy: 'g1' }, 'me'));
    unwrap(editVision(doc, board, 'Two', 'me'));
    const two = unwrap(nameVersion(doc, board, { name: 'Draft 2', createdBy: 'g1' }, 'me'));
    unwrap(answerVersion(doc, board, one, { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'));
    expect(listVersions(doc, board, 'g1')[0]!.round).toMatchObject({ status: 'open', waitingFor: [dp], mine: 'agree' });
    expect(adoptedVersion(doc, board)).toBeUndefined();
    unwrap(answerVersion(doc, board, one, { participant: 'd1', group: dp }, { answer: 'agree' }, 'd1'));
    expect(adoptedVersion(doc, board)?.id).toBe(one);
    unwrap(answerVersion(doc, board, two, { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'));
    unwrap(answerVersion(doc, board, two, { participant: 'd1', group: dp }, { answer: 'reservations', reason: 'Too short' }, 'd1'));
    expect(adoptedVersion(doc, board)?.id).toBe(two);
    expect(answerVersion(doc, board, 'nope', { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'))
      .toMatchObject({ ok: false, error: 'no-version' });
  });
});
