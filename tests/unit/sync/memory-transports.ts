import * as Y from 'yjs';
import type { Relay, Transports } from '../../../src/sync/transports';

type Event = 'status' | 'synced' | 'unsyncedChanges' | 'close' | 'alive';
/** What listeners of any event get: a status, or the close event a refusing hub sends. */
type Payload = { status: string; alive: boolean; event?: { code?: number; reason?: string } };

/** One device's connection to a `MemoryHub`: what a Hocuspocus provider does, in memory. It
 *  applies what it receives under itself as origin, and counts its updates until acknowledged. */
class MemoryRelay implements Relay {
  isSynced = false;
  unsyncedChanges = 0;
  readonly #listeners = new Map<Event, Set<(e: Payload) => void>>();

  constructor(private readonly hub: MemoryHub, readonly doc: Y.Doc) {
    doc.on('update', this.#onUpdate);
    // The provider connects after the constructor returns, as the network one does.
    queueMicrotask(() => {
      if (!this.hub.connected.has(this)) return;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(hub.doc), this);
      this.#send(Y.encodeStateAsUpdate(doc));
      this.isSynced = true;
      this.emit('status', { status: 'connected', alive: true });
      this.emit('synced');
    });
    hub.connected.add(this);
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.#send(update);
  };

  #send(update: Uint8Array): void {
    this.unsyncedChanges++;
    this.emit('unsyncedChanges');
    this.hub.receive(update, this);
  }

  acknowledge(): void {
    this.unsyncedChanges--;
    this.emit('unsyncedChanges');
  }

  on(event: Event, listener: (e: Payload & { event: { code?: number; reason?: string } }) => void): void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (e: Payload) => void);
    this.#listeners.set(event, set);
  }

  emit(event: Event, e: Payload = { status: '', alive: true }): void {
    this.#listeners.get(event)?.forEach((l) => l(e));
  }

  destroy(): void {
    this.doc.off('update', this.#onUpdate);
    this.hub.connected.delete(this);
  }
}

/** A hub in memory: forwards every update to the other connected devices at once and
 *  acknowledges it to its sender a moment later, or when `release` is called while `hold`s. */
export class MemoryHub {
  readonly doc = new Y.Doc();
  readonly connected = new Set<MemoryRelay>();
  #held: MemoryRelay[] | null = null;

  readonly transports: Transports = {
    relay: ({ doc }) => new MemoryRelay(this, doc),
    peers: () => { throw new Error('no peers in memory'); },
  };

  receive(update: Uint8Array, from: MemoryRelay): void {
    Y.applyUpdate(this.doc, update);
    for (const other of this.connected) if (other !== from) Y.applyUpdate(other.doc, update, other);
    if (this.#held) this.#held.push(from);
    else setTimeout(() => from.acknowledge(), 0);
  }

  /** Acknowledgements wait until `release`. */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const relay of held) relay.acknowledge();
  }
}
