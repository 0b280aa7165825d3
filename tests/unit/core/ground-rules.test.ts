import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../../src/core/boards';
import {
  PRINCIPLES, addProposal, adoptedRules, deleteProposal, editProposal, listProposals, moveProposal, respond, suggestions,
} from '../../../src/core/ground-rules';
import { boardMapOf } from '../../../src/core/schema';
import { addGroup } from '../../../src/core/groups';
import { upsertParticipant } from '../../../src/core/participants';
import { addBoard, addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function rules() {
  const doc = newWorkshop();
  return { doc, board: addBoardOf(doc, 'ground-rules', 'Ground rules') };
}

const propose = (doc: Y.Doc, board: string, text: string, principle?: string) =>
  unwrap(addProposal(doc, board, { text, proposedBy: 'p1', ...(principle === undefined ? {} : { principle }) }, 'setup'));

const answer = (doc: Y.Doc, board: string, id: string, who: string, a: string | null, reason?: string) =>
  unwrap(respond(doc, board, id, who, { answer: a, ...(reason === undefined ? {} : { reason }) }, who));

describe('ground-rules boards', () => {
  it('are created with an empty proposals map and seed nothing', () => {
    const doc = newWorkshop();
    const board = unwrap(createBoard(doc, { type: 'ground-rules', title: 'Rules' }, 'me'));
    expect(boardMapOf(doc, board).get('proposals')).toBeInstanceOf(Y.Map);
    expect(listProposals(doc, board)).toEqual([]);
  });
});

describe('addProposal', () => {
  it('adds a proposal with its author, open and unanswered', () => {
    const { doc, board } = rules();
    const before = Date.now();
    const { result, updates, origins } = recordWrites(doc, () =>
      addProposal(doc, board, { text: ' Phones on silent ', proposedBy: 'p2' }, 'me'));
    const id = unwrap(result);
    expect([updates, origins]).toEqual([1, ['me']]);
    const [p] = listProposals(doc, board);
    expect(p).toMatchObject({
      id, text: 'Phones on silent', proposedBy: 'p2', principle: '', status: 'open',
      tally: { agree: 0, reservations: 0, object: 0 }, responses: [], mine: null,
    });
    expect(p!.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('keeps proposals in the order they were made', () => {
    const { doc, board } = rules();
    propose(doc, board, 'first');
    propose(doc, board, 'second');
    expect(listProposals(doc, board).map((p) => p.text)).toEqual(['first', 'second']);
  });

  it.each([
    ['empty text', { text: ' ' }, 'empty'],
    ['too long a text', { text: 'x'.repeat(501) }, 'too-long'],
    ['an unknown principle', { text: 'x', principle: 'loyalty' }, 'bad-principle'],
  ])('rejects %s', (_what, fields, error) => {
    const { doc, board } = rules();
    const { result, updates } = recordWrites(doc, () => addProposal(doc, board, { proposedBy: 'p1', ...fields }, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('rejects a principle proposed twice, and boards of another type', () => {
    const { doc, board } = rules();
    propose(doc, board, 'Equity', 'equity');
    expect(addProposal(doc, board, { text: 'Equity again', proposedBy: 'p2', principle: 'equity' }, 'me'))
      .toEqual({ ok: false, error: 'duplicate', detail: 'equity' });
    expect(addProposal(doc, addBoard(doc), { text: 'x', proposedBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(addProposal(doc, 'nope', { text: 'x', proposedBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });
});

describe('suggestions', () => {
  it('offers every principle until it is proposed, with the i18n key of its wording', () => {
    const { doc, board } = rules();
    const all = suggestions(doc, board);
    expect(all.map((s) => s.principle)).toEqual([...PRINCIPLES]);
    expect(all[0]).toEqual({ principle: 'equity', key: 'principle.equity', reason: 'principle.leadsTo.mutual-respect' });
    // Seed 002's reasons: equity to mutual respect, transparency to trust, mutual benefit to sustainability.
    expect(all.map((s) => s.reason)).toEqual([
      'principle.leadsTo.mutual-respect', 'principle.leadsTo.trust', 'principle.leadsTo.sustainability', null, null,
    ]);
    const transparency = all.find((s) => s.principle === 'transparency')!;
    propose(doc, board, 'We share information openly and honestly.', transparency.principle);
    expect(suggestions(doc, board).map((s) => s.principle)).toEqual(['equity', 'mutual-benefit', 'responsibility', 'complementarity']);
    expect(listProposals(doc, board)[0]!.principle).toBe('transparency');
  });

  it('offers nothing on a board that is not a ground-rules board', () => {
    const doc = newWorkshop();
    expect(suggestions(doc, addBoard(doc))).toEqual([]);
    expect(suggestions(doc, 'nope')).toEqual([]);
  });
});

describe('editProposal, moveProposal, deleteProposal', () => {
  it('edits the wording in place', () => {
    const { doc, board } = rules();
    const id = propose(doc, board, 'Phones on silent');
    const { updates } = recordWrites(doc, () => unwrap(editProposal(doc, board, id, 'Phones on silent, please', 'me')));
    expect(updates).toBe(1);
    expect(listProposals(doc, board)[0]!.text).toBe('Phones on silent, please');
    expect(recordWrites(doc, () => editProposal(doc, board, id, 'Phones on silent, please', 'me')).updates).toBe(0);
    expect(editProposal(doc, board, id, '', 'me')).toMatchObject({ ok: false, error: 'empty' });
    expect(editProposal(doc, board, 'nope', 'x', 'me')).toMatchObject({ ok: false, error: 'no-proposal' });
  });

  it('reorders and deletes', () => {
    const { doc, board } = rules();
    const [a, b, c] = ['a', 'b', 'c'].map((t) => propose(doc, board, t));
    unwrap(moveProposal(doc, board, c!, 0, 'me'));
    expect(listProposals(doc, board).map((p) => p.text)).toEqual(['c', 'a', 'b']);
    expect(moveProposal(doc, board, a!, 3, 'me')).toMatchObject({ ok: false, error: 'bad-index' });
    expect(moveProposal(doc, board, 'nope', 0, 'me')).toMatchObject({ ok: false, error: 'no-proposal' });
    unwrap(deleteProposal(doc, board, b!, 'me'));
    expect(listProposals(doc, board).map((p) => p.text)).toEqual(['c', 'a']);
    expect(deleteProposal(doc, board, b!, 'me')).toMatchObject({ ok: false, error: 'no-proposal' });
    expect(deleteProposal(doc, 'nope', a!, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });
});

describe('consent round', () => {
  it('is adopted when everyone who answered agrees, with reservations reported', () => {
    const { doc, board } = rules();
    const id = propose(doc, board, 'Start on time');
    answer(doc, board, id, 'p1', 'agree');
    answer(doc, board, id, 'p2', 'reservations', 'Traffic in the mornings');
    const [p] = listProposals(doc, board, 'p2');
    expect(p).toMatchObject({ status: 'adopted', tally: { agree: 1, reservations: 1, object: 0 }, mine: 'reservations' });
    expect(p!.responses.map(({ participant, answer, reason }) => ({ participant, answer, reason }))).toEqual([
      { participant: 'p1', answer: 'agree', reason: '' },
      { participant: 'p2', answer: 'reservations', reason: 'Traffic in the mornings' },
    ]);
    expect(adoptedRules(doc, board)).toEqual([{ id, text: 'Start on time', reservations: 1 }]);
  });

  it('needs discussion as soon as one person objects, and is adopted again when they change their answer', () => {
    const { doc, board } = rules();
    const id = propose(doc, board, 'Decisions by majority vote');
    answer(doc, board, id, 'p1', 'agree');
    answer(doc, board, id, 'p2', 'object', 'Consensus, not votes');
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'needs-discussion', tally: { agree: 1, reservations: 0, object: 1 } });
    expect(adoptedRules(doc, board)).toEqual([]);
    answer(doc, board, id, 'p2', 'agree');
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'adopted', tally: { agree: 2, reservations: 0, object: 0 } });
  });

  it('withdrawing the only answer makes the proposal open again', () => {
    const { doc, board } = rules();
    const id = propose(doc, board, 'x');
    answer(doc, board, id, 'p1', 'agree');
    const { updates, origins } = recordWrites(doc, () => answer(doc, board, id, 'p1', null));
    expect([updates, origins]).toEqual([1, ['p1']]);
    expect(listProposals(doc, board, 'p1')[0]).toMatchObject({ status: 'open', mine: null, responses: [] });
  });

  it('lists adopted rules in board order', () => {
    const { doc, board } = rules();
    const [a, b, c] = ['a', 'b', 'c'].map((t) => propose(doc, board, t));
    for (const id of [a!, b!, c!]) answer(doc, board, id, 'p1', 'agree');
    answer(doc, board, b!, 'p2', 'object');
    unwrap(moveProposal(doc, board, c!, 0, 'me'));
    expect(adoptedRules(doc, board).map((r) => r.text)).toEqual(['c', 'a']);
    expect(adoptedRules(doc, 'nope')).toEqual([]);
  });

  it.each([
    ['an unknown answer', 'p1', { answer: 'maybe' }, 'bad-answer'],
    ['no participant', '', { answer: 'agree' }, 'no-id'],
    ['too long a reason', 'p1', { answer: 'object', reason: 'x'.repeat(301) }, 'too-long'],
  ])('rejects %s', (_what, who, response, error) => {
    const { doc, board } = rules();
    const id = propose(doc, board, 'x');
    const { result, updates } = recordWrites(doc, () => respond(doc, board, id, who, response, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('reports an unknown proposal or board', () => {
    const { doc, board } = rules();
    expect(respond(doc, board, 'nope', 'p1', { answer: 'agree' }, 'me')).toMatchObject({ ok: false, error: 'no-proposal' });
    expect(respond(doc, 'nope', 'nope', 'p1', { answer: 'agree' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });
});

describe('consent of every stakeholder group present', () => {
  /** A workshop whose participants p1, p2 (Government) and p3 (Development Partners) have joined. */
  function twoGroups() {
    const { doc, board } = rules();
    const gov = unwrap(addGroup(doc, 'Government', 'setup'));
    const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
    for (const [id, group] of [['p1', gov], ['p2', gov], ['p3', dp]] as const) {
      unwrap(upsertParticipant(doc, { id, name: id, group, color: '#000000' }, 'setup'));
    }
    return { doc, board, gov, dp };
  }

  it('one Agree does not adopt a rule: it waits for the other group, then is adopted', () => {
    const { doc, board, gov, dp } = twoGroups();
    const id = propose(doc, board, 'Start on time');
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'open', waitingFor: [dp, gov] });
    unwrap(respond(doc, board, id, 'p1', { answer: 'agree', group: gov }, 'p1'));
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'open', waitingFor: [dp] });
    expect(adoptedRules(doc, board)).toEqual([]);
    unwrap(respond(doc, board, id, 'p3', { answer: 'reservations', reason: 'Traffic', group: dp }, 'p3'));
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'adopted', waitingFor: [] });
    expect(adoptedRules(doc, board)).toEqual([{ id, text: 'Start on time', reservations: 1 }]);
  });

  it('an answer given without a group counts for the group its participant joined with', () => {
    const { doc, board, gov } = twoGroups();
    const id = propose(doc, board, 'Phones on silent');
    answer(doc, board, id, 'p3', 'agree');
    expect(listProposals(doc, board)[0]).toMatchObject({ status: 'open', waitingFor: [gov] });
  });
});

describe('concurrent changes', () => {
  it('two people answering the same proposal at once both count', () => {
    const { doc: a, board } = rules();
    const id = propose(a, board, 'Respect speaking time');
    const b = joinDevice(a);
    answer(a, board, id, 'p1', 'agree');
    answer(b, board, id, 'p2', 'object', 'Needs a timekeeper');
    exchange(a, b);
    expect(listProposals(a, board)).toEqual(listProposals(b, board));
    expect(listProposals(a, board)[0]).toMatchObject({ status: 'needs-discussion', tally: { agree: 1, reservations: 0, object: 1 } });
  });

  it('an answer racing an edit of the wording keeps both', () => {
    const { doc: a, board } = rules();
    const id = propose(a, board, 'Respect time');
    const b = joinDevice(a);
    unwrap(editProposal(a, board, id, 'Respect speaking time', 'a'));
    answer(b, board, id, 'p2', 'agree');
    exchange(a, b);
    expect(listProposals(b, board)[0]).toMatchObject({ text: 'Respect speaking time', status: 'adopted' });
  });
});
