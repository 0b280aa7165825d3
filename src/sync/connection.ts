import { Awareness } from 'y-protocols/awareness';
import { pacePresence, RENEW_MS, RENEW_OFF_HUB_MS } from '../core/presence-pace';
import * as Y from 'yjs';
import { changedEntries } from '../core/changed';
import { NOT_INVITED } from '../core/channel/handshake';
import { roomKeys } from '../core/channel/room-keys';
import type { HubRefusal } from '../core/hub-refusals';
import { confirmedClock, presentPeople, seenClocks, type PresenceState, type PresenceUser, type Present } from './presence';
import { refusalOf, watchRefusals } from './refusals';
import type { SignalingWatch } from './secure-signaling';
import { hubSocketUrl } from './room';
import { secureSocketClass } from './secure-socket';
import { networkTransports, type Peers, type Relay, type Transports } from './transports';

export interface SyncOptions {
  workshopId: string;
  secret: string;
  /** The facilitator's hub (http(s) origin): relay at /sync, signaling at /signal. */
  hub: string | null;
  /** Other processes of the same hub (an organisation's), tried in turn when the one in use is lost. */
  fallbackHubs?: readonly string[];
  /** Further y-webrtc signaling servers (a public deployment without a hub). */
  signaling: string[];
  relay: boolean;
  /** A facilitator's device: brings the workshop's room to a hub that does not know it yet. */
  register: boolean;
  /** The hub's pairing code, for registering from another computer than the hub's. */
  pairingCode?: string;
  peers: boolean;
  /** A facilitator's device: the others link with it first (peer-policy.ts). */
  lead?: boolean;
  /** None by default: an offline room must never wait on unreachable STUN hosts. */
  iceServers: RTCIceServer[];
  /** Whether a transaction's origin is this device's own writing. Anything else (the
   *  transports, y-dexie replaying another tab's changes) is somebody else's to share. */
  own: (origin: unknown) => boolean;
  /** The network ones unless a test brings its own. */
  transports?: Transports;
}

/** 'connecting' only at first: once the hub was reached or the first try ran out, a hub that is
 *  not answering is 'off' (the device keeps trying meanwhile). */
export type HubState = 'off' | 'connecting' | 'connected';

export interface SyncStatus {
  hub: HubState;
  peers: number;
  /** Local changes no hub or peer has confirmed yet. */
  pending: number;
  /** The board entries (notes, stakeholders, proposals…) those changes touched. */
  pendingIds: ReadonlySet<string>;
  people: Present[];
  /** y-webrtc traffic is encrypted with the workshop secret (needs `crypto.subtle`). */
  encrypted: boolean;
  /** Why the hub is turning this device's changes away (they stay pending here), or null. */
  refused: HubRefusal | null;
}

const SEEN_DELAY_MS = 250;
/** How long a device says *Connecting…* before it says *Offline*. */
const FIRST_TRY_MS = 8_000;

/** A relay not connected for this long gives way to the next hub of the invite, if it has several:
 *  long enough for a hub's own restart or a brief Wi-Fi drop, short enough that a facilitator
 *  does not notice a lost process. */
export const FAILOVER_MS = 4_000;

/** Both transports on one document and one shared Awareness. Either alone is enough: the relay
 *  for rooms where peers cannot reach each other (client isolation, no mDNS), peers for rooms
 *  without the facilitator's laptop. Yjs makes receiving the same update twice harmless. */
export class WorkshopSync {
  readonly awareness: Awareness;
  readonly #doc: Y.Doc;
  readonly #own: (origin: unknown) => boolean;
  readonly #webrtc: Peers | null = null;
  #relay: Relay | null = null;
  #failover: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<(s: SyncStatus) => void>();
  /** Each local change: the client it was written as, its clock after it, and the board entries
   *  it touched. The client is this device's own, except for a hidden note (written as a
   *  one-off client so nothing links it to its author). */
  #unconfirmed: { client: number; clock: number; ids: ReadonlySet<string> }[] = [];
  #pendingIds: ReadonlySet<string> = new Set();
  #hubClock = 0;
  #hub: HubState = 'off';
  #relayUp = false;
  #relayAlive = true;
  /** The first try at the hub is over: it answered once, or FIRST_TRY_MS went by. */
  #tried = false;
  #firstTry: ReturnType<typeof setTimeout> | undefined;
  #peers = 0;
  #refused: HubRefusal | null = null;
  /** The hub's signaling turned this device away (a device with the relay off hears it there). */
  #signalingRefused = false;
  #seenTimer: ReturnType<typeof setTimeout> | undefined;
  #status: SyncStatus;

  constructor(doc: Y.Doc, options: SyncOptions) {
    this.#doc = doc;
    this.#own = options.own;
    this.awareness = new Awareness(doc);
    pacePresence(this.awareness, () => (this.#hub === 'connected' ? RENEW_MS : RENEW_OFF_HUB_MS));
    const encrypted = typeof crypto !== 'undefined' && crypto.subtle !== undefined;
    this.#status = { hub: 'off', peers: 0, pending: 0, pendingIds: this.#pendingIds, people: [], encrypted: false, refused: null };
    const keys = roomKeys(options.workshopId, options.secret);
    const { room } = keys;
    const transports = options.transports ?? networkTransports;
    const hubs = options.hub ? [options.hub, ...options.fallbackHubs ?? []] : [];

    const access = { keys, register: options.register, pairingCode: options.pairingCode ?? '' };
    if (options.peers) {
      const hub = options.hub ? { url: hubSocketUrl(options.hub, '/signal'), access, watch: this.#signalingWatch } : null;
      if (hub || options.signaling.length > 0) {
        this.#webrtc = transports.peers({
          room, doc, awareness: this.awareness, hub, signaling: options.signaling,
          password: encrypted ? options.secret : undefined, iceServers: options.iceServers, lead: options.lead ?? false,
        });
        this.#status.encrypted = encrypted;
        this.#webrtc.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => {
          this.#peers = webrtcPeers.length;
          this.#scheduleSeen();
          this.#emit();
        });
      }
    }

    if (options.relay && hubs.length > 0) {
      const socket = secureSocketClass(access);
      this.#firstTry = setTimeout(() => {
        this.#tried = true;
        this.#hubChanged();
      }, FIRST_TRY_MS);
      this.#useRelay((at) => transports.relay({ url: hubSocketUrl(hubs[at % hubs.length]!, '/sync'), room, doc, awareness: this.awareness, socket }), 0, hubs.length);
    }

    doc.on('update', this.#onUpdate);
    this.awareness.on('change', this.#onAwareness);
    this.#webrtc?.setHub(this.#hub !== 'off');
  }

  setUser(user: PresenceUser): void {
    this.awareness.setLocalStateField('user', user);
  }

  get status(): SyncStatus { return this.#status; }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    clearTimeout(this.#seenTimer);
    clearTimeout(this.#failover);
    clearTimeout(this.#firstTry);
    this.#doc.off('update', this.#onUpdate);
    this.awareness.off('change', this.#onAwareness);
    this.#webrtc?.destroy();
    this.#relay?.destroy();
    this.awareness.destroy();
    this.#listeners.clear();
  }

  /** Connects through hub number `at`. With several hubs, one not connected for FAILOVER_MS is
   *  left for the next: the new relay's first sync sends that hub whatever it lacks of this
   *  device's changes, and a change two hubs both received is one change to Yjs. */
  #useRelay(open: (at: number) => Relay, at: number, count: number): void {
    this.#relayUp = false;
    this.#relayAlive = true;
    const relay = open(at);
    this.#relay = relay;
    const failover = () => {
      if (count < 2 || this.#failover !== undefined) return;
      this.#failover = setTimeout(() => {
        this.#failover = undefined;
        relay.destroy();
        this.#useRelay(open, at + 1, count);
        this.#hubChanged();
      }, FAILOVER_MS);
    };
    failover();
    relay.on('status', ({ status }: { status: string }) => {
      if (this.#relay !== relay) return;
      this.#relayUp = status === 'connected';
      if (this.#relayUp) {
        this.#tried = true;
        this.#relayAlive = true;
        clearTimeout(this.#failover);
        this.#failover = undefined;
      } else {
        failover();
      }
      this.#hubChanged();
    });
    relay.on('alive', ({ alive }: { alive: boolean }) => {
      if (this.#relay !== relay) return;
      this.#relayAlive = alive;
      if (!alive) failover();
      this.#hubChanged();
    });
    // The hub holds everything once nothing is unsynced, one-off clients' changes included.
    const confirmByHub = () => {
      if (this.#relay !== relay || !relay.isSynced || relay.unsyncedChanges !== 0) return;
      this.#hubClock = this.#clock();
      if (this.#keep(() => false)) this.#emit();
    };
    relay.on('synced', confirmByHub);
    relay.on('unsyncedChanges', confirmByHub);
    watchRefusals(relay, (refused) => {
      if (this.#relay !== relay) return;
      this.#refused = refused;
      this.#emit();
    });
  }

  #hubChanged(): void {
    this.#hub = this.#relayUp && this.#relayAlive ? 'connected' : this.#tried ? 'off' : 'connecting';
    const onHub = this.#hub === 'connected';
    if ((this.awareness.getLocalState() as PresenceState | null)?.hub !== onHub) this.awareness.setLocalStateField('hub', onHub);
    // While the hub may yet answer, peers stay few: widening costs every phone in the room.
    this.#webrtc?.setHub(this.#hub !== 'off');
    this.#emit();
  }

  #clock(): number {
    return Y.getState(this.#doc.store, this.#doc.clientID);
  }

  /** Which entries a change touched comes from the change itself, never from timestamps in
   *  the document: those are the writing device's clock, and another device's may run ahead. */
  readonly #onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (this.#own(origin)) {
      this.#unconfirmed.push({ client: this.#doc.clientID, clock: this.#clock(), ids: changedEntries(transaction) });
      this.#pendingChanged();
      this.#emit();
    }
    this.#scheduleSeen();
  };

  readonly #signalingWatch: SignalingWatch = {
    opened: () => this.#setSignalingRefused(false),
    closed: (event) => {
      if (refusalOf(event) === NOT_INVITED) this.#setSignalingRefused(true);
    },
  };

  #setSignalingRefused(refused: boolean): void {
    if (refused === this.#signalingRefused) return;
    this.#signalingRefused = refused;
    this.#emit();
  }

  readonly #onAwareness = () => {
    this.#confirm(Math.max(this.#hubClock, confirmedClock(this.awareness, this.#doc.clientID)));
    // A device that lost the hub (or a new one without it) now needs to hear what others hold.
    this.#scheduleSeen();
    this.#emit();
  };

  /** Marks this device's own changes up to `clock` as held elsewhere. A one-off client's change
   *  waits for the hub: peers only report the clocks of clients present in the room. */
  #confirm(clock: number): void {
    if (this.#keep((e) => e.client !== this.#doc.clientID || e.clock > clock)) this.#emit();
  }

  /** Drops the confirmed changes; answers whether any went. */
  #keep(unconfirmed: (e: { client: number; clock: number }) => boolean): boolean {
    const before = this.#unconfirmed.length;
    this.#unconfirmed = this.#unconfirmed.filter(unconfirmed);
    if (this.#unconfirmed.length === before) return false;
    this.#pendingChanged();
    return true;
  }

  #pendingChanged(): void {
    this.#pendingIds = new Set(this.#unconfirmed.flatMap((e) => [...e.ids]));
  }

  /** Tells the room which of each present device's changes this device holds. */
  #scheduleSeen(): void {
    if (this.#seenTimer !== undefined) return;
    this.#seenTimer = setTimeout(() => {
      this.#seenTimer = undefined;
      const seen = seenClocks(this.awareness, (clientId) => Y.getState(this.#doc.store, clientId));
      const current = (this.awareness.getLocalState() as PresenceState | null)?.seen ?? {};
      const changed = Object.keys(seen).length !== Object.keys(current).length ||
        Object.entries(seen).some(([k, v]) => current[k] !== v);
      if (changed) this.awareness.setLocalStateField('seen', seen);
    }, SEEN_DELAY_MS);
  }

  #emit(): void {
    this.#status = {
      hub: this.#hub,
      peers: this.#peers,
      pending: this.#unconfirmed.length,
      pendingIds: this.#pendingIds,
      people: presentPeople(this.awareness),
      encrypted: this.#status.encrypted,
      refused: this.#refused ?? (this.#signalingRefused ? NOT_INVITED : null),
    };
    this.#listeners.forEach((l) => l(this.#status));
  }
}
