import { describe, expect, it } from 'vitest';
import {
  addAssumption, addRisk, clearRiskEstimate, deleteAssumption, deleteRisk, editAssumption, listAssumptions, listRisks,
  nudgeRisk, rateRisk, risksBySeverity, updateRisk,
} from '../../../src/core/risks';
import { NUDGE_STEP } from '../../../src/core/estimates';
import { createUndo } from '../../../src/core/undo';
import { addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function board() {
  const doc = newWorkshop();
  const id = addBoardOf(doc, 'risks', 'Risks');
  return { doc, board: id };
}

describe('risks', () => {
  it('are raised with a mitigation and an owner, in one transaction with the writer\'s origin', () => {
    const { doc, board: b } = board();
    const { result, updates, origins } = recordWrites(doc, () =>
      addRisk(doc, b, { text: 'Funding cut mid-year', mitigation: 'Second donor', owner: 'Steering group', createdBy: 'p1' }, 'a'));
    expect(result.ok).toBe(true);
    expect([updates, origins]).toEqual([1, ['a']]);
    expect(listRisks(doc, b)).toMatchObject([{ text: 'Funding cut mid-year', mitigation: 'Second donor', owner: 'Steering group', estimates: 0, position: null }]);
    expect(addRisk(doc, b, { text: ' ', createdBy: 'p1' }, 'a')).toMatchObject({ error: 'empty', detail: 'text' });
    expect(addRisk(doc, b, { text: 'x', owner: 'o'.repeat(121), createdBy: 'p1' }, 'a')).toMatchObject({ error: 'too-long', detail: 'owner' });
    expect(addRisk(doc, 'nope', { text: 'x', createdBy: 'p1' }, 'a')).toMatchObject({ error: 'no-board' });
  });

  it('keep everyone\'s own estimate of likelihood and impact, with the average and the spread', () => {
    const { doc, board: b } = board();
    const risk = unwrap(addRisk(doc, b, { text: 'Staff turnover', createdBy: 'p1' }, 'a'));
    const phone = joinDevice(doc);
    unwrap(rateRisk(doc, b, risk, 'p1', { likelihood: 0.8, impact: 0.4 }, 'a'));
    unwrap(rateRisk(phone, b, risk, 'p2', { likelihood: 0.2, impact: 0.6 }, 'b'));
    exchange(doc, phone);
    const [r] = listRisks(doc, b, 'p2');
    expect(r!.estimates).toBe(2);
    expect(r!.position!.likelihood).toBeCloseTo(0.5);
    expect(r!.position!.impact).toBeCloseTo(0.5);
    expect(r!.spread!.likelihood).toMatchObject({ min: 0.2, max: 0.8 });
    expect(r!.spread!.likelihood.sd).toBeCloseTo(0.3);
    expect(r!.mine).toEqual({ likelihood: 0.2, impact: 0.6 });
    expect(rateRisk(doc, b, risk, 'p1', { likelihood: 1.2, impact: 0 }, 'a')).toMatchObject({ error: 'bad-position' });
    expect(rateRisk(doc, b, risk, '', { likelihood: 1, impact: 0 }, 'a')).toMatchObject({ error: 'no-id' });
    unwrap(clearRiskEstimate(doc, b, risk, 'p1', 'a'));
    expect(listRisks(doc, b)[0]!.estimates).toBe(1);
  });

  it('are nudged by whole steps from the room\'s average, and sorted by severity', () => {
    const { doc, board: b } = board();
    const low = unwrap(addRisk(doc, b, { text: 'Low', createdBy: 'p1' }, 'a'));
    const high = unwrap(addRisk(doc, b, { text: 'High', createdBy: 'p1' }, 'a'));
    unwrap(addRisk(doc, b, { text: 'Unrated', createdBy: 'p1' }, 'a'));
    unwrap(nudgeRisk(doc, b, low, 'p1', { likelihood: -1 }, 'a'));
    expect(listRisks(doc, b, 'p1').find((r) => r.id === low)!.mine).toEqual({ likelihood: 0.5 - NUDGE_STEP, impact: 0.5 });
    unwrap(rateRisk(doc, b, high, 'p1', { likelihood: 0.9, impact: 0.9 }, 'a'));
    expect(nudgeRisk(doc, b, high, 'p1', { impact: 0.5 }, 'a')).toMatchObject({ error: 'bad-position' });
    expect(risksBySeverity(doc, b).map((r) => r.text)).toEqual(['High', 'Low', 'Unrated']);
  });

  it('edited on two devices at once keep both fields and both edits of one text', () => {
    const { doc: a, board: b } = board();
    const risk = unwrap(addRisk(a, b, { text: 'Data arrives late', mitigation: 'Monthly check', createdBy: 'p1' }, 'a'));
    const phone = joinDevice(a);
    unwrap(updateRisk(a, b, risk, { text: 'Ministry data arrives late', owner: 'Government' }, 'a'));
    unwrap(updateRisk(phone, b, risk, { text: 'Data arrives late and incomplete', mitigation: 'Monthly check with DPs' }, 'b'));
    exchange(a, phone);
    expect(listRisks(a, b)).toEqual(listRisks(phone, b));
    expect(listRisks(a, b)[0]).toMatchObject({
      text: 'Ministry data arrives late and incomplete', owner: 'Government', mitigation: 'Monthly check with DPs',
    });
    unwrap(deleteRisk(a, b, risk, 'a'));
    expect(deleteRisk(a, b, risk, 'a')).toMatchObject({ error: 'no-risk' });
  });
});

describe('assumptions', () => {
  it('are a list: added, edited, deleted', () => {
    const { doc, board: b } = board();
    const id = unwrap(addAssumption(doc, b, { text: 'The law passes this year', createdBy: 'p1' }, 'a'));
    unwrap(editAssumption(doc, b, id, 'The financing law passes this year', 'a'));
    expect(listAssumptions(doc, b)).toMatchObject([{ text: 'The financing law passes this year', createdBy: 'p1' }]);
    expect(editAssumption(doc, b, id, '', 'a')).toMatchObject({ error: 'empty' });
    unwrap(deleteAssumption(doc, b, id, 'a'));
    expect(listAssumptions(doc, b)).toEqual([]);
    expect(deleteAssumption(doc, b, id, 'a')).toMatchObject({ error: 'no-assumption' });
  });
});

it('undo takes back only my own estimate and risk', () => {
  const mine = { local: true };
  const { doc: a, board: b } = board();
  const phone = joinDevice(a);
  const undo = createUndo(a, b, mine, 0);
  const risk = unwrap(addRisk(phone, b, { text: 'theirs', createdBy: 'p2' }, 'b'));
  exchange(a, phone);
  unwrap(rateRisk(phone, b, risk, 'p2', { likelihood: 0.3, impact: 0.3 }, 'b'));
  unwrap(rateRisk(a, b, risk, 'p1', { likelihood: 0.9, impact: 0.9 }, mine));
  unwrap(addRisk(a, b, { text: 'mine', createdBy: 'p1' }, mine));
  exchange(a, phone);
  undo.undo();
  expect(listRisks(a, b).map((r) => r.text)).toEqual(['theirs']);
  undo.undo();
  expect(listRisks(a, b, 'p2')[0]).toMatchObject({ estimates: 1, mine: { likelihood: 0.3, impact: 0.3 } });
});
