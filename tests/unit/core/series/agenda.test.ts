import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBoard, listBoards } from '../../../../src/core/boards';
import { addStep, copyAgenda, listSteps, startStep } from '../../../../src/core/facilitation/agenda';
import { followTarget } from '../../../../src/core/facilitation/follow';
import { addSinceStep, scheduleOnAgenda, SERIES_STEP_MINUTES } from '../../../../src/core/series/agenda';
import { listParked, park } from '../../../../src/core/series/outcomes';
import { copyAsTemplate } from '../../../../src/core/template';
import { facilitatorId, newFacilitatorKeys } from '../../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import { unwrap } from '../helpers';
import { facilitated, otherSigner } from '../facilitation/setup';

const WORDS = { title: 'Since last time', titleKm: 'តាំងពីលើកមុន' };

describe('the Since last time step', () => {
  it('opens the agenda of a meeting after the first, on a board of its own kind, and brings everyone there', () => {
    const { doc, root, creator, board } = facilitated();
    unwrap(addStep(doc, creator, { boardId: board, minutes: 30 }, 'ana'));
    const since = unwrap(addSinceStep(doc, creator, WORDS, 'series'));
    expect(getBoard(doc, since)).toMatchObject({ type: 'since', title: 'Since last time', titleKm: 'តាំងពីលើកមុន' });
    const steps = listSteps(doc, root);
    expect(steps.map((s) => [s.boardId, s.minutes])).toEqual([[since, SERIES_STEP_MINUTES], [board, 30]]);
    unwrap(startStep(doc, creator, steps[0]!.id, 1_000, 'ana'));
    expect(followTarget(doc, root)?.boardId).toBe(since);
  });

  it('is made once: a meeting copied from one that had it keeps that one step', () => {
    const { doc, root, creator } = facilitated();
    const since = unwrap(addSinceStep(doc, creator, WORDS, 'series'));
    expect(unwrap(addSinceStep(doc, creator, WORDS, 'series'))).toBe(since);
    // Meeting 3 is made from meeting 2 as a template: the board and its step come along.
    const keys = newFacilitatorKeys();
    const next = { root: facilitatorId(keys), keys };
    const copy = new Y.Doc();
    const boards = unwrap(copyAsTemplate(doc, copy, { title: 'Meeting 3', createdBy: 'p1' }, 'template'));
    unwrap(grantFacilitator(copy, next, next.root, { participantId: 'p1', name: 'Ana' }, 'setup'));
    unwrap(copyAgenda(doc, root, copy, next, boards, 'template'));
    const copied = unwrap(addSinceStep(copy, next, WORDS, 'series'));
    expect(listBoards(copy).filter((b) => b.type === 'since').map((b) => b.id)).toEqual([copied]);
    expect(listSteps(copy, next.root).map((s) => s.boardId)).toEqual([copied]);
  });
});

describe('a parked item put on this agenda', () => {
  function meetingAndSeries() {
    const meeting = facilitated();
    const series = new Y.Doc();
    const parked = unwrap(park(series, { text: 'Pooled funding for surveys', source: null, meeting: 'm1', by: 'p1' }, 'me'));
    return { meeting, series, parked };
  }

  it('becomes a timed step at the agenda’s end on a board named after it, and the series records where', () => {
    const { meeting, series, parked } = meetingAndSeries();
    unwrap(addStep(meeting.doc, meeting.creator, { boardId: meeting.board, minutes: 20 }, 'ana'));
    const board = unwrap(scheduleOnAgenda({ id: 'm2', doc: meeting.doc, signer: meeting.creator, origin: 'ana' }, { doc: series, origin: 'me' }, parked));
    expect(getBoard(meeting.doc, board)).toMatchObject({ type: 'notes', title: 'Pooled funding for surveys' });
    expect(listSteps(meeting.doc, meeting.root).map((s) => [s.boardId, s.minutes])).toEqual([[meeting.board, 20], [board, SERIES_STEP_MINUTES]]);
    expect(listParked(series)[0]!.scheduled).toEqual({ meeting: 'm2', board });
  });

  it('is refused, writing nothing, to a device that does not facilitate or for an item no longer there', () => {
    const { meeting, series, parked } = meetingAndSeries();
    const before = listBoards(meeting.doc).length;
    const stranger = otherSigner(meeting.root);
    expect(scheduleOnAgenda({ id: 'm2', doc: meeting.doc, signer: stranger, origin: 'x' }, { doc: series, origin: 'x' }, parked))
      .toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(scheduleOnAgenda({ id: 'm2', doc: meeting.doc, signer: meeting.creator, origin: 'x' }, { doc: series, origin: 'x' }, 'gone'))
      .toMatchObject({ ok: false, error: 'no-parked' });
    expect(listBoards(meeting.doc)).toHaveLength(before);
    expect(listSteps(meeting.doc, meeting.root)).toEqual([]);
    expect(listParked(series)[0]!.scheduled).toBeNull();
  });
});
