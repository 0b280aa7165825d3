import type * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { winner, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';

/* The shared timer is signed in the signer's own clock: { running, remainingMs, startedAt }.
 * Each device converts with its offset to that clock (clock.ts), so devices whose clocks
 * disagree by minutes still show the same time left. */

export interface Timer {
  running: boolean;
  /** Time left at `startedAt` (when running) or now (when paused). */
  remainingMs: number;
  /** When the signer set it running, in the signer's clock. */
  startedAt: number;
  /** The Ed25519 key of the facilitator whose clock `startedAt` is in. */
  clock: string;
}

/** This device's clock now, and its offset to each facilitator's clock (their clock minus
 *  this one, from `estimateOffset`); a facilitator's own clock has no entry (offset 0). */
export interface LocalClock {
  now: number;
  offsets: ReadonlyMap<string, number>;
}

export type TimerError = ControlError | 'no-timer' | 'bad-duration';

/** A day: longer is a typo, and keeps arithmetic far from unsafe integers. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

function parseTimer(value: Json): Omit<Timer, 'clock'> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { running, remainingMs, startedAt } = value;
  if (typeof running !== 'boolean' || typeof remainingMs !== 'number' || typeof startedAt !== 'number') return undefined;
  return remainingMs >= 0 && remainingMs <= MAX_TIMER_MS ? { running, remainingMs, startedAt } : undefined;
}

/** The agenda's timer (`target` ''), or a breakout table's (its board id). */
export function timerOf(doc: Y.Doc, root: string, target = ''): Timer | undefined {
  const win = winner(doc, root, 'timer', target, parseTimer);
  return win && { ...win.value, clock: win.record.signer };
}

/** Time left as this device shows it, never below zero. */
export function timeLeft(timer: Timer, clock: LocalClock): number {
  if (!timer.running) return timer.remainingMs;
  const theirNow = clock.now + (clock.offsets.get(timer.clock) ?? 0);
  return Math.max(0, timer.remainingMs - (theirNow - timer.startedAt));
}

/** The record that sets the timer to `remainingMs`, in the signer's clock (`now`). */
export const timerChange = (remainingMs: number, running: boolean, now: number, target = ''): Change =>
  ({ kind: 'timer', target, value: { running, remainingMs, startedAt: now } });

const checkDuration = (ms: number): Result<number, 'bad-duration'> =>
  Number.isInteger(ms) && ms >= 0 && ms <= MAX_TIMER_MS ? ok(ms) : err('bad-duration', String(ms));

/** Sets the timer to `ms`, running or paused. */
export function setTimer(doc: Y.Doc, signer: Signer, ms: number, running: boolean, now: number, origin: unknown): Result<void, TimerError> {
  const duration = checkDuration(ms);
  if (!duration.ok) return duration;
  return writeChanges(doc, signer, [timerChange(duration.value, running, now)], origin);
}

/** Rewrites the current timer in this signer's clock: any facilitator can pause or extend a
 *  timer another one started, converting through its offset to the other's clock. */
function rewrite(doc: Y.Doc, signer: Signer, clock: LocalClock, origin: unknown, target: string, next: (left: number, timer: Timer) => [number, boolean]): Result<void, TimerError> {
  const timer = timerOf(doc, signer.root, target);
  if (!timer) return err('no-timer');
  const [left, running] = next(timeLeft(timer, clock), timer);
  return writeChanges(doc, signer, [timerChange(Math.min(left, MAX_TIMER_MS), running, clock.now, target)], origin);
}

export const startTimer = (doc: Y.Doc, signer: Signer, clock: LocalClock, origin: unknown, target = '') =>
  rewrite(doc, signer, clock, origin, target, (left) => [left, true]);

export const pauseTimer = (doc: Y.Doc, signer: Signer, clock: LocalClock, origin: unknown, target = '') =>
  rewrite(doc, signer, clock, origin, target, (left) => [left, false]);

/** "Add a minute": running or paused, the timer keeps its state with `ms` more. */
export function addTime(doc: Y.Doc, signer: Signer, ms: number, clock: LocalClock, origin: unknown, target = ''): Result<void, TimerError> {
  const extra = checkDuration(ms);
  if (!extra.ok) return extra;
  return rewrite(doc, signer, clock, origin, target, (left, timer) => [left + extra.value, timer.running]);
}
