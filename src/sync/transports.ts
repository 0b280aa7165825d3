import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { framedWebRtc } from './peer-chunks';
import { PeerLinks } from './peer-links';
import { relayHeartbeat } from './relay-heartbeat';
import { routeSignaling, type SignalingWatch } from './secure-signaling';
import type { ChannelAccess, SecureSocket } from './secure-socket';

/** The hub relay, as much of it as `WorkshopSync` uses (Hocuspocus' provider in the app). */
export interface Relay {
  /** The hub holds this document's state as of the last 'synced'. */
  readonly isSynced: boolean;
  /** Local updates sent and not yet acknowledged by the hub. */
  readonly unsyncedChanges: number;
  on(event: 'status', listener: (e: { status: string }) => void): unknown;
  on(event: 'synced' | 'unsyncedChanges', listener: () => void): unknown;
  /** The hub answered lately (true) or fell silent (false): a link can die without a close. */
  on(event: 'alive', listener: (e: { alive: boolean }) => void): unknown;
  /** The socket closed: a hub that turns this device away says why in the close event. */
  on(event: 'close', listener: (e: { event: { code?: number; reason?: string } }) => void): unknown;
  destroy(): void;
}

/** Direct connections to other devices (y-webrtc in the app). */
export interface Peers {
  /** The peers linked now: data channel open and answered lately. */
  on(event: 'peers', listener: (e: { webrtcPeers: string[] }) => void): unknown;
  /** Whether the hub relays for this device: peers are then a fallback, few and kept warm. */
  setHub(reachable: boolean): void;
  destroy(): void;
}

/** The hub's signaling endpoint, reached through the encrypted channel with `access`. */
export interface HubSignaling {
  url: string;
  access: ChannelAccess;
  /** Each socket that opens (the hub let this device in), and each that closes, with the hub's
   *  code and reason (4401: not invited). */
  watch: SignalingWatch;
}

export interface Room {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
}

/** How `WorkshopSync` reaches other devices: the real providers in the app, an in-memory pair
 *  in tests. Each transport applies what it receives under an origin of its own. */
export interface Transports {
  /** `socket`: the WebSocket class to reach the hub through (the encrypted channel). */
  relay(room: Room & { url: string; socket: new (url: string) => SecureSocket }): Relay;
  /** `hub`: the hub's signaling, through the channel; `signaling`: configured third-party servers;
   *  `lead`: a facilitator's device, which the others link with first. */
  peers(room: Room & { hub: HubSignaling | null; signaling: string[]; password: string | undefined; iceServers: RTCIceServer[]; lead: boolean }): Peers;
}

/** Hocuspocus' provider sends every change of presence to the hub, the ones it just received from
 *  the hub included: with N devices in a room, each presence change came back to the hub N-1
 *  times. Only what did not come from the hub goes up (this device's own, and a peer's it may be
 *  the only one to hear). */
export function sendOwnPresence(provider: HocuspocusProvider, awareness: Awareness): void {
  const send = provider.boundAwarenessUpdateHandler;
  const filtered: typeof send = (changes, origin) => {
    if (origin !== provider) send(changes, origin);
  };
  awareness.off('update', send);
  awareness.on('update', filtered);
  // After the provider's own goodbye (the removal of this device's state), sent as it is destroyed.
  provider.on('destroy', () => queueMicrotask(() => awareness.off('update', filtered)));
}

export const networkTransports: Transports = {
  relay: ({ url, room, doc, awareness, socket }) => {
    // Pinged every 2 s (relay-heartbeat.ts), a socket silent for 10 s is dead: open a new one.
    const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: socket, messageReconnectTimeout: 10_000 });
    const provider = new HocuspocusProvider({ websocketProvider, name: room, document: doc, awareness });
    sendOwnPresence(provider, awareness);
    // The socket is this provider's alone: it goes with the provider, as one the provider made would.
    provider.manageSocket = true;
    relayHeartbeat(provider, websocketProvider);
    provider.attach();
    return provider;
  },
  peers: ({ room, doc, awareness, hub, signaling, password, iceServers, lead }) => {
    const route = hub && routeSignaling(hub.url, hub.access, hub.watch);
    const provider = new WebrtcProvider(room, doc, {
      signaling: [...(route ? [route.url] : []), ...signaling], password, awareness,
      peerOpts: { config: { iceServers }, wrtc: framedWebRtc() },
    });
    return new PeerLinks(provider, awareness, lead, () => route?.release());
  },
};
