/** Shared setup for the hub tests: real hubs on loopback port 0, real clients, everything undone
 *  after each test so vitest exits with no handle left open. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { RoomKeys } from '../../../src/core/channel/room-keys';
import { startHub, type HubServer, type HubStats } from '../../../src/hub/server';
import { SignalingSocket } from '../../../src/sync/secure-signaling';
import { secureSocketClass } from '../../../src/sync/secure-socket';

const cleanups: (() => unknown)[] = [];

/** Undoes something the test set up, once it ends, whether it passed or not. */
export function onCleanUp(undo: () => unknown): void {
  cleanups.push(undo);
}

/** Runs (newest first) everything the test set up; call it from `afterEach`. */
export async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) await undo();
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cg-hub-${prefix}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const STUB_PAGE = '<!doctype html><title>Common Ground</title>';

export interface TestHub {
  server: HubServer;
  port: number;
  /** Event lines, `<event> <details>`, in the order the hub reported them. */
  logs: string[];
  url(path: string): string;
  ws(path: string): string;
  health(): Promise<HubStats>;
  stop(): Promise<void>;
}

/** A hub on a free loopback port, serving a stub app; `data` keeps its workshops on disk. */
export async function startTestHub(options: { data?: string; cert?: string; key?: string; trustProxy?: boolean } = {}): Promise<TestHub> {
  const root = tempDir('root');
  writeFileSync(join(root, 'index.html'), STUB_PAGE);
  const logs: string[] = [];
  const server = await startHub({ port: 0, host: '127.0.0.1', root, ...options, log: (event, details) => logs.push(`${event} ${details ?? ''}`) });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('hub has no address');
  const secure = Boolean(options.cert);
  const hub: TestHub = {
    server,
    port: address.port,
    logs,
    url: (path) => `${secure ? 'https' : 'http'}://127.0.0.1:${address.port}${path}`,
    ws: (path) => `${secure ? 'wss' : 'ws'}://127.0.0.1:${address.port}${path}`,
    health: async () => (await fetch(hub.url('/healthz'))).json() as Promise<HubStats>,
    stop: () => server.stop(),
  };
  cleanups.push(() => server.stop());
  return hub;
}

/** Polls `check` until it returns true; a timeout names what was awaited. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface RelayClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves once the hub has sent its state and acknowledged every local change. */
  settled(): Promise<void>;
  destroy(): void;
}

/** A room's keys for tests that name rooms directly rather than through a workshop's invite. */
export const testKeys = (room: string): RoomKeys => ({ room, auth: sha256(utf8ToBytes(`test key of ${room}`)) });

/** A device on the relay, as the app makes one (Node has no WebSocket of its own before 22): by
 *  default a facilitator's on the hub's computer, which brings the room to the hub. */
export function relayClient(
  hub: Pick<TestHub, 'ws'>, room: string,
  options: { socket?: HocuspocusProviderWebsocket; doc?: Y.Doc; keys?: RoomKeys; register?: boolean; pairingCode?: string } = {},
): RelayClient {
  const access = { keys: options.keys ?? testKeys(room), register: options.register ?? true, pairingCode: options.pairingCode ?? '' };
  const socket = options.socket ?? new HocuspocusProviderWebsocket({ url: hub.ws('/sync'), WebSocketPolyfill: secureSocketClass(access, WebSocket) });
  const doc = options.doc ?? new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  const client: RelayClient = {
    doc,
    provider,
    socket,
    settled: () => until(`${room} is synced with the hub`, () => provider.synced && provider.unsyncedChanges === 0),
    destroy: () => {
      provider.destroy();
      if (!options.socket) socket.destroy();
    },
  };
  cleanups.push(() => client.destroy());
  return client;
}

export interface SignalClient {
  /** The WebSocket under the channel: what a stranger on the Wi-Fi sees of this device. */
  wire: WebSocket;
  /** Sends a y-webrtc signaling message, through the channel. */
  send(message: object): void;
  /** The next message the hub sends, opened and parsed. */
  next(): Promise<Record<string, unknown>>;
  /** Every message received so far. */
  received: Record<string, unknown>[];
  /** How the socket ended: close code and reason. */
  closed: Promise<string>;
  close(): void;
}

/** A device on /signal, through the encrypted channel as the app's y-webrtc reaches the hub
 *  (src/sync/secure-signaling.ts); resolves once the hub let it in, or rejects with the hub's
 *  close code and reason. By default a facilitator's on the hub's computer, which registers the room. */
export async function signalClient(
  hub: Pick<TestHub, 'ws'>, room: string,
  options: { keys?: RoomKeys; register?: boolean; pairingCode?: string; ws?: WebSocket.ClientOptions } = {},
): Promise<SignalClient> {
  const access = { keys: options.keys ?? testKeys(room), register: options.register ?? true, pairingCode: options.pairingCode ?? '' };
  let wire: WebSocket | undefined;
  class Wire extends WebSocket {
    constructor(url: string) {
      super(url, options.ws);
      wire = this;
    }
  }
  const socket = new SignalingSocket(hub.ws('/signal'), access, Wire);
  cleanups.push(() => socket.close());
  const received: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data) as Record<string, unknown>;
    received.push(message);
    waiting.shift()?.(message);
  };
  const closed = new Promise<string>((done) => { socket.onclose = (e) => done(`${e.code} ${e.reason}`); });
  await new Promise<void>((done, fail) => {
    socket.onopen = () => done();
    void closed.then((how) => fail(new Error(how)));
  });
  return {
    wire: wire!,
    send: (message) => socket.send(JSON.stringify(message)),
    next: () => new Promise((done) => waiting.push(done)),
    received,
    closed,
    close: () => socket.close(),
  };
}

/** A raw WebSocket, opened; closed after the test. */
export async function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, options);
  cleanups.push(() => ws.terminate());
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return ws;
}

/** The next message on `ws`, parsed as JSON. */
export function nextJson(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((done) => ws.once('message', (data) => done(JSON.parse(String(data)) as Record<string, unknown>)));
}

/** The status line an upgrade to `url` gets when the hub refuses it. */
export function refusedWith(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, options);
    ws.once('unexpected-response', (request, response) => {
      done(response.statusCode ?? 0);
      request.destroy();
    });
    // Aborting the refused handshake is reported as an error: expected here.
    ws.on('error', () => undefined);
    ws.once('open', () => {
      ws.terminate();
      fail(new Error(`${url} was accepted`));
    });
  });
}

/** A raw TCP connection that completes a WebSocket handshake on `path`, then does as it is told:
 *  the way to send what no well-behaved client library would. */
export async function rawSocket(hub: TestHub, path: string) {
  const socket = connect(hub.port, '127.0.0.1');
  cleanups.push(() => socket.destroy());
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
    + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
  const status = await new Promise<string>((done) => socket.once('data', (data: Buffer) => done(data.toString().split('\r\n')[0]!)));
  return { socket, status };
}

const MASK = [1, 2, 3, 4];

/** The header of a masked client frame (clients must mask) announcing `length` payload bytes. */
export function frameHeader(opcode: number, length: number): Buffer {
  const mask = MASK;
  if (length < 126) return Buffer.from([0x80 | opcode, 0x80 | length, ...mask]);
  const wide = length > 0xffff;
  const header = Buffer.alloc(wide ? 14 : 8);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | (wide ? 127 : 126);
  if (wide) header.writeBigUInt64BE(BigInt(length), 2);
  else header.writeUInt16BE(length, 2);
  header.set(mask, wide ? 10 : 4);
  return header;
}

/** A whole masked client frame. */
export function frame(opcode: number, payload: Buffer): Buffer {
  return Buffer.concat([frameHeader(opcode, payload.length), payload.map((b, i) => b ^ MASK[i % 4]!)]);
}
