import { WebrtcConn, type Room, type WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import { HEARTBEAT_MS, SILENT_MS } from './liveness';
import { controlLine, type ControlLine } from './peer-chunks';
import { wantedPeers, type Member } from './peer-policy';
import { HELLO, joinSignalMesh, relaySignaling, type Hello, type SignalingSocket } from './peer-signal';
import { catchUp, isBroadcast } from './peer-standby';
import type { PresenceState } from './presence';

/** A link not open this long after it was begun (client isolation: candidates that never pair). */
export const CONNECT_MS = 6_000;
/** How long a peer that failed is left alone. */
export const COOLDOWN_MS = 30_000;
/** How long a device stays in the ring after its presence went. A hub that goes takes everyone's
 *  presence with it until the peers bring it back, and the ring must not fall apart meanwhile. */
const REMEMBER_MS = 45_000;

/** How often a device says hello to the room while no hub relays presence. */
const HELLO_MS = 10_000;

/** Failed links to this many other devices, none ever open, and a device takes itself to be
 *  isolated (peer-policy.ts). One could be a device too busy to finish in time. */
const FAILURES_FOR_ISOLATION = 2;

const PING = 0;
const SIGNAL = 1;

/** What simple-peer offers that this module uses. */
interface SimplePeer {
  _channel?: RTCDataChannel;
  _pc?: RTCPeerConnection;
  on(event: 'connect' | 'close', listener: () => void): void;
  send(message: Uint8Array): void;
}

interface Known {
  lead: boolean;
  isolated: boolean;
  /** It hears the hub (its presence says so). */
  hub: boolean;
  seen: number;
}

interface Link {
  conn: WebrtcConn;
  since: number;
  heard: number;
  line: ControlLine | null;
  /** Both ends hear the hub: edits and presence are left to it (peer-standby.ts). */
  standby: boolean;
}

/** Stands for a link this device will not have: y-webrtc finds it "already there" and opens nothing. */
const REFUSED = { peer: { signal: () => undefined }, glareToken: undefined } as unknown as WebrtcConn;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Holds y-webrtc to `peer-policy`: it links only with the peers the rule names (two while the hub
 *  relays, a bounded mesh without it), closes links that do not open in time or fall silent, and
 *  reports as peers only the links whose data channel is open and that answered lately. */
export class PeerLinks {
  readonly #provider: WebrtcProvider;
  readonly #awareness: Awareness;
  readonly #lead: boolean;
  readonly #listeners = new Set<(e: { webrtcPeers: string[] }) => void>();
  readonly #links = new Map<WebrtcConn, Link>();
  readonly #cooling = new Map<string, number>();
  readonly #known = new Map<string, Known>();
  /** Devices not facilitators' that this one failed to link with although their offer and answer
   *  crossed (so they were there), while it never linked with any such device. */
  readonly #unreached = new Set<string>();
  #reachedOthers = false;
  #isolated = false;
  #room: Room | null = null;
  #hub = false;
  #wanted = new Set<string>();
  #live: string[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #mesh: ReturnType<typeof joinSignalMesh> | null = null;
  #destroyed = false;
  #lastHello = 0;
  readonly #release: () => void;

  /** `release`: runs after the provider is gone (the signaling route it used). */
  constructor(provider: WebrtcProvider, awareness: Awareness, lead: boolean, release: () => void = () => {}) {
    this.#provider = provider;
    this.#release = release;
    this.#awareness = awareness;
    this.#lead = lead;
    // y-webrtc would offer a link to every device that announces itself, and both ends at once;
    // here only the rule opens links, from the lower id of the two.
    provider.maxConns = 0;
    // y-webrtc opens its room once the key is derived, in a callback registered before this one.
    void provider.key.then(() => {
      if (!this.#destroyed && provider.room) this.#start(provider.room);
    });
  }

  on(_event: 'peers', listener: (e: { webrtcPeers: string[] }) => void): void {
    this.#listeners.add(listener);
  }

  /** Whether the hub relays for this device now: it decides how many links to keep. */
  setHub(reachable: boolean): void {
    if (reachable === this.#hub) return;
    this.#hub = reachable;
    this.#review();
  }

  destroy(): void {
    this.#destroyed = true;
    clearInterval(this.#timer);
    this.#awareness.off('change', this.#review);
    this.#mesh?.leave();
    // y-webrtc's destroy leaves the provider's signaling connections open; disconnect closes them.
    this.#provider.disconnect();
    this.#provider.destroy();
    this.#release();
    this.#listeners.clear();
  }

  #start(room: Room): void {
    this.#room = room;
    const links = this.#links;
    const takes = (id: string) => this.#takes(id);
    const track = (conn: WebrtcConn) => this.#track(conn);
    room.webrtcConns = new (class extends Map<string, WebrtcConn> {
      override get(id: string) {
        return super.get(id) ?? (takes(id) ? undefined : REFUSED);
      }

      override set(id: string, conn: WebrtcConn) {
        if (!links.has(conn)) track(conn);
        return super.set(id, conn);
      }
    })(room.webrtcConns);
    for (const conn of room.webrtcConns.values()) this.#track(conn);
    const sockets = () => this.#provider.signalingConns as SignalingSocket[];
    sockets().forEach(relaySignaling);
    this.#mesh = joinSignalMesh(room.name, {
      flood: (payload, except) => {
        const bytes = encoder.encode(payload);
        const framed = new Uint8Array(bytes.length + 1);
        framed[0] = SIGNAL;
        framed.set(bytes, 1);
        for (const link of this.#links.values()) if (link.conn !== except && link.conn.connected) link.line?.send(framed);
      },
      hubSuffices: () => this.#hub,
      hello: (hello) => this.#onHello(hello),
    }, () => sockets()[0]);
    this.#publish();
    this.#awareness.on('change', this.#review);
    this.#timer = setInterval(this.#tick, HEARTBEAT_MS);
    this.#sayHello();
    this.#review();
  }

  /** Without the hub no presence tells the room of this device: it says so itself, through the
   *  signaling (and the peers' relay of it once that is gone too). */
  #sayHello(): void {
    const room = this.#room;
    const socket = (this.#provider.signalingConns as SignalingSocket[])[0];
    if (this.#hub || !room || !socket || this.#destroyed) return;
    this.#lastHello = Date.now();
    socket.send({ type: 'publish', topic: room.name, data: { type: HELLO, from: room.peerId, ...this.#traits() } });
  }

  #traits(): { lead: boolean; isolated?: true } {
    return this.#isolated ? { lead: this.#lead, isolated: true } : { lead: this.#lead };
  }

  /** Tells the room, in presence, what the peer rule needs to know of this device. */
  #publish(): void {
    const room = this.#room;
    if (room) this.#awareness.setLocalStateField('peer', { id: room.peerId, ...this.#traits() });
  }

  #setIsolated(isolated: boolean): void {
    if (isolated === this.#isolated) return;
    this.#isolated = isolated;
    this.#publish();
    this.#sayHello();
  }

  /** A link to another device (not a facilitator's: that may be the one device everyone reaches)
   *  opened, or failed after both ends had spoken: how a device learns it is isolated, and that
   *  it is not after all (it took itself to be, with nobody to hang on, and linked in the ring). */
  #learnReach(id: string, opened: boolean): void {
    if (this.#known.get(id)?.lead) return;
    if (opened) {
      this.#reachedOthers = true;
      this.#unreached.clear();
      this.#setIsolated(false);
    } else if (!this.#reachedOthers) {
      this.#unreached.add(id);
      if (this.#unreached.size >= FAILURES_FOR_ISOLATION) this.#setIsolated(true);
    }
  }

  /** A device this one did not know is answered at once, so that a newcomer learns the room
   *  without waiting for everyone's next hello. */
  #onHello({ from, lead, isolated }: Hello): void {
    if (!this.#room || from === this.#room.peerId) return;
    const known = this.#known.has(from);
    this.#known.set(from, { lead, isolated, hub: false, seen: Date.now() });
    if (known) return;
    if (Date.now() - this.#lastHello > 1_000) this.#sayHello();
    this.#review();
  }

  #admits(id: string): boolean {
    return this.#wanted.has(id) && (this.#cooling.get(id) ?? 0) <= Date.now();
  }

  /** Whether to take a device's signal. From a lower id it is an offer: the offerer alone keeps the
   *  cooldown, so it is answered whenever the rule wants the link (were both ends to cool down,
   *  each on its own clock, a retry could fall into the other's cooldown again and again). Its
   *  presence comes through the hub's sync and the offer through the signaling, which may be first:
   *  an offer is news that the device is in the room. From a higher id it is a late answer to a
   *  link this device gave up on, and is refused while that cools down. */
  #takes(id: string): boolean {
    const room = this.#room;
    if (!room || id > room.peerId) return this.#admits(id);
    if (!this.#known.has(id)) {
      this.#known.set(id, { lead: false, isolated: false, hub: false, seen: Date.now() });
      this.#wanted = wantedPeers(room.peerId, this.#members(), this.#hub);
    }
    return this.#wanted.has(id);
  }

  #track(conn: WebrtcConn): void {
    const link: Link = { conn, since: Date.now(), heard: 0, line: null, standby: false };
    this.#links.set(conn, link);
    const peer = conn.peer as SimplePeer;
    const send = peer.send.bind(peer);
    peer.send = (message) => {
      if (!(link.standby && isBroadcast(message))) send(message);
    };
    peer.on('connect', () => {
      link.heard = Date.now();
      link.standby = this.#standsBy(conn.remotePeerId);
      this.#learnReach(conn.remotePeerId, true);
      const channel = peer._channel;
      link.line = channel ? controlLine(channel) ?? null : null;
      if (link.line) link.line.onmessage = (payload) => this.#onControl(link, payload);
      this.#report();
    });
    peer.on('close', () => {
      this.#links.delete(conn);
      this.#report();
    });
  }

  #onControl(link: Link, payload: Uint8Array | null): void {
    link.heard = Date.now();
    if (payload?.[0] === SIGNAL) this.#mesh?.receive(decoder.decode(payload.subarray(1)), link.conn);
  }

  #members(): Member[] {
    const now = Date.now();
    for (const state of this.#awareness.getStates().values()) {
      const { peer, hub } = state as PresenceState;
      if (typeof peer?.id === 'string') {
        this.#known.set(peer.id, { lead: peer.lead === true, isolated: peer.isolated === true, hub: hub === true, seen: now });
      }
    }
    for (const link of this.#links.values()) {
      const known = this.#known.get(link.conn.remotePeerId);
      if (known && link.conn.connected) known.seen = now;
    }
    const members: Member[] = [];
    for (const [id, { lead, isolated, seen }] of this.#known) {
      if (now - seen > REMEMBER_MS) this.#known.delete(id);
      else members.push({ id, lead, isolated });
    }
    return members;
  }

  /** Applies the rule: closes links it no longer names, begins those it names that this device
   *  opens (the lower id of the two, so both ends never offer at once). */
  readonly #review = () => {
    const room = this.#room;
    if (!room || this.#destroyed) return;
    this.#wanted = wantedPeers(room.peerId, this.#members(), this.#hub);
    for (const [id, conn] of room.webrtcConns) if (!this.#wanted.has(id)) conn.destroy();
    for (const link of this.#links.values()) if (link.conn.connected) this.#standBy(link);
    // simple-peer closes a destroyed connection in a microtask: open new ones after it, so a
    // device never holds more than the rule allows, not even for a moment.
    queueMicrotask(() => this.#open(room));
    this.#report();
  };

  #open(room: Room): void {
    const socket = (this.#provider.signalingConns as SignalingSocket[])[0];
    if (!socket || this.#destroyed) return;
    for (const id of this.#wanted) {
      if (id < room.peerId || room.webrtcConns.has(id) || !this.#admits(id)) continue;
      room.webrtcConns.set(id, new WebrtcConn(socket as never, true, id, room));
    }
  }

  #standsBy(id: string): boolean {
    return (this.#awareness.getLocalState() as PresenceState | null)?.hub === true && this.#known.get(id)?.hub === true;
  }

  /** Puts a link on standby, or wakes it with a catch-up when one end no longer hears the hub. */
  #standBy(link: Link): void {
    const standby = this.#standsBy(link.conn.remotePeerId);
    if (link.standby === standby) return;
    link.standby = standby;
    if (!standby) for (const message of catchUp(this.#provider.doc, this.#awareness)) (link.conn.peer as SimplePeer).send(message);
  }

  readonly #tick = () => {
    const now = Date.now();
    for (const link of this.#links.values()) {
      const id = link.conn.remotePeerId;
      const dead = link.conn.connected ? now - link.heard > SILENT_MS : now - link.since > CONNECT_MS;
      if (dead) {
        if (!link.conn.connected && (link.conn.peer as SimplePeer)._pc?.remoteDescription) this.#learnReach(id, false);
        this.#cooling.set(id, now + COOLDOWN_MS);
        link.conn.destroy();
      } else if (link.conn.connected) {
        link.line?.send(Uint8Array.of(PING));
      }
    }
    if (now - this.#lastHello >= HELLO_MS) this.#sayHello();
    this.#review();
  };

  #report(): void {
    const now = Date.now();
    const live = [...this.#links.values()]
      .filter((l) => l.conn.connected && now - l.heard <= SILENT_MS)
      .map((l) => l.conn.remotePeerId)
      .sort();
    if (live.length === this.#live.length && live.every((id, i) => id === this.#live[i])) return;
    this.#live = live;
    this.#listeners.forEach((l) => l({ webrtcPeers: live }));
  }
}
