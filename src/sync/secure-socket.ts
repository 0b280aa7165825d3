import {
  BAD_FRAME, BAD_FRAME_CLOSE_CODE, channelCiphers, decodeChallenge, decodeHello, encodeFinish, encodeHello, encodeRegister,
  ephemeral, hubProven, sharedSecret, type Ephemeral, type Hello,
} from '../core/channel/handshake';
import { HEARTBEAT, type FrameCipher } from '../core/channel/frames';
import type { RoomKeys } from '../core/channel/room-keys';

/** What a device brings to the hub's door. */
export interface ChannelAccess {
  keys: RoomKeys;
  /** A facilitator's device registers a room the hub does not know yet; other devices never send the key. */
  register: boolean;
  /** The code the hub printed, for registering from another computer; '' on the hub's own. */
  pairingCode: string;
}

type Listener = (event: unknown) => void;

/** The part of the platform's WebSocket this wrapper rides on (the browser's, or `ws` in Node). */
interface Socket {
  binaryType: string;
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code?: number; reason?: string }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}
type SocketClass = new (url: string) => Socket;

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const bytesOf = (data: unknown): Uint8Array =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);

/** A WebSocket, as Hocuspocus' provider uses one, that opens only once the hub and this device have
 *  proven to each other that both hold the room's key, and then carries every message encrypted
 *  (../core/channel/handshake.ts). The provider sees plain messages and the hub's close events. */
export class SecureSocket {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;
  binaryType = 'arraybuffer';
  identifier = 0;
  #state = CONNECTING;
  readonly #inner: Socket;
  readonly #access: ChannelAccess;
  readonly #mine: Ephemeral = ephemeral();
  readonly #listeners = new Map<string, Set<Listener>>();
  #hello: Hello | null = null;
  #registered = false;
  #ciphers: { send: FrameCipher; receive: FrameCipher } | null = null;

  constructor(url: string, access: ChannelAccess, Inner: SocketClass) {
    this.#access = access;
    this.#inner = new Inner(url);
    this.#inner.binaryType = 'arraybuffer';
    this.#inner.onopen = () => {
      const bytes = encodeHello(this.#mine, access.keys.auth);
      this.#hello = decodeHello(bytes);
      this.#inner.send(bytes);
    };
    this.#inner.onmessage = (event) => this.#receive(bytesOf(event.data));
    this.#inner.onerror = (event) => this.#emit('error', event);
    this.#inner.onclose = (event) => {
      this.#state = CLOSED;
      this.#emit('close', { code: event.code, reason: event.reason });
    };
  }

  get readyState(): number {
    return this.#state;
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  send(data: Uint8Array | ArrayBuffer): void {
    if (this.#state !== OPEN || !this.#ciphers) throw new Error('the channel is not open');
    this.#inner.send(this.#ciphers.send.seal(bytesOf(data)));
  }

  /** Asks the hub for a heartbeat back; every frame that arrives is announced as 'heard'. */
  heartbeat(): void {
    if (this.#state === OPEN && this.#ciphers) this.#inner.send(this.#ciphers.send.seal(HEARTBEAT));
  }

  close(code?: number, reason?: string): void {
    if (this.#state >= CLOSING) return;
    this.#state = CLOSING;
    this.#inner.close(code, reason);
  }

  #emit(type: string, event: unknown): void {
    this.#listeners.get(type)?.forEach((l) => l(event));
  }

  #fail(): void {
    this.close(BAD_FRAME_CLOSE_CODE, BAD_FRAME);
  }

  #receive(bytes: Uint8Array): void {
    if (this.#state === OPEN && this.#ciphers) {
      const plain = this.#ciphers.receive.open(bytes);
      if (!plain) return this.#fail();
      this.#emit('heard', {});
      if (plain.length === HEARTBEAT.length) return;
      this.#emit('message', { data: plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.byteLength) });
      return;
    }
    if (this.#state !== CONNECTING || !this.#hello) return;
    this.#challenged(bytes);
  }

  /** The hub's CHALLENGE: with its proof, the channel opens; without, the hub does not know the
   *  room, and a facilitator's device registers it once; any other device lets the hub refuse it. */
  #challenged(bytes: Uint8Array): void {
    const hello = this.#hello!;
    const { keys } = this.#access;
    const challenge = decodeChallenge(bytes);
    const shared = challenge && sharedSecret(this.#mine, challenge.key);
    if (!challenge || !shared) return this.#fail();
    if (!challenge.proof && this.#access.register && !this.#registered) {
      this.#registered = true;
      this.#inner.send(encodeRegister(shared, this.#access.pairingCode, hello, challenge, keys));
      return;
    }
    this.#inner.send(encodeFinish(keys.auth, hello, challenge));
    // Without the hub's proof the hub will refuse this device; a forged proof is a man in the middle.
    if (!challenge.proof) return;
    if (!hubProven(keys.auth, hello, challenge)) return this.#fail();
    const { toHub, toDevice } = channelCiphers(shared, keys.auth, hello, challenge);
    this.#ciphers = { send: toHub, receive: toDevice };
    this.#state = OPEN;
    this.#emit('open', {});
  }
}

/** The class Hocuspocus' provider constructs for each (re)connection, over `Inner` or else the
 *  platform's WebSocket (looked up when a socket opens: a Node script installs one first). */
export function secureSocketClass(access: ChannelAccess, Inner?: unknown): new (url: string) => SecureSocket {
  return class extends SecureSocket {
    constructor(url: string) {
      super(url, access, (Inner ?? (globalThis as unknown as { WebSocket: unknown }).WebSocket) as SocketClass);
    }
  };
}
