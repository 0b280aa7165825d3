import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { answerRound, groupsPresent, readRound } from '../../../src/core/consent';
import { addGroup, deleteGroup } from '../../../src/core/groups';
import { addIndicator } from '../../../src/core/indicators';
import { upsertParticipant } from '../../../src/core/participants';
import { addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

/** A workshop with an indicator to agree on, and participants of two groups who joined it. */
function room() {
  const doc = newWorkshop();
  const gov = unwrap(addGroup(doc, 'Government', 'setup'));
  const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
  for (const [id, group] of [['g1', gov], ['g2', gov], ['d1', dp], ['x', '']] as const) {
    unwrap(upsertParticipant(doc, { id, name: id, group, color: '#000000' }, 'setup'));
  }
  const boardId = addBoardOf(doc, 'indicators', 'Indicators');
  const id = unwrap(addIndicator(doc, boardId, { indicator: 'Share of districts reporting on time', createdBy: 'g1' }, 'setup'));
  return { doc, gov, dp, target: { boardId, part: 'indicators', id } };
}

describe('groupsPresent', () => {
  it('lists the groups of the participants who joined, by name, without deleted groups or none', () => {
    const { doc, gov, dp } = room();
    unwrap(addGroup(doc, 'Business', 'setup'));
    expect(groupsPresent(doc)).toEqual([dp, gov]);
    unwrap(deleteGroup(doc, dp, 'setup'));
    expect(groupsPresent(doc)).toEqual([gov]);
  });
});

describe('a consent round', () => {
  it('is open and waits for every group present until each has answered', () => {
    const { doc, gov, dp, target } = room();
    expect(readRound(doc, target)).toEqual({
      status: 'open', tally: { agree: 0, reservations: 0, object: 0 }, answers: [], waitingFor: [dp, gov], mine: null,
    });
    unwrap(answerRound(doc, target, { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'));
    expect(readRound(doc, target, 'g1')).toMatchObject({ status: 'open', waitingFor: [dp], mine: 'agree' });
    // A second person of the same group does not stand in for the missing one.
    unwrap(answerRound(doc, target, { participant: 'g2', group: gov }, { answer: 'agree' }, 'g2'));
    expect(readRound(doc, target)).toMatchObject({ status: 'open', waitingFor: [dp] });
    unwrap(answerRound(doc, target, { participant: 'd1', group: dp }, { answer: 'reservations', reason: 'Baseline unclear' }, 'd1'));
    const round = readRound(doc, target, 'd1');
    expect(round).toMatchObject({ status: 'adopted', waitingFor: [], mine: 'reservations', tally: { agree: 2, reservations: 1, object: 0 } });
    // Oldest first; answers within one millisecond by participant id.
    expect(round.answers.map((a) => [a.participant, a.group, a.answer, a.reason]).sort()).toEqual([
      ['d1', dp, 'reservations', 'Baseline unclear'], ['g1', gov, 'agree', ''], ['g2', gov, 'agree', ''],
    ]);
  });

  it('needs discussion on any objection, from a group or from someone without one, until it is taken back', () => {
    const { doc, gov, dp, target } = room();
    unwrap(answerRound(doc, target, { participant: 'g1', group: gov }, { answer: 'agree' }, 'g1'));
    unwrap(answerRound(doc, target, { participant: 'd1', group: dp }, { answer: 'agree' }, 'd1'));
    unwrap(answerRound(doc, target, { participant: 'x', group: '' }, { answer: 'object', reason: 'Who pays?' }, 'x'));
    expect(readRound(doc, target).status).toBe('needs-discussion');
    const { updates, origins } = recordWrites(doc, () => answerRound(doc, target, { participant: 'x', group: '' }, { answer: null }, 'x'));
    expect([updates, origins]).toEqual([1, ['x']]);
    expect(readRound(doc, target).status).toBe('adopted');
  });

  it('with no stakeholder group in the workshop, is adopted by the first agreement', () => {
    const doc = newWorkshop();
    const boardId = addBoardOf(doc, 'indicators');
    const id = unwrap(addIndicator(doc, boardId, { indicator: 'x', createdBy: 'p1' }, 'setup'));
    const target = { boardId, part: 'indicators', id };
    unwrap(answerRound(doc, target, { participant: 'p1', group: '' }, { answer: 'agree' }, 'p1'));
    expect(readRound(doc, target)).toMatchObject({ status: 'adopted', waitingFor: [] });
  });

  it.each([
    ['an unknown answer', { participant: 'g1', group: '' }, { answer: 'maybe' }, 'bad-answer'],
    ['no participant', { participant: '', group: '' }, { answer: 'agree' }, 'no-id'],
    ['too long a reason', { participant: 'g1', group: '' }, { answer: 'object', reason: 'x'.repeat(301) }, 'too-long'],
  ])('rejects %s and writes nothing', (_what, voter, response, error) => {
    const { doc, target } = room();
    const { result, updates } = recordWrites(doc, () => answerRound(doc, target, voter, response, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('reports an unknown target, and reads one as an unanswered round', () => {
    const { doc, target } = room();
    const voter = { participant: 'g1', group: '' };
    expect(answerRound(doc, { ...target, id: 'nope' }, voter, { answer: 'agree' }, 'me')).toMatchObject({ ok: false, error: 'no-entry' });
    expect(answerRound(doc, { ...target, boardId: 'nope' }, voter, { answer: 'agree' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(readRound(doc, { ...target, id: 'nope' })).toMatchObject({ status: 'open', answers: [] });
  });

  it('gives an entry made before rounds existed its answers map at the first answer', () => {
    const { doc, target } = room();
    const entry = (doc.getMap(`board:${target.boardId}`).get('indicators') as Y.Map<Y.Map<unknown>>).get(target.id)!;
    doc.transact(() => entry.delete('responses'));
    unwrap(answerRound(doc, target, { participant: 'g1', group: '' }, { answer: 'agree' }, 'g1'));
    expect(readRound(doc, target).answers).toHaveLength(1);
  });

  it('two groups answering at once on two devices both count', () => {
    const { doc: a, gov, dp, target } = room();
    const b = joinDevice(a);
    unwrap(answerRound(a, target, { participant: 'g1', group: gov }, { answer: 'agree' }, 'a'));
    expect(readRound(a, target)).toMatchObject({ status: 'open', waitingFor: [dp] });
    unwrap(answerRound(b, target, { participant: 'd1', group: dp }, { answer: 'agree' }, 'b'));
    exchange(a, b);
    expect(readRound(a, target)).toEqual(readRound(b, target));
    expect(readRound(a, target).status).toBe('adopted');
  });
});
