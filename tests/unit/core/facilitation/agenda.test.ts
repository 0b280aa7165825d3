import { describe, expect, it } from 'vitest';
import { deleteBoard } from '../../../../src/core/boards';
import {
  addStep, advanceStep, copyAgenda, currentStep, listSteps, moveStep, removeStep, startStep, updateStep,
} from '../../../../src/core/facilitation/agenda';
import { followTarget } from '../../../../src/core/facilitation/follow';
import { writeChanges } from '../../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../../src/core/facilitation/keys';
import { copyAsTemplate } from '../../../../src/core/template';
import * as Y from 'yjs';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import { timerOf } from '../../../../src/core/facilitation/timer';
import { addBoard, exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

/** A workshop with two boards and an agenda of three steps. */
function agenda() {
  const room = facilitated();
  const second = addBoard(room.doc, 'SWOT');
  const ids = [
    unwrap(addStep(room.doc, room.creator, { boardId: room.board, title: 'Welcome', minutes: 10 }, 'ana')),
    unwrap(addStep(room.doc, room.creator, { boardId: second, minutes: 25 }, 'ana')),
    unwrap(addStep(room.doc, room.creator, { boardId: room.board, title: 'Wrap-up', minutes: 5 }, 'ana')),
  ];
  return { ...room, second, ids };
}

const titles = (steps: { title: string }[]) => steps.map((s) => s.title);

describe('agenda steps', () => {
  it('are listed in the order added, with their board and timebox', () => {
    const { doc, root, board, second, ids } = agenda();
    expect(listSteps(doc, root)).toMatchObject([
      { id: ids[0], boardId: board, title: 'Welcome', minutes: 10 },
      { id: ids[1], boardId: second, title: '', minutes: 25 },
      { id: ids[2], boardId: board, title: 'Wrap-up', minutes: 5 },
    ]);
  });

  it('can be changed, moved and removed', () => {
    const { doc, root, creator, second, ids } = agenda();
    unwrap(updateStep(doc, creator, ids[0]!, { minutes: 15, boardId: second }, 'ana'));
    expect(listSteps(doc, root)[0]).toMatchObject({ minutes: 15, boardId: second, title: 'Welcome' });
    unwrap(moveStep(doc, creator, ids[2]!, 0, 'ana'));
    expect(titles(listSteps(doc, root))).toEqual(['Wrap-up', 'Welcome', '']);
    unwrap(moveStep(doc, creator, ids[2]!, 2, 'ana'));
    expect(titles(listSteps(doc, root))).toEqual(['Welcome', '', 'Wrap-up']);
    unwrap(removeStep(doc, creator, ids[1]!, 'ana'));
    expect(titles(listSteps(doc, root))).toEqual(['Welcome', 'Wrap-up']);
  });

  it('signed by version 1 with numeric orders keep that order, and a move rewrites only the moved step', () => {
    const { doc, root, creator, board } = facilitated();
    const v1Step = (target: string, title: string, order: number) => ({ kind: 'step', target, value: { boardId: board, title, minutes: 5, order } });
    unwrap(writeChanges(doc, creator, [v1Step('s1', 'One', 2), v1Step('s2', 'Two', 1), v1Step('s3', 'Three', 3)], 'v1'));
    expect(titles(listSteps(doc, root))).toEqual(['Two', 'One', 'Three']);
    const before = listSteps(doc, root);
    unwrap(moveStep(doc, creator, 's3', 1, 'ana'));
    const after = listSteps(doc, root);
    expect(titles(after)).toEqual(['Two', 'Three', 'One']);
    expect(after.filter((s) => s.id !== 's3')).toEqual(before.filter((s) => s.id !== 's3'));
  });

  it('refuse what does not fit', () => {
    const { doc, creator, board, ids } = agenda();
    expect(addStep(doc, creator, { boardId: 'nope', minutes: 5 }, 'a')).toMatchObject({ error: 'no-board' });
    for (const minutes of [0, 1.5, 481]) expect(addStep(doc, creator, { boardId: board, minutes }, 'a')).toMatchObject({ error: 'bad-timebox' });
    expect(addStep(doc, creator, { boardId: board, minutes: 5, title: 'x'.repeat(121) }, 'a')).toMatchObject({ error: 'too-long' });
    expect(updateStep(doc, creator, 'nope', { minutes: 5 }, 'a')).toMatchObject({ error: 'no-step' });
    expect(moveStep(doc, creator, ids[0]!, 3, 'a')).toMatchObject({ error: 'bad-index' });
    expect(removeStep(doc, creator, 'nope', 'a')).toMatchObject({ error: 'no-step' });
    expect(addStep(doc, otherSigner(creator.root), { boardId: board, minutes: 5 }, 'a')).toMatchObject({ error: 'not-facilitator' });
  });

  it('leave out a step whose board was deleted', () => {
    const { doc, root, second } = agenda();
    deleteBoard(doc, second, 'ana');
    expect(titles(listSteps(doc, root))).toEqual(['Welcome', 'Wrap-up']);
  });

  it('added by two facilitators at once are both kept', () => {
    const { doc, root, creator, board } = agenda();
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'ana'));
    const other = joinDevice(doc);
    unwrap(addStep(doc, creator, { boardId: board, title: 'A', minutes: 5 }, 'ana'));
    unwrap(addStep(other, co, { boardId: board, title: 'B', minutes: 5 }, 'bo'));
    exchange(doc, other);
    expect(listSteps(doc, root)).toEqual(listSteps(other, root));
    expect(titles(listSteps(doc, root)).slice(3).sort()).toEqual(['A', 'B']);
  });
});

describe('running the agenda', () => {
  it('starting a step makes it current, runs its timebox and brings everyone to its board, in one transaction', () => {
    const { doc, root, creator, second, ids } = agenda();
    const phone = joinDevice(doc);
    expect(currentStep(phone, root)).toBeUndefined();
    const { updates } = recordWrites(doc, () => unwrap(startStep(doc, creator, ids[1]!, 5_000, 'ana')));
    expect(updates).toBe(1);
    exchange(doc, phone);
    expect(currentStep(phone, root)).toMatchObject({ id: ids[1], boardId: second });
    expect(timerOf(phone, root)).toMatchObject({ running: true, remainingMs: 25 * 60_000, startedAt: 5_000 });
    expect(followTarget(phone, root)?.boardId).toBe(second);
  });

  it('advances from the first step to the last, then says so', () => {
    const { doc, root, creator, ids } = agenda();
    expect(advanceStep(doc, creator, 0, 'ana')).toEqual({ ok: true, value: ids[0] });
    expect(advanceStep(doc, creator, 0, 'ana')).toEqual({ ok: true, value: ids[1] });
    expect(advanceStep(doc, creator, 0, 'ana')).toEqual({ ok: true, value: ids[2] });
    expect(advanceStep(doc, creator, 0, 'ana')).toEqual({ ok: false, error: 'last-step' });
    expect(currentStep(doc, root)?.id).toBe(ids[2]);
    expect(startStep(doc, creator, 'nope', 0, 'ana')).toMatchObject({ error: 'no-step' });
  });
});

describe('copyAgenda', () => {
  it('gives a template the same steps on the copies of their boards, signed by the new creator', () => {
    const { doc, root, board, second } = agenda();
    const target = new Y.Doc();
    const boards = unwrap(copyAsTemplate(doc, target, { title: 'Next retreat', createdBy: 'p9' }, 'copy'));
    const keys = newFacilitatorKeys();
    const newRoot = facilitatorId(keys);
    unwrap(copyAgenda(doc, root, target, { root: newRoot, keys }, boards, 'copy'));
    const strip = (steps: { boardId: string; title: string; minutes: number }[], map: (id: string) => string | undefined) =>
      steps.map((s) => ({ boardId: map(s.boardId), title: s.title, minutes: s.minutes }));
    expect(strip(listSteps(target, newRoot), (id) => id)).toEqual(strip(listSteps(doc, root), (id) => boards.get(id)));
    expect(listSteps(target, newRoot).map((s) => s.boardId)).toEqual([boards.get(board), boards.get(second), boards.get(board)]);
    // Under the source's root the copy has no agenda: its steps are signed by the new creator.
    expect(listSteps(target, root)).toEqual([]);
  });
});
