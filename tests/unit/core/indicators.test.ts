import { describe, expect, it } from 'vitest';
import { addGroup } from '../../../src/core/groups';
import {
  addIndicator, answerIndicator, deleteIndicator, INDICATOR_FIELDS, listIndicators, updateIndicator,
} from '../../../src/core/indicators';
import { upsertParticipant } from '../../../src/core/participants';
import { createUndo } from '../../../src/core/undo';
import { addBoard, addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function board() {
  const doc = newWorkshop();
  return { doc, board: addBoardOf(doc, 'indicators', 'Indicators of success') };
}

const full = {
  success: 'Mothers give birth with a skilled attendant',
  indicator: 'Share of births attended by skilled staff',
  baseline: '62% (2024 survey)',
  target: '85% by 2028',
  method: 'Health information system, district reports',
  collectedBy: 'Provincial Health Department',
  frequency: 'Quarterly',
  reportTo: 'Development Partners (annual review)',
};

describe('indicators', () => {
  it('are added with every field, in one transaction, oldest first', () => {
    const { doc, board: b } = board();
    const { result, updates, origins } = recordWrites(doc, () => addIndicator(doc, b, { ...full, createdBy: 'p1' }, 'me'));
    const id = unwrap(result);
    expect([updates, origins]).toEqual([1, ['me']]);
    unwrap(addIndicator(doc, b, { indicator: ' Second ', createdBy: 'p2' }, 'me'));
    const [first, second] = listIndicators(doc, b);
    expect(first).toMatchObject({ ...full, id, createdBy: 'p1' });
    expect(first!.round).toMatchObject({ status: 'open', answers: [] });
    expect(second).toMatchObject({ indicator: 'Second', success: '', baseline: '', reportTo: '' });
  });

  it('need an indicator; every field has a cap; a failure names its field', () => {
    const { doc, board: b } = board();
    expect(addIndicator(doc, b, { indicator: ' ', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'empty', detail: 'indicator' });
    expect(addIndicator(doc, b, { indicator: 'x', method: 'm'.repeat(301), createdBy: 'p1' }, 'me'))
      .toMatchObject({ ok: false, error: 'too-long', detail: 'method' });
    expect(addIndicator(doc, addBoard(doc), { indicator: 'x', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(INDICATOR_FIELDS).toHaveLength(8);
  });

  it('are updated field by field, and deleted', () => {
    const { doc, board: b } = board();
    const id = unwrap(addIndicator(doc, b, { ...full, createdBy: 'p1' }, 'me'));
    const { updates } = recordWrites(doc, () => unwrap(updateIndicator(doc, b, id, { target: '90% by 2028', baseline: full.baseline }, 'me')));
    expect(updates).toBe(1);
    expect(listIndicators(doc, b)[0]).toMatchObject({ target: '90% by 2028', baseline: full.baseline });
    expect(recordWrites(doc, () => updateIndicator(doc, b, id, { target: '90% by 2028' }, 'me')).updates).toBe(0);
    expect(updateIndicator(doc, b, id, { indicator: '' }, 'me')).toMatchObject({ ok: false, error: 'empty' });
    unwrap(updateIndicator(doc, b, id, { baseline: '' }, 'me'));
    expect(listIndicators(doc, b)[0]!.baseline).toBe('');
    unwrap(deleteIndicator(doc, b, id, 'me'));
    expect(listIndicators(doc, b)).toEqual([]);
    expect(updateIndicator(doc, b, id, { target: 'x' }, 'me')).toMatchObject({ ok: false, error: 'no-indicator' });
    expect(deleteIndicator(doc, b, id, 'me')).toMatchObject({ ok: false, error: 'no-indicator' });
  });

  it('each have a consent round that waits for every group present', () => {
    const { doc, board: b } = board();
    const gov = unwrap(addGroup(doc, 'Government', 'setup'));
    const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
    unwrap(upsertParticipant(doc, { id: 'g1', name: 'Sokha', group: gov, color: '#000000' }, 'setup'));
    unwrap(upsertParticipant(doc, { id: 'd1', name: 'Anna', group: dp, color: '#000000' }, 'setup'));
    const id = unwrap(addIndicator(doc, b, { ...full, createdBy: 'g1' }, 'me'));
    unwrap(answerIndicator(doc, b, id, { participant: 'd1', group: dp }, { answer: 'agree' }, 'd1'));
    expect(listIndicators(doc, b, 'd1')[0]!.round).toMatchObject({ status: 'open', waitingFor: [gov], mine: 'agree' });
    unwrap(answerIndicator(doc, b, id, { participant: 'g1', group: gov }, { answer: 'object', reason: 'No budget for a survey' }, 'g1'));
    expect(listIndicators(doc, b)[0]!.round.status).toBe('needs-discussion');
    unwrap(answerIndicator(doc, b, id, { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'));
    expect(listIndicators(doc, b)[0]!.round.status).toBe('adopted');
    expect(answerIndicator(doc, b, 'nope', { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'))
      .toMatchObject({ ok: false, error: 'no-indicator' });
  });

  it('two devices editing one indicator at once keep both: other fields, and other places of one field', () => {
    const { doc: a, board: b } = board();
    const id = unwrap(addIndicator(a, b, { indicator: 'Births attended', method: 'District reports', createdBy: 'p1' }, 'a'));
    const other = joinDevice(a);
    unwrap(updateIndicator(a, b, id, { target: '85%', method: 'Monthly district reports' }, 'a'));
    unwrap(updateIndicator(other, b, id, { baseline: '62%', method: 'District reports and surveys' }, 'b'));
    exchange(a, other);
    expect(listIndicators(a, b)).toEqual(listIndicators(other, b));
    expect(listIndicators(a, b)[0]).toMatchObject({
      target: '85%', baseline: '62%', method: 'Monthly district reports and surveys',
    });
  });

  it('undo takes back only this device’s change', () => {
    const { doc: a, board: b } = board();
    const mine = { local: true };
    const undo = createUndo(a, b, mine, 0);
    const id = unwrap(addIndicator(a, b, { indicator: 'Births attended', createdBy: 'p1' }, 'setup'));
    const other = joinDevice(a);
    unwrap(updateIndicator(a, b, id, { target: '85%' }, mine));
    unwrap(updateIndicator(other, b, id, { baseline: '62%' }, 'b'));
    exchange(a, other);
    undo.undo();
    expect(listIndicators(a, b)[0]).toMatchObject({ target: '', baseline: '62%' });
  });
});
