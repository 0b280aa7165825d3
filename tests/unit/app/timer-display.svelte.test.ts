// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Facilitation } from '../../../src/app/facilitation.svelte';
import { createBoard } from '../../../src/core/boards';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

/** A creator's device and a participant's, each with its copy of the workshop and its presence;
 *  the creator has started a ten-minute step. */
function room() {
  const doc = new Y.Doc();
  const board = createBoard(doc, { type: 'notes', title: 'Expectations' }, 'test');
  if (!board.ok) throw new Error(board.error);
  const creatorKeys = newFacilitatorKeys();
  const root = facilitatorId(creatorKeys);
  const darasPresence = new Awareness(doc);
  const dara = new Facilitation(doc, root, creatorKeys, darasPresence, 'test');
  expect(dara.addStep({ boardId: board.value, minutes: 10 })).toBeNull();
  expect(dara.nextStep()).toBeNull();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sokhaPresence = new Awareness(copy);
  const sokha = new Facilitation(copy, root, newFacilitatorKeys(), sokhaPresence, 'test');
  /** Delivers the creator's presence (with its clock beacon) to the participant. */
  const beacon = () => applyAwarenessUpdate(sokhaPresence, encodeAwarenessUpdate(darasPresence, [darasPresence.clientID]), 'relay');
  return { dara, sokha, beacon, destroy: () => { dara.destroy(); sokha.destroy(); } };
}

/** What each device's step bar would show, read inside an effect as a screen reads it. */
function watch(devices: Facilitation[]) {
  const shown: (number | undefined)[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      devices.forEach((d, i) => { shown[i] = d.timeLeft(d.state.current.timer!); });
    });
  });
  return { shown, stop };
}

describe('the timer on a device that has not heard the facilitator\'s clock yet', () => {
  it('shows no time until a fresh beacon, then the facilitator\'s', () => {
    const { dara, sokha, beacon, destroy } = room();
    const { shown, stop } = watch([dara, sokha]);
    flushSync();
    expect(shown[0]).toBe(10 * 60_000);
    expect(shown[1]).toBeUndefined();
    // The presence a device arrives with may be half a minute old: its beacon gives no time.
    beacon();
    vi.advanceTimersByTime(250);
    flushSync();
    expect(shown[1]).toBeUndefined();
    vi.advanceTimersByTime(3_000);
    beacon();
    vi.advanceTimersByTime(250);
    flushSync();
    expect(shown[1]).toBeGreaterThan(10 * 60_000 - 5_000);
    stop();
    destroy();
  });

  it('falls back to its own clock when no beacon comes (the facilitator has left)', () => {
    const { sokha, destroy } = room();
    const { shown, stop } = watch([sokha]);
    flushSync();
    expect(shown[0]).toBeUndefined();
    vi.advanceTimersByTime(6_500);
    flushSync();
    expect(shown[0]).toBeGreaterThan(9 * 60_000);
    expect(shown[0]).toBeLessThanOrEqual(10 * 60_000 - 6_000);
    stop();
    destroy();
  });
});
