import type { HubRefusal } from '../core/hub-refusals';
import type { HubLimits } from './limits';

/** A refusal and, for the hub's log, what it was measured against. */
export interface Refused {
  refusal: HubRefusal;
  detail: string;
}

const mb = (bytes: number) => bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** What the relayed workshops take on the hub: how many there are and their bytes, against the
 *  caps. Sizes are a running upper bound (each accepted update adds its length; the same change
 *  arriving from two devices counts twice), made exact whenever a room is saved, and measured
 *  before anything is refused on the strength of the bound alone. */
export class StorageQuota {
  readonly #limits: HubLimits;
  readonly #sizes: Map<string, number>;
  #total = 0;

  /** `stored`: the rooms already kept (from the data directory) and their sizes. */
  constructor(limits: HubLimits, stored: ReadonlyMap<string, number> = new Map()) {
    this.#limits = limits;
    this.#sizes = new Map(stored);
    for (const size of stored.values()) this.#total += size;
  }

  get rooms(): number { return this.#sizes.size; }
  get bytes(): number { return this.#total; }

  /** A device asks for `room`: a room the hub keeps is always open to it; a new one takes a place
   *  if there is one. Checked and taken at once, so a burst of new rooms cannot overshoot. */
  openRoom(room: string): Refused | null {
    if (this.#sizes.has(room)) return null;
    if (this.#sizes.size >= this.#limits.maxRooms) {
      return { refusal: 'hub-full', detail: `the hub keeps ${this.#sizes.size} rooms (limit ${this.#limits.maxRooms})` };
    }
    this.#sizes.set(room, 0);
    return null;
  }

  /** A device sends `bytes` of document state into `room`; `measure` gives the room's exact size
   *  now, which costs an encoding of the whole room, so it is asked only when the bound says no. */
  admitUpdate(room: string, bytes: number, measure: () => number): Refused | null {
    const limits = this.#limits;
    if (bytes > limits.maxUpdateBytes) return { refusal: 'update-too-large', detail: `${mb(bytes)} in one update (limit ${mb(limits.maxUpdateBytes)})` };
    const fits = () => (this.#sizes.get(room) ?? 0) + bytes <= limits.maxRoomBytes && this.#total + bytes <= limits.maxStoredBytes;
    if (!fits()) this.measured(room, measure());
    const size = this.#sizes.get(room) ?? 0;
    if (size + bytes > limits.maxRoomBytes) return { refusal: 'room-full', detail: `${mb(size)} + ${mb(bytes)} (limit ${mb(limits.maxRoomBytes)} per room)` };
    if (this.#total + bytes > limits.maxStoredBytes) return { refusal: 'hub-full', detail: `${mb(this.#total)} + ${mb(bytes)} (limit ${mb(limits.maxStoredBytes)} in all)` };
    this.#set(room, size + bytes);
    return null;
  }

  /** The exact size of `room`, known after it was saved or encoded. */
  measured(room: string, bytes: number): void {
    this.#set(room, bytes);
  }

  /** The last device left `room`: a room that never held anything gives its place back, so rooms
   *  opened and never used do not pile up. */
  closed(room: string): void {
    if (this.#sizes.get(room) === 0) this.#sizes.delete(room);
  }

  #set(room: string, bytes: number): void {
    this.#total += bytes - (this.#sizes.get(room) ?? 0);
    this.#sizes.set(room, bytes);
  }
}

/** Open sockets per client address and in all, against the caps. No sockets are authenticated
 *  yet, so every one counts against its address. One machine with several addresses gets the
 *  per-address share on each: the global cap is what bounds it. */
export class SocketQuota {
  readonly #limits: Pick<HubLimits, 'maxSockets' | 'maxSocketsPerAddress'>;
  readonly #perAddress = new Map<string, number>();
  #total = 0;

  constructor(limits: Pick<HubLimits, 'maxSockets' | 'maxSocketsPerAddress'>) {
    this.#limits = limits;
  }

  /** Takes a place for a socket from `address`, or says why not: the HTTP status to answer with
   *  (429 this address holds its share, 503 the hub holds all it takes) and what was counted. */
  take(address: string): { status: 429 | 503; detail: string } | null {
    const held = this.#perAddress.get(address) ?? 0;
    if (held >= this.#limits.maxSocketsPerAddress) return { status: 429, detail: `already holds ${held} (limit ${this.#limits.maxSocketsPerAddress} per address)` };
    if (this.#total >= this.#limits.maxSockets) return { status: 503, detail: `the hub holds ${this.#total} sockets (limit ${this.#limits.maxSockets})` };
    this.#perAddress.set(address, held + 1);
    this.#total++;
    return null;
  }

  release(address: string): void {
    const left = (this.#perAddress.get(address) ?? 1) - 1;
    if (left > 0) this.#perAddress.set(address, left);
    else this.#perAddress.delete(address);
    this.#total = Math.max(0, this.#total - 1);
  }
}
