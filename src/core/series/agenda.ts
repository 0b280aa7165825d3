import * as Y from 'yjs';
import { createBoard, listBoards, type BoardError } from '../boards';
import { addStep, listSteps, moveStep, type AgendaError } from '../facilitation/agenda';
import { facilitatorId } from '../facilitation/keys';
import { isFacilitator } from '../facilitation/roles';
import type { Signer } from '../facilitation/controls';
import { err, ok, type Result } from '../result';
import { parkedOf } from './doc';
import { scheduleParked, type OutcomeError } from './outcomes';

/* What a series puts on a meeting's agenda: the *Since last time* step that opens it, and parked
 * items taken up again. Both are ordinary signed steps, so starting one brings every phone to
 * its board like any other step. */

/** How long these steps are planned for; the facilitator can change it like any step's. */
export const SERIES_STEP_MINUTES = 15;

/** Opens a meeting after the first with a *Since last time* step: a board of that kind (it shows
 *  the series' open actions, parked items and decisions) as the agenda's first step. A meeting
 *  copied from one that had it keeps its own and gets no second. Returns the board's id. */
export function addSinceStep(
  doc: Y.Doc, signer: Signer, words: { title: string; titleKm?: string }, origin: unknown,
): Result<string, AgendaError | BoardError> {
  const existing = listBoards(doc).find((b) => b.type === 'since');
  if (existing && listSteps(doc, signer.root).some((s) => s.boardId === existing.id)) return ok(existing.id);
  const board = existing ? ok(existing.id) : createBoard(doc, { type: 'since', ...words }, origin);
  if (!board.ok) return board;
  const step = addStep(doc, signer, { boardId: board.value, minutes: SERIES_STEP_MINUTES }, origin);
  if (!step.ok) return step;
  const moved = moveStep(doc, signer, step.value, 0, origin);
  return moved.ok ? board : moved;
}

/** Takes a parked item up on this meeting's agenda: a notes board named after it, a timed step
 *  on it at the agenda's end, and, in the series, where it went (what the series report says
 *  became of it). Nothing is written unless the item is there and the signer facilitates.
 *  Returns the board's id. */
export function scheduleOnAgenda(
  meeting: { id: string; doc: Y.Doc; signer: Signer; origin: unknown },
  series: { doc: Y.Doc; origin: unknown },
  parkedId: string,
): Result<string, AgendaError | BoardError | OutcomeError> {
  const parked = parkedOf(series.doc).get(parkedId);
  if (!(parked instanceof Y.Map)) return err('no-parked', parkedId);
  if (!isFacilitator(meeting.doc, meeting.signer.root, { key: facilitatorId(meeting.signer.keys) })) return err('not-facilitator');
  const title = [...String(parked.get('text') ?? '').trim()].slice(0, 120).join('');
  const board = createBoard(meeting.doc, { type: 'notes', title }, meeting.origin);
  if (!board.ok) return board;
  const step = addStep(meeting.doc, meeting.signer, { boardId: board.value, minutes: SERIES_STEP_MINUTES }, meeting.origin);
  if (!step.ok) return step;
  const scheduled = scheduleParked(series.doc, parkedId, { meeting: meeting.id, board: board.value }, series.origin);
  return scheduled.ok ? board : scheduled;
}
