import { describe, expect, it } from 'vitest';
import { deleteItem } from '../../../../src/core/items';
import { upsertParticipant } from '../../../../src/core/participants';
import { controlsOf } from '../../../../src/core/facilitation/controls';
import { signRecord } from '../../../../src/core/facilitation/signature';
import {
  castDot, closeVote, myDots, openVote, removeDot, voteOf, voteResults, votesOf,
} from '../../../../src/core/facilitation/votes';
import { addItems, exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

const people = [
  { id: 'g1', name: 'Gov One', group: 'gov', color: '#111111' },
  { id: 'g2', name: 'Gov Two', group: 'gov', color: '#222222' },
  { id: 'd1', name: 'DP One', group: 'dp', color: '#333333' },
];

/** A board with three notes, three voters in two groups, and a vote of 3 dots each. */
function voting() {
  const room = facilitated();
  const notes = addItems(room.doc, room.board, ['Data', 'Funding', 'Trust']);
  for (const p of people) unwrap(upsertParticipant(room.doc, p, 'setup'));
  const round = unwrap(openVote(room.doc, room.creator, room.board, 3, 'ana'));
  return { ...room, notes, round };
}

describe('dot voting', () => {
  it('opens with N dots each; each participant casts and takes back their own', () => {
    const { doc, root, board, notes: [a, b] } = voting();
    expect(voteOf(doc, root, board)).toMatchObject({ dots: 3, open: true });
    const { updates, origins } = recordWrites(doc, () => unwrap(castDot(doc, root, board, 'g1', a!, 'g1')));
    expect([updates, origins]).toEqual([1, ['g1']]);
    unwrap(castDot(doc, root, board, 'g1', a!, 'g1'));
    unwrap(castDot(doc, root, board, 'g1', b!, 'g1'));
    expect(myDots(doc, root, board, 'g1')).toEqual({ left: 0, byNote: { [a!]: 2, [b!]: 1 } });
    expect(castDot(doc, root, board, 'g1', b!, 'g1')).toEqual({ ok: false, error: 'no-dots-left' });
    unwrap(removeDot(doc, root, board, 'g1', a!, 'g1'));
    unwrap(removeDot(doc, root, board, 'g1', b!, 'g1'));
    expect(myDots(doc, root, board, 'g1')).toEqual({ left: 2, byNote: { [a!]: 1 } });
    expect(removeDot(doc, root, board, 'g1', b!, 'g1')).toEqual({ ok: false, error: 'no-dot', detail: b });
  });

  it('keeps every participant\'s dots when they vote at once on different devices', () => {
    const { doc, root, board, notes: [a] } = voting();
    const phone = joinDevice(doc);
    unwrap(castDot(doc, root, board, 'g1', a!, 'g1'));
    unwrap(castDot(phone, root, board, 'd1', a!, 'd1'));
    exchange(doc, phone);
    expect(voteResults(doc, root, board)!.notes[0]).toMatchObject({ noteId: a, total: 2 });
    expect(voteResults(doc, root, board)).toEqual(voteResults(phone, root, board));
  });

  it('counts per note and per stakeholder group, showing where groups differ', () => {
    const { doc, root, board, notes: [a, b, c] } = voting();
    for (const [who, note] of [['g1', a], ['g1', a], ['g1', b], ['g2', a], ['g2', a], ['g2', a], ['d1', c], ['d1', c], ['d1', b]] as const) {
      unwrap(castDot(doc, root, board, who, note!, who));
    }
    const results = voteResults(doc, root, board)!;
    expect(results).toMatchObject({ dots: 3, open: true, voters: 3 });
    expect(results.groups).toEqual([{ group: 'dp', voters: 1, dots: 3 }, { group: 'gov', voters: 2, dots: 6 }]);
    expect(results.notes).toEqual([
      { noteId: a, total: 5, byGroup: { gov: 5 }, divergence: 5 / 6 },
      { noteId: c, total: 2, byGroup: { dp: 2 }, divergence: 2 / 3 },
      { noteId: b, total: 2, byGroup: { gov: 1, dp: 1 }, divergence: 1 / 3 - 1 / 6 },
    ].sort((x, y) => y.total - x.total || x.noteId!.localeCompare(y.noteId!)));
  });

  it('clamps a ballot a modified client wrote beyond N dots, the same way on every device', () => {
    const { doc, root, board, round, notes: [a, b, c] } = voting();
    votesOf(doc).set(`${round}|d1`, { [a!]: 50, [b!]: 2, [c!]: -4, nowhere: 9 });
    votesOf(doc).set(`${round}|g1`, { [b!]: 1.5, [c!]: 'x' });
    const phone = joinDevice(doc);
    const results = voteResults(phone, root, board)!;
    expect(results.notes.reduce((s, n) => s + n.total, 0)).toBe(3);
    expect(results.voters).toBe(1);
    expect(voteResults(doc, root, board)).toEqual(results);
  });

  it('closing keeps the results and refuses more dots; a new round starts clean', () => {
    const { doc, root, board, creator, notes: [a] } = voting();
    unwrap(castDot(doc, root, board, 'g1', a!, 'g1'));
    unwrap(closeVote(doc, creator, board, 'ana'));
    expect(castDot(doc, root, board, 'g1', a!, 'g1')).toEqual({ ok: false, error: 'vote-closed', detail: board });
    expect(voteResults(doc, root, board)).toMatchObject({ open: false, voters: 1 });
    unwrap(openVote(doc, creator, board, 2, 'ana'));
    expect(voteResults(doc, root, board)).toMatchObject({ open: true, dots: 2, voters: 0 });
  });

  it('ignores dots on deleted notes, and frees them for the voter', () => {
    const { doc, root, board, notes: [a, b] } = voting();
    unwrap(castDot(doc, root, board, 'g1', a!, 'g1'));
    deleteItem(doc, board, a!, 'ana');
    expect(myDots(doc, root, board, 'g1')).toEqual({ left: 3, byNote: {} });
    expect(castDot(doc, root, board, 'g1', a!, 'g1')).toEqual({ ok: false, error: 'no-item', detail: a });
    unwrap(castDot(doc, root, board, 'g1', b!, 'g1'));
    expect(voteResults(doc, root, board)!.notes.map((n) => n.total)).toEqual([1, 0]);
  });

  it('counts nothing until a facilitator validly opens a vote', () => {
    const { doc, board, root } = facilitated();
    const [a] = addItems(doc, board, ['Data']);
    expect(castDot(doc, root, board, 'g1', a!, 'g1')).toEqual({ ok: false, error: 'no-vote', detail: board });
    const participant = otherSigner(root);
    expect(openVote(doc, participant, board, 3, 'x')).toMatchObject({ error: 'not-facilitator' });
    const forged = signRecord(root, participant.keys.signing.secret,
      { kind: 'vote', target: board, value: { round: 'r', dots: 20, open: true }, seq: 7, signer: participant.keys.signing.public });
    controlsOf(doc).set('vote|x|y', forged);
    votesOf(doc).set('r|g1', { [a!]: 20 });
    expect(voteResults(doc, root, board)).toBeUndefined();
    expect(castDot(doc, root, board, 'g1', a!, 'g1')).toMatchObject({ error: 'no-vote' });
  });

  it('refuses bad dot counts, a missing board and closing what was never opened', () => {
    const { doc, board, creator } = facilitated();
    for (const dots of [0, 21, 2.5]) expect(openVote(doc, creator, board, dots, 'a')).toMatchObject({ error: 'bad-dots' });
    expect(openVote(doc, creator, 'nope', 3, 'a')).toMatchObject({ error: 'no-board' });
    expect(closeVote(doc, creator, board, 'a')).toMatchObject({ error: 'no-vote' });
  });
});
