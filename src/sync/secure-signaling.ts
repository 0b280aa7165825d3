import { SecureSocket, type ChannelAccess } from './secure-socket';

/* y-webrtc reaches its signaling servers through lib0's WebsocketClient, which constructs the
 * global WebSocket itself and takes no other class. So the hub's signaling address handed to
 * y-webrtc carries a token of its own, and the global WebSocket is wrapped once: a socket to a
 * routed address becomes a `SignalingSocket` over the encrypted channel (the relay's,
 * ./secure-socket.ts); every other address (a configured third-party signaling server, anything
 * else in the page) gets the platform's WebSocket untouched. */

type Handler<E> = ((event: E) => void) | null;

/** Who hears that a signaling socket was let in, or closed and why. */
export interface SignalingWatch {
  opened(): void;
  closed(event: { code?: number; reason?: string }): void;
}
type SocketClass = new (url: string) => unknown;

/** A WebSocket as lib0's WebsocketClient uses one (its `on…` handlers, text messages), carried
 *  through the channel: the hub sees one proven room, the Wi-Fi only sealed frames. */
export class SignalingSocket {
  static readonly CONNECTING = SecureSocket.CONNECTING;
  static readonly OPEN = SecureSocket.OPEN;
  static readonly CLOSING = SecureSocket.CLOSING;
  static readonly CLOSED = SecureSocket.CLOSED;
  binaryType = 'arraybuffer';
  onopen: Handler<unknown> = null;
  onmessage: Handler<{ data: string }> = null;
  onclose: Handler<{ code?: number; reason?: string }> = null;
  onerror: Handler<unknown> = null;
  readonly #channel: SecureSocket;

  constructor(url: string, access: ChannelAccess, Inner: SocketClass, watch?: SignalingWatch) {
    this.#channel = new SecureSocket(url, access, Inner as ConstructorParameters<typeof SecureSocket>[2]);
    const text = new TextDecoder();
    this.#channel.addEventListener('open', (e) => {
      watch?.opened();
      this.onopen?.(e);
    });
    this.#channel.addEventListener('message', (e) => this.onmessage?.({ data: text.decode((e as { data: ArrayBuffer }).data) }));
    this.#channel.addEventListener('error', (e) => this.onerror?.(e));
    this.#channel.addEventListener('close', (e) => {
      const event = e as { code?: number; reason?: string };
      watch?.closed(event);
      this.onclose?.(event);
    });
  }

  get readyState(): number {
    return this.#channel.readyState;
  }

  /** What is sent before the channel opens or after it closed is dropped, as y-webrtc announces
   *  itself again on every (re)connection. */
  send(message: string): void {
    if (this.#channel.readyState === SecureSocket.OPEN) this.#channel.send(new TextEncoder().encode(message));
  }

  close(code?: number, reason?: string): void {
    this.#channel.close(code, reason);
  }
}

interface Route {
  access: ChannelAccess;
  watch?: SignalingWatch | undefined;
}

const routes = new Map<string, Route>();
const ROUTED = Symbol('common-ground signaling routes');

/** Wraps the global WebSocket (once): lib0 looks it up at every (re)connection. */
function installRouter(): void {
  const scope = globalThis as unknown as { WebSocket: SocketClass & { [ROUTED]?: true } };
  if (scope.WebSocket[ROUTED]) return;
  const Platform = scope.WebSocket;
  const Routed = function (this: unknown, url: string | URL, protocols?: string | string[]) {
    const route = routes.get(String(url));
    if (route) return new SignalingSocket(String(url), route.access, Platform, route.watch);
    return new (Platform as new (url: string | URL, protocols?: string | string[]) => unknown)(url, protocols);
  } as unknown as SocketClass & { [ROUTED]?: true };
  // Constants and `instanceof` keep working for everyone else.
  Object.setPrototypeOf(Routed, Platform);
  Routed.prototype = (Platform as unknown as { prototype: object }).prototype;
  Routed[ROUTED] = true;
  scope.WebSocket = Routed;
}

let routeCount = 0;

/** The address to hand y-webrtc for the hub's `/signal` (`url`), which it will reach through the
 *  channel with `access`; `release` once the provider is gone. */
export function routeSignaling(url: string, access: ChannelAccess, watch?: SignalingWatch): { url: string; release(): void } {
  installRouter();
  const routed = new URL(url);
  // Unique per provider, so that y-webrtc (which shares one connection per address across its
  // rooms) gives each room its own channel. Random, so it says nothing on the Wi-Fi.
  routed.searchParams.set('c', `${(++routeCount).toString(36)}${Math.random().toString(36).slice(2)}`);
  const key = routed.toString();
  routes.set(key, { access, watch });
  return { url: key, release: () => routes.delete(key) };
}
