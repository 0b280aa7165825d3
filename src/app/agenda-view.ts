import type { Board } from '../core/boards';
import type { Step } from '../core/facilitation/agenda';

/* What the agenda's screens show, as plain functions: no facilitation values imported, so the
 * first load stays free of the cryptography. */

/** "9:58", or "1:02:03" from an hour on. Seconds round up: "0:00" appears only when the time is
 *  up, never a second early. */
export function formatDuration(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A step's name: its own title, or else its board's. */
export function stepTitle(step: Step, boards: readonly Pick<Board, 'id' | 'title'>[]): string {
  return step.title || (boards.find((b) => b.id === step.boardId)?.title ?? '');
}

/** The step "Next step" starts, as the core's `advanceStep` picks it: the one after the current,
 *  or the first before any has started. */
export function stepAfter(steps: readonly Step[], current: Step | undefined): Step | undefined {
  return steps[current ? steps.findIndex((s) => s.id === current.id) + 1 : 0];
}
