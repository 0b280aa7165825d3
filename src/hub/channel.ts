import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import {
  BAD_FRAME, BAD_FRAME_CLOSE_CODE, channelCiphers, decodeHello, decodeRegister, deviceProven, encodeChallenge, ephemeral,
  helloFor, isRegister, NOT_INVITED, NOT_INVITED_CLOSE_CODE, sharedSecret, type Hello,
} from '../core/channel/handshake';
import { HEARTBEAT, type FrameCipher } from '../core/channel/frames';
import type { RoomKeys } from '../core/channel/room-keys';
import { ROOM_NAME } from './limits';
import type { Log } from './log';
import type { RoomKeyStore } from './room-keys';

/** A device that has not finished the handshake by then is cut off. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

/** The socket Hocuspocus is handed once a device is let in: as much of `ws`'s WebSocket as it
 *  uses, carrying plain messages over the encrypted channel underneath. */
export class ChannelSocket extends EventEmitter {
  binaryType = 'nodebuffer';
  readonly #ws: WebSocket;
  readonly #send: FrameCipher;

  constructor(ws: WebSocket, send: FrameCipher) {
    super();
    this.#ws = ws;
    this.#send = send;
    ws.on('pong', () => this.emit('pong'));
    // Errors are not passed on: the router logs them (sockets.ts), and an 'error' event nobody
    // listens to would throw, and Hocuspocus listens to none.
    ws.on('close', (code: number, reason: Buffer) => this.emit('close', code, reason));
  }

  get readyState(): number {
    return this.#ws.readyState;
  }

  send(data: Uint8Array, callback?: (error?: Error) => void): void {
    this.#ws.send(this.#send.seal(data), callback);
  }

  ping(): void {
    this.#ws.ping();
  }

  close(code?: number, reason?: string): void {
    this.#ws.close(code, reason);
  }

  terminate(): void {
    this.#ws.terminate();
  }
}

export interface ChannelOptions {
  keys: RoomKeyStore;
  /** The code the hub printed; a device elsewhere registers a room with it. */
  pairingCode: string;
  log: Log;
}

/** A socket from this computer: over loopback, or to one of its own addresses (the facilitator
 *  opening the LAN address the banner shows, on the laptop that runs the hub). */
export const onThisMachine = ({ remoteAddress, localAddress }: { remoteAddress?: string | undefined; localAddress?: string | undefined }): boolean =>
  /^(127\.|::1$|::ffff:127\.)/.test(remoteAddress ?? '') || (remoteAddress !== undefined && remoteAddress === localAddress);

/** Runs the handshake (../core/channel/handshake.ts) on a new relay socket; `open` gets the
 *  encrypted socket and the one room the device proved it may use. A device that proves nothing,
 *  or a registration without the pairing code from another computer, is closed with 4401 and
 *  leaves no trace but a log line. */
export function acceptChannel(ws: WebSocket, client: string, local: boolean, options: ChannelOptions, open: (socket: ChannelSocket, room: string) => void): void {
  const { keys: store, log } = options;
  const hub = ephemeral();
  let hello: Hello | null = null;
  let keys: RoomKeys | null = null;
  let registering = false;
  let matching = false;
  let receive: FrameCipher | null = null;
  let socket: ChannelSocket | null = null;
  const timer = setTimeout(() => refuse('no handshake'), HANDSHAKE_TIMEOUT_MS);
  ws.once('close', () => clearTimeout(timer));

  function refuse(why: string): void {
    log('not-invited', `${client}: ${why}`);
    clearTimeout(timer);
    ws.close(NOT_INVITED_CLOSE_CODE, NOT_INVITED);
  }

  async function register(bytes: Uint8Array, shared: Uint8Array): Promise<void> {
    registering = true;
    const codes = local ? ['', options.pairingCode] : [options.pairingCode];
    const offered = codes.map((code) => decodeRegister(bytes, shared, code, hello!, hub)).find((k) => k !== null) ?? null;
    if (!offered) return refuse(local ? 'unreadable registration' : 'registration without the pairing code');
    if (!ROOM_NAME.test(offered.room)) return refuse(`${JSON.stringify(offered.room.slice(0, 100))} is not a room name`);
    if (!helloFor(hello!, offered.auth)) return refuse('a registration that does not match its hello');
    if (!(await store.register(offered))) return refuse(`${offered.room} is registered with another key`);
    log('room-registered', `${offered.room} from ${client}`);
    keys = offered;
    ws.send(encodeChallenge(hub, hello!, keys.auth));
  }

  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (socket && receive) {
      const plain = receive.open(bytes);
      if (!plain) {
        log('bad-frame', `${client}: a frame failed authentication (replayed, reordered or altered)`);
        ws.close(BAD_FRAME_CLOSE_CODE, BAD_FRAME);
        return;
      }
      if (plain.length === HEARTBEAT.length) return socket.send(HEARTBEAT);
      socket.emit('message', Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength));
      return;
    }
    if (!hello) {
      hello = decodeHello(bytes);
      if (!hello) return refuse('no hello');
      const said = hello;
      const challenge = (found: RoomKeys | null) => {
        keys = found;
        if (ws.readyState === ws.OPEN) ws.send(encodeChallenge(hub, said, found?.auth ?? null));
      };
      const found = store.match(said);
      if (!(found instanceof Promise)) return challenge(found);
      matching = true;
      found.then((f) => {
        matching = false;
        challenge(f);
      }, (error: unknown) => refuse(`room keys unreadable: ${String(error)}`));
      return;
    }
    // A device waits for the challenge: anything sent before it is not the handshake.
    if (matching) return refuse('a message before the challenge');
    const shared = sharedSecret(hub, hello.key);
    if (!shared) return refuse('not a key');
    if (!keys && !registering) {
      if (isRegister(bytes)) {
        register(bytes, shared).catch((error: unknown) => refuse(`registration failed: ${String(error)}`));
        return;
      }
      return refuse('a room the hub does not know');
    }
    if (!keys || !deviceProven(bytes, keys.auth, hello, hub)) return refuse('no proof of the room key');
    clearTimeout(timer);
    const { toHub, toDevice } = channelCiphers(shared, keys.auth, hello, hub);
    receive = toHub;
    socket = new ChannelSocket(ws, toDevice);
    open(socket, keys.room);
  });
}
