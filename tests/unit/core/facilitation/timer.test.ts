import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { beaconSample, clockBeacon, estimateOffset, type Beacon } from '../../../../src/core/facilitation/clock';
import type { Signer } from '../../../../src/core/facilitation/controls';
import { facilitatorId } from '../../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import {
  addTime, pauseTimer, setTimer, startTimer, timeLeft, timerOf, type LocalClock,
} from '../../../../src/core/facilitation/timer';
import { exchange, joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

const MIN = 60_000;

/** A device whose clock is `skew` ms off the true time, and what it has learnt of facilitators'
 *  clocks from their beacons. */
class Device {
  readonly samples = new Map<string, number[]>();
  constructor(readonly doc: Y.Doc, readonly skew: number) {}
  now(trueTime: number): number { return trueTime + this.skew; }
  receive(root: string, beacon: Beacon, trueArrival: number): void {
    const s = beaconSample(this.doc, root, beacon, this.now(trueArrival));
    if (s) this.samples.set(s.key, [...(this.samples.get(s.key) ?? []), s.sample]);
  }
  clock(trueTime: number): LocalClock {
    const offsets = new Map([...this.samples].map(([k, v]) => [k, estimateOffset(v)!]));
    return { now: this.now(trueTime), offsets };
  }
}

/** The facilitator's device sends a beacon every 2 s for 20 s; each arrives 5–400 ms later. */
function beacons(root: string, from: Signer, sender: Device, receivers: Device[], start: number): void {
  for (let t = start; t < start + 20_000; t += 2_000) {
    const beacon = clockBeacon(from, sender.now(t));
    receivers.forEach((d, i) => d.receive(root, beacon, t + 5 + ((i * 137 + t) % 400)));
  }
}

describe('the shared timer across skewed clocks', () => {
  it('shows the same time left on devices whose clocks are minutes apart', () => {
    const { doc, root, creator } = facilitated();
    const laptop = new Device(doc, 0);
    const phones = [new Device(joinDevice(doc), -3 * MIN), new Device(joinDevice(doc), 5 * MIN + 1234), new Device(joinDevice(doc), 47_000)];
    beacons(root, creator, laptop, phones, 1_000_000);
    let t = 1_030_000;
    unwrap(setTimer(doc, creator, 10 * MIN, true, laptop.now(t), 'ana'));
    phones.forEach((p) => exchange(doc, p.doc));
    const all = [laptop, ...phones];
    const expectAll = (trueTime: number, expected: number) => {
      for (const d of all) expect(Math.abs(timeLeft(timerOf(d.doc, root)!, d.clock(trueTime)) - expected)).toBeLessThan(500);
    };
    expectAll(t + 90_000, 10 * MIN - 90_000);

    t += 120_000;
    unwrap(pauseTimer(doc, creator, laptop.clock(t), 'ana'));
    phones.forEach((p) => exchange(doc, p.doc));
    expectAll(t + 3 * MIN, 8 * MIN);

    t += 5 * MIN;
    unwrap(addTime(doc, creator, MIN, laptop.clock(t), 'ana'));
    unwrap(startTimer(doc, creator, laptop.clock(t), 'ana'));
    phones.forEach((p) => exchange(doc, p.doc));
    expectAll(t + 30_000, 9 * MIN - 30_000);
    expectAll(t + 60 * MIN, 0);
  });

  it('stays right when a co-facilitator with another skewed clock pauses and extends it', () => {
    const { doc, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(doc, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'ana'));
    const laptop = new Device(doc, 0);
    const tablet = new Device(joinDevice(doc), -7 * MIN);
    const phone = new Device(joinDevice(doc), 2 * MIN);
    beacons(root, creator, laptop, [tablet, phone], 0);
    beacons(root, co, tablet, [laptop, phone], 0);
    const t = 30_000;
    unwrap(setTimer(doc, creator, 5 * MIN, true, laptop.now(t), 'ana'));
    exchange(doc, tablet.doc);
    // The co-facilitator adds a minute 1 min in, on a clock 7 min behind: 5 min left, running.
    unwrap(addTime(tablet.doc, co, MIN, tablet.clock(t + MIN), 'bo'));
    exchange(doc, tablet.doc);
    exchange(doc, phone.doc);
    for (const d of [laptop, tablet, phone]) {
      expect(timerOf(d.doc, root)!.clock).toBe(co.keys.signing.public);
      expect(Math.abs(timeLeft(timerOf(d.doc, root)!, d.clock(t + 2 * MIN)) - 4 * MIN)).toBeLessThan(500);
    }
  });

  it('never goes below zero and keeps a paused time whatever the clock says', () => {
    const { doc, root, creator } = facilitated();
    unwrap(setTimer(doc, creator, MIN, false, 0, 'ana'));
    const paused = timerOf(doc, root)!;
    expect(timeLeft(paused, { now: 10 ** 12, offsets: new Map() })).toBe(MIN);
    expect(timeLeft({ ...paused, running: true }, { now: 10 * MIN, offsets: new Map() })).toBe(0);
  });

  it('refuses bad durations, a missing timer, and participants', () => {
    const { doc, root, creator } = facilitated();
    const clock = { now: 0, offsets: new Map() };
    expect(setTimer(doc, creator, -1, true, 0, 'a')).toMatchObject({ ok: false, error: 'bad-duration' });
    expect(setTimer(doc, creator, 1.5, true, 0, 'a')).toMatchObject({ ok: false, error: 'bad-duration' });
    expect(addTime(doc, creator, 25 * 60 * MIN, clock, 'a')).toMatchObject({ ok: false, error: 'bad-duration' });
    expect(pauseTimer(doc, creator, clock, 'a')).toEqual({ ok: false, error: 'no-timer' });
    expect(setTimer(doc, otherSigner(root), MIN, true, 0, 'a')).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(timerOf(doc, root)).toBeUndefined();
  });
});

describe('clock beacons', () => {
  it('give the offset within the fastest delivery, ignoring late relays', () => {
    const { doc, root, creator } = facilitated();
    const skew = 4 * MIN;
    const samples = [300, 20, 5000, 80].map((delay) => beaconSample(doc, root, clockBeacon(creator, 1000), 1000 - skew + delay)!.sample);
    expect(estimateOffset(samples)).toBe(skew - 20);
    expect(estimateOffset([])).toBeUndefined();
  });

  it('are ignored unless a facilitator signed them for this workshop', () => {
    const { doc, root, creator } = facilitated();
    const participant = otherSigner(root);
    expect(beaconSample(doc, root, clockBeacon(participant, 5), 0)).toBeUndefined();
    const genuine = clockBeacon(creator, 5);
    expect(beaconSample(doc, root, { ...genuine, t: 6 }, 0)).toBeUndefined();
    expect(beaconSample(doc, root, clockBeacon({ ...creator, root: facilitatorId(participant.keys) }, 5), 0)).toBeUndefined();
    expect(beaconSample(doc, root, 'junk', 0)).toBeUndefined();
    expect(beaconSample(doc, root, genuine, 2)).toEqual({ key: creator.keys.signing.public, sample: 3 });
  });
});
