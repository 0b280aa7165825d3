import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ClockSync } from '../../../src/app/clock-sync.svelte';
import type { Signer } from '../../../src/core/facilitation/controls';
import { setTimer, timeLeft, timerOf } from '../../../src/core/facilitation/timer';
import { exchange, joinDevice, unwrap } from '../core/helpers';
import { facilitated, otherSigner } from '../core/facilitation/setup';

const MIN = 60_000;
const BEACON_EVERY_MS = 3_000;

/* Every device in this test shares one process clock, faked: each device's turn sets it to that
 * device's own reading of the true time, `trueTime + skew`. */

/** One device of the workshop: its document, its presence and its ClockSync, as `Facilitation`
 *  makes them (the signer is there while the device facilitates). */
class Device {
  readonly awareness: Awareness;
  readonly sync: ClockSync;

  constructor(readonly doc: Y.Doc, readonly root: string, readonly skew: number, trueTime: number, signer: () => Signer | null) {
    this.awareness = new Awareness(doc);
    this.at(trueTime);
    this.sync = new ClockSync(doc, root, this.awareness, signer);
  }

  at(trueTime: number): void {
    vi.setSystemTime(trueTime + this.skew);
  }

  /** Receives `from`'s presence at true time `trueTime`, as the relay delivers it. */
  hear(from: Device, trueTime: number): void {
    const update = encodeAwarenessUpdate(from.awareness, [from.awareness.clientID]);
    this.at(trueTime);
    applyAwarenessUpdate(this.awareness, update, 'relay');
  }

  /** The shared timer as this device shows it at true time `trueTime`. */
  timeLeft(trueTime: number): number {
    this.at(trueTime);
    return timeLeft(timerOf(this.doc, this.root)!, { now: Date.now(), offsets: this.sync.offsets });
  }

  destroy(): void {
    this.sync.destroy();
    this.awareness.destroy();
  }
}

const devices: Device[] = [];
const device = (...args: ConstructorParameters<typeof Device>) => {
  const d = new Device(...args);
  devices.push(d);
  return d;
};

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => {
  devices.splice(0).forEach((d) => d.destroy());
  vi.useRealTimers();
});

/** The facilitator's device beacons every 3 s for `rounds` rounds; each phone hears each beacon
 *  after its own delay (5 ms to 0.6 s). Returns the true time after the last round. */
function beaconRounds(laptop: Device, phones: Device[], start: number, rounds: number): number {
  let t = start;
  for (let round = 0; round < rounds; round++) {
    laptop.at(t);
    vi.advanceTimersByTime(BEACON_EVERY_MS);
    t += BEACON_EVERY_MS;
    phones.forEach((phone, i) => phone.hear(laptop, t + 5 + ((round * 211 + i * 97) % 600)));
  }
  return t;
}

describe('ClockSync', () => {
  it('lets phones whose clocks are minutes off show the timer the facilitator shows', () => {
    const { doc, root, creator } = facilitated();
    let t = 1_700_000_000_000;
    const laptop = device(doc, root, 0, t, () => creator);
    const ahead = device(joinDevice(doc), root, 7 * MIN, t, () => null);
    const behind = device(joinDevice(doc), root, -4 * MIN - 1_234, t, () => null);
    const phones = [ahead, behind];

    t = beaconRounds(laptop, phones, t, 6);
    for (const phone of phones) {
      // Their clock minus ours: the true offset is minus the skew, short by the fastest delivery.
      const offset = phone.sync.offsets.get(creator.keys.signing.public)!;
      expect(Math.abs(offset + phone.skew)).toBeLessThan(1_000);
    }

    laptop.at(t);
    unwrap(setTimer(doc, creator, 10 * MIN, true, Date.now(), 'laptop'));
    for (const phone of phones) exchange(doc, phone.doc);
    // Without the offsets the phones would be minutes apart: the skews are what is corrected.
    behind.at(t);
    expect(timeLeft(timerOf(behind.doc, root)!, { now: Date.now(), offsets: new Map() })).toBeGreaterThan(13 * MIN);

    for (const later of [90_000, 9 * MIN]) {
      const shown = laptop.timeLeft(t + later);
      expect(shown).toBe(10 * MIN - later);
      for (const phone of phones) expect(Math.abs(phone.timeLeft(t + later) - shown)).toBeLessThan(1_000);
    }
  });

  it('beacons every 3 s at first and when someone joins, otherwise once a minute', () => {
    const { doc, root, creator } = facilitated();
    const t = 1_700_000_000_000;
    const laptop = device(doc, root, 0, t, () => creator);
    const beaconAt = () => (laptop.awareness.getLocalState() as { beacon: { t: number } }).beacon.t;
    /** The beacons the laptop sends over the next `seconds`, in 3 s steps. */
    const beacons = (seconds: number) => {
      let count = 0;
      for (let s = 0; s < seconds; s += 3) {
        const before = beaconAt();
        vi.advanceTimersByTime(BEACON_EVERY_MS);
        if (beaconAt() !== before) count++;
      }
      return count;
    };
    expect(beacons(15)).toBe(5);
    expect(beacons(120)).toBe(2);
    const phone = device(joinDevice(doc), root, 0, Date.now(), () => null);
    phone.awareness.setLocalStateField('user', { name: 'Sokha' });
    laptop.hear(phone, Date.now());
    expect(beacons(15)).toBe(5);
    expect(beacons(60)).toBe(1);
  });

  it('takes beacons only from facilitators, and a participant’s device sends none', () => {
    const { doc, root, creator } = facilitated();
    let t = 1_700_000_000_000;
    let facilitating = true;
    const laptop = device(doc, root, 0, t, () => (facilitating ? creator : null));
    const stranger = device(joinDevice(doc), root, 0, t, () => otherSigner(root));
    const phone = device(joinDevice(doc), root, 3 * MIN, t, () => null);

    t = beaconRounds(stranger, [phone], t, 2);
    expect(phone.sync.offsets.size).toBe(0);
    expect(phone.awareness.getLocalState()).not.toHaveProperty('beacon');

    // The first presence heard of a device may be old: its beacon is not taken, the next one is.
    t = beaconRounds(laptop, [phone], t, 1);
    expect(phone.sync.offsets.size).toBe(0);
    t = beaconRounds(laptop, [phone], t, 1);
    expect([...phone.sync.offsets.keys()]).toEqual([creator.keys.signing.public]);

    // A device that stops facilitating takes its beacon out of its presence.
    facilitating = false;
    beaconRounds(laptop, [phone], t, 1);
    expect(laptop.awareness.getLocalState()).toHaveProperty('beacon', null);
  });
});
