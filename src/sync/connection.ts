import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebrtcProvider } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { HubRefusal } from '../core/hub-refusals';
import { installPeerChunking } from './peer-chunks';
import { confirmedClock, presentPeople, type PresenceState, type PresenceUser, type Present } from './presence';
import { watchRefusals } from './refusals';
import { hubSocketUrl, roomName } from './room';

export interface SyncOptions {
  workshopId: string;
  secret: string;
  /** The facilitator's hub (http(s) origin): relay at /sync, signaling at /signal. */
  hub: string | null;
  /** Further y-webrtc signaling servers (a public deployment without a hub). */
  signaling: string[];
  relay: boolean;
  peers: boolean;
  /** None by default: an offline room must never wait on unreachable STUN hosts. */
  iceServers: RTCIceServer[];
}

export type HubState = 'off' | 'connecting' | 'connected';

export interface SyncStatus {
  hub: HubState;
  peers: number;
  /** Local changes no hub or peer has confirmed yet. */
  pending: number;
  /** When the oldest unconfirmed local change was made (ms since epoch), or null. */
  pendingSince: number | null;
  people: Present[];
  /** y-webrtc traffic is encrypted with the workshop secret (needs `crypto.subtle`). */
  encrypted: boolean;
  /** Why the hub is turning this device's changes away (they stay pending here), or null. */
  refused: HubRefusal | null;
}

const SEEN_DELAY_MS = 250;

/** Both transports on one document and one shared Awareness. Either alone is enough: the relay
 *  for rooms where peers cannot reach each other (client isolation, no mDNS), peers for rooms
 *  without the facilitator's laptop. Yjs makes receiving the same update twice harmless. */
export class WorkshopSync {
  readonly awareness: Awareness;
  readonly #doc: Y.Doc;
  readonly #webrtc: WebrtcProvider | null = null;
  readonly #relay: HocuspocusProvider | null = null;
  readonly #listeners = new Set<(s: SyncStatus) => void>();
  /** Each local change: the client it was written as and its clock after it, and when it was
   *  made. The client is this device's own, except for a hidden note (written as a one-off
   *  client so nothing links it to its author). */
  #unconfirmed: { client: number; clock: number; at: number }[] = [];
  #hubClock = 0;
  #hub: HubState = 'off';
  #peers = 0;
  #refused: HubRefusal | null = null;
  #seenTimer: ReturnType<typeof setTimeout> | undefined;
  #status: SyncStatus;

  constructor(doc: Y.Doc, options: SyncOptions) {
    this.#doc = doc;
    this.awareness = new Awareness(doc);
    const encrypted = typeof crypto !== 'undefined' && crypto.subtle !== undefined;
    this.#status = { hub: 'off', peers: 0, pending: 0, pendingSince: null, people: [], encrypted: false, refused: null };
    const room = roomName(options.workshopId);

    if (options.peers) {
      const signaling = [...(options.hub ? [hubSocketUrl(options.hub, '/signal')] : []), ...options.signaling];
      if (signaling.length > 0) {
        installPeerChunking();
        this.#webrtc = new WebrtcProvider(room, doc, {
          signaling,
          password: encrypted ? options.secret : undefined,
          awareness: this.awareness,
          maxConns: 20,
          peerOpts: { config: { iceServers: options.iceServers } },
        });
        this.#status.encrypted = encrypted;
        this.#webrtc.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => {
          this.#peers = webrtcPeers.length;
          this.#scheduleSeen();
          this.#emit();
        });
      }
    }

    if (options.relay && options.hub) {
      this.#hub = 'connecting';
      this.#relay = new HocuspocusProvider({
        url: hubSocketUrl(options.hub, '/sync'),
        name: room,
        document: doc,
        awareness: this.awareness,
      });
      this.#relay.on('status', ({ status }: { status: string }) => {
        this.#hub = status === 'connected' ? 'connected' : 'connecting';
        this.#emit();
      });
      // The hub holds everything once nothing is unsynced, one-off clients' changes included.
      const confirmByHub = () => {
        if (!this.#relay?.isSynced || this.#relay.unsyncedChanges !== 0) return;
        this.#hubClock = this.#clock();
        this.#unconfirmed = this.#unconfirmed.filter((e) => e.client === this.#doc.clientID);
        this.#confirm(this.#hubClock);
      };
      this.#relay.on('synced', confirmByHub);
      this.#relay.on('unsyncedChanges', confirmByHub);
      watchRefusals(this.#relay, (refused) => {
        this.#refused = refused;
        this.#emit();
      });
    }

    doc.on('beforeTransaction', this.#onTransactionStart);
    doc.on('update', this.#onUpdate);
    this.awareness.on('change', this.#onAwareness);
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
    this.#doc.off('beforeTransaction', this.#onTransactionStart);
    this.#doc.off('update', this.#onUpdate);
    this.awareness.off('change', this.#onAwareness);
    this.#webrtc?.destroy();
    this.#relay?.destroy();
    this.awareness.destroy();
    this.#listeners.clear();
  }

  #clock(): number {
    return Y.getState(this.#doc.store, this.#doc.clientID);
  }

  /** When the current transaction began: a change stamped inside it (a note's `updatedAt`) is
   *  never earlier than this, so views can tell which notes hold unconfirmed changes. */
  #transactionStart = 0;
  readonly #onTransactionStart = () => { this.#transactionStart = Date.now(); };

  readonly #onUpdate = (_update: Uint8Array, origin: unknown) => {
    const remote = origin === this.#relay || origin === this.#webrtc?.room || origin === this.#webrtc;
    if (!remote) {
      this.#unconfirmed.push({ client: this.#doc.clientID, clock: this.#clock(), at: this.#transactionStart });
      this.#emit();
    }
    this.#scheduleSeen();
  };

  readonly #onAwareness = () => {
    this.#confirm(Math.max(this.#hubClock, confirmedClock(this.awareness, this.#doc.clientID)));
    this.#emit();
  };

  /** Marks this device's own changes up to `clock` as held elsewhere. A one-off client's change
   *  waits for the hub: peers only report the clocks of clients present in the room. */
  #confirm(clock: number): void {
    const before = this.#unconfirmed.length;
    this.#unconfirmed = this.#unconfirmed.filter((e) => e.client !== this.#doc.clientID || e.clock > clock);
    if (this.#unconfirmed.length !== before) this.#emit();
  }

  /** Tells the room which of each present device's changes this device holds. */
  #scheduleSeen(): void {
    if (this.#seenTimer !== undefined) return;
    this.#seenTimer = setTimeout(() => {
      this.#seenTimer = undefined;
      const seen: Record<string, number> = {};
      for (const clientId of this.awareness.getStates().keys()) {
        if (clientId !== this.#doc.clientID) seen[clientId] = Y.getState(this.#doc.store, clientId);
      }
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
      pendingSince: this.#unconfirmed[0]?.at ?? null,
      people: presentPeople(this.awareness),
      encrypted: this.#status.encrypted,
      refused: this.#refused,
    };
    this.#listeners.forEach((l) => l(this.#status));
  }
}
