import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { beaconSample, clockBeacon, estimateOffset } from '../core/facilitation/clock';
import type { Signer } from '../core/facilitation/controls';
import type { LocalClock } from '../core/facilitation/timer';

/** How often a facilitator's device tells the room its clock: every BEACON_EVERY_MS for
 *  BEACON_BURST beacons when it starts and when someone joins, so a new device's estimate settles
 *  at once; otherwise once in BEACON_QUIET_TICKS ticks (a minute, as presence renews itself). A
 *  beacon goes to every device in the room with the whole of the facilitator's presence: every
 *  3 s it was most of an idle phone's traffic. A sample counts for SAMPLE_WINDOW_MS: long enough
 *  to keep a fast delivery among the slow beacons, short enough to follow a clock the system
 *  corrects. */
const BEACON_EVERY_MS = 3_000;
const BEACON_BURST = 5;
const BEACON_QUIET_TICKS = 20;
const SAMPLE_WINDOW_MS = 180_000;
const TICK_MS = 250;
/** How long to wait for a facilitator's first beacon before trusting this device's own clock:
 *  two beacons' time. A facilitator who has left sends none. */
const FIRST_BEACON_GRACE_MS = 2 * BEACON_EVERY_MS;

/** This device's view of the facilitators' clocks: the shared timer is written in the clock of
 *  the facilitator who set it, and converted here, so phones whose clocks are minutes off still
 *  show the same time left. */
export class ClockSync {
  /** Offsets to each facilitator's clock (theirs minus ours), from their signed beacons. */
  offsets = $state<ReadonlyMap<string, number>>(new Map());
  #now = $state(Date.now());
  readonly #since = Date.now();
  readonly #samples = new Map<string, { at: number; sample: number }[]>();
  readonly #seen = new Map<number, number>();
  readonly #publisher: ReturnType<typeof setInterval>;
  readonly #tick = createSubscriber(() => {
    // Between reads nothing ticks: start from now, not from when the last reader left.
    this.#now = Date.now();
    const timer = setInterval(() => { this.#now = Date.now(); }, TICK_MS);
    return () => clearInterval(timer);
  });
  readonly #onChange = ({ added }: { added: number[] }) => {
    if (added.some((id) => id !== this.awareness.clientID)) this.#burst = BEACON_BURST;
    this.#collect(added);
  };
  #burst = BEACON_BURST;
  #quiet = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly root: string,
    private readonly awareness: Awareness,
    /** The signer while this device is a facilitator, else null. */
    signer: () => Signer | null,
  ) {
    awareness.on('change', this.#onChange);
    const publish = () => {
      const me = signer();
      const current = (awareness.getLocalState() as { beacon?: unknown } | null)?.beacon;
      if (me) awareness.setLocalStateField('beacon', clockBeacon(me, Date.now()));
      else if (current) awareness.setLocalStateField('beacon', null);
    };
    this.#publisher = setInterval(() => {
      if (this.#burst === 0 && ++this.#quiet < BEACON_QUIET_TICKS) return;
      this.#burst = Math.max(0, this.#burst - 1);
      this.#quiet = 0;
      publish();
    }, BEACON_EVERY_MS);
    publish();
  }

  /** The clock as the timer needs it; reading it in a template re-renders four times a second. */
  get local(): LocalClock {
    this.#tick();
    return { now: this.#now, offsets: this.offsets };
  }

  /** Whether this device can convert `key`'s clock: it has heard from that facilitator, or
   *  waited long enough that it must make do with its own clock. */
  knows(key: string): boolean {
    return this.offsets.has(key) || this.local.now - this.#since >= FIRST_BEACON_GRACE_MS;
  }

  /** Samples the beacons that are new in presence; `arrived` are devices just come into the room,
   *  whose beacons may be up to a minute old (the first presence a device hears of another is
   *  its last state, not a fresh one), so they give no sample: the next, sent on their arrival,
   *  does. */
  #collect(arrived: readonly number[] = []): void {
    const receivedAt = Date.now();
    let changed = false;
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const beacon = (state as { beacon?: { t?: unknown } }).beacon;
      // Presence repeats unchanged beacons with every other field's change: count each once.
      if (typeof beacon?.t !== 'number' || this.#seen.get(clientId) === beacon.t) continue;
      this.#seen.set(clientId, beacon.t);
      if (arrived.includes(clientId)) continue;
      const found = beaconSample(this.doc, this.root, beacon, receivedAt);
      if (!found) continue;
      const kept = (this.#samples.get(found.key) ?? []).filter((s) => receivedAt - s.at < SAMPLE_WINDOW_MS);
      kept.push({ at: receivedAt, sample: found.sample });
      this.#samples.set(found.key, kept);
      changed = true;
    }
    if (!changed) return;
    this.offsets = new Map([...this.#samples].map(([key, samples]) => [key, estimateOffset(samples.map((s) => s.sample))!]));
  }

  destroy(): void {
    clearInterval(this.#publisher);
    this.awareness.off('change', this.#onChange);
  }
}
