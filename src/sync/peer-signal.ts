import { newId } from '../core/ids';

/** WebRTC signaling carried by the peers themselves, so that devices linked in a ring can open
 *  more links between them after the hub (and its /signal) is gone. A y-webrtc signaling message
 *  that this device publishes is also flooded over its open peer links; each device passes it on
 *  once and hands it to y-webrtc as if its signaling server had delivered it. A message that comes
 *  both ways is handed over once. */

/** A y-webrtc signaling message ({ type: 'publish', topic, data } and its kin). */
export interface SignalMessage {
  type: string;
  topic?: string;
  data?: unknown;
}

/** The part of y-webrtc's SignalingConn (a lib0 WebsocketClient) this module uses. */
export interface SignalingSocket {
  connected: boolean;
  send(message: SignalMessage): void;
  emit(name: string, args: unknown[]): void;
}

/** A relayed message: an id to pass it on once, a hop limit, the message. */
interface Flood {
  id: string;
  hops: number;
  message: SignalMessage;
}

/** More than the hops across any ring this app forms. */
const MAX_HOPS = 64;
const REMEMBER_MS = 60_000;

/** A room's end of the flooding: who to send to, and whether the hub's path is enough alone. */
export interface SignalMesh {
  /** Sends to every open link except `except`. */
  flood(payload: string, except?: unknown): void;
  /** The hub carries signaling to everyone: nothing needs relaying. */
  hubSuffices(): boolean;
  /** Another device of the room said hello (see `HELLO`). */
  hello(from: Hello): void;
}

/** The type of this app's own signaling message by which a device makes itself known to the room
 *  when no presence tells of it (peers alone, or the hub gone): y-webrtc's own announcement would
 *  also make every device offer a link to it, which the peer rule forbids. y-webrtc never sees it. */
export const HELLO = 'cg-hello';

export interface Hello {
  from: string;
  lead: boolean;
  isolated: boolean;
}

const helloOf = (m: SignalMessage): Hello | null => {
  const data = m.data as { type?: unknown; from?: unknown; lead?: unknown; isolated?: unknown } | null | undefined;
  return data?.type === HELLO && typeof data.from === 'string'
    ? { from: data.from, lead: data.lead === true, isolated: data.isolated === true }
    : null;
};

const meshes = new Map<string, SignalMesh>();
const patched = new WeakSet<SignalingSocket>();

/** Recently seen keys, forgotten after a minute. */
class Recent {
  readonly #seen = new Map<string, number>();

  /** Whether `key` was seen in the last minute; remembers it. */
  check(key: string): boolean {
    const now = Date.now();
    if (this.#seen.size > 2000) for (const [k, at] of this.#seen) if (now - at > REMEMBER_MS) this.#seen.delete(k);
    const at = this.#seen.get(key);
    this.#seen.set(key, now);
    return at !== undefined && now - at <= REMEMBER_MS;
  }
}

const relayed = new Recent();

const keyOf = (m: SignalMessage) => `${m.topic ?? ''}\n${typeof m.data === 'string' ? m.data : JSON.stringify(m.data)}`;

/** An unencrypted announcement is the same text each time, and a repeated one is harmless. */
const isAnnouncement = (m: SignalMessage) =>
  typeof m.data === 'object' && m.data !== null && (m.data as { type?: unknown }).type === 'announce';

/** Makes `socket` (shared by every room on this page, as y-webrtc shares it) also publish into
 *  the rooms' meshes, and deliver each message once whichever way it came. */
export function relaySignaling(socket: SignalingSocket): void {
  if (patched.has(socket)) return;
  patched.add(socket);
  const send = socket.send.bind(socket);
  const emit = socket.emit.bind(socket);
  const delivered = new Recent();
  socket.send = (message) => {
    if (socket.connected) send(message);
    const mesh = message.type === 'publish' && message.topic ? meshes.get(message.topic) : undefined;
    if (mesh && !(socket.connected && mesh.hubSuffices())) {
      const flood: Flood = { id: newId(), hops: MAX_HOPS, message };
      relayed.check(flood.id);
      mesh.flood(JSON.stringify(flood));
    }
  };
  socket.emit = (name, args) => {
    const message = args[0] as SignalMessage | undefined;
    const hello = name === 'message' && message?.type === 'publish' ? helloOf(message) : null;
    if (hello) {
      if (message?.topic) meshes.get(message.topic)?.hello(hello);
      return;
    }
    if (name === 'message' && message?.type === 'publish' && !isAnnouncement(message) && delivered.check(keyOf(message))) return;
    emit(name, args);
  };
}

/** Registers the room's mesh; returns what to do with a flood received from link `from`. */
export function joinSignalMesh(topic: string, mesh: SignalMesh, socket: () => SignalingSocket | undefined): {
  receive(payload: string, from: unknown): void;
  leave(): void;
} {
  meshes.set(topic, mesh);
  return {
    receive(payload, from) {
      let flood: Flood;
      try {
        flood = JSON.parse(payload) as Flood;
      } catch {
        return;
      }
      if (typeof flood?.id !== 'string' || typeof flood.hops !== 'number' || flood.message?.topic !== topic) return;
      if (relayed.check(flood.id)) return;
      if (flood.hops > 1) mesh.flood(JSON.stringify({ ...flood, hops: Math.min(flood.hops, MAX_HOPS) - 1 }), from);
      socket()?.emit('message', [flood.message]);
    },
    leave() {
      if (meshes.get(topic) === mesh) meshes.delete(topic);
    },
  };
}
