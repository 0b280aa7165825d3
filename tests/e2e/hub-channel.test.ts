import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomKeys, type RoomKeys } from '../../src/core/channel/room-keys';
import { inviteLink } from '../../src/sync/invite';
import { joinRoom } from '../../src/sync/node-client';
import { routeSignaling } from '../../src/sync/secure-signaling';
import { secureSocketClass } from '../../src/sync/secure-socket';
import { SignalingConn } from 'y-webrtc';
import { startHubProcess, type HubProcess } from './hub-process';
import { until } from '../unit/hub/helpers';

/* What a stranger on the room's Wi-Fi gets from the hub (built, as its own process) in plain-http
 * mode: every byte between the devices and the hub, relay and signaling, read through a proxy on
 * loopback. */

const WORKSHOP = 'sn1ffedw0rkshop1';
const SECRET = 'q'.repeat(32);
const NOTES = ['Budget line for the district water board', 'Second opinion from the ministry'];

let data: string;
let hub: HubProcess;
let proxy: Server;
let proxied = '';
const wire: Buffer[] = [];
/** What went over the connections to /signal. */
const signalWire: Buffer[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  data = mkdtempSync(join(tmpdir(), 'cg-channel-'));
  hub = await startHubProcess(data);
  const target = new URL(hub.url);
  proxy = createServer((inbound) => {
    const outbound = connect(Number(target.port), target.hostname);
    let seen: Buffer[] = wire;
    inbound.once('data', (d: Buffer) => { if (d.toString('latin1').startsWith('GET /signal')) seen = signalWire; });
    inbound.on('data', (d: Buffer) => { seen.push(d); outbound.write(d); });
    outbound.on('data', (d: Buffer) => { seen.push(d); inbound.write(d); });
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  proxied = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((done) => proxy?.close(done));
  hub?.child.kill('SIGTERM');
  await hub?.exited;
  rmSync(data, { recursive: true, force: true });
});

const link = (secret: string) => inviteLink(`${proxied}/`, { workshopId: WORKSHOP, secret, hub: proxied, title: 'Sniffed', root: null });

describe('the relay on a hostile Wi-Fi', () => {
  it('carries nothing readable: no note, no workshop id, no room name, no secret', async () => {
    const facilitator = await joinRoom(link(SECRET), { register: true, onOpen: ({ doc }) => doc.getArray('boards').push([new Y.Map()]) });
    // The room exists once the facilitator's device has registered it: a phone earlier is a stranger.
    await until('the facilitator has registered the room', () => facilitator.sync.status.hub === 'connected', 10_000);
    const phone = await joinRoom(link(SECRET));
    try {
      facilitator.doc.transact(() => facilitator.doc.getMap('notes').set('n1', NOTES[0]), facilitator.origin);
      phone.doc.transact(() => phone.doc.getMap('notes').set('n2', NOTES[1]), phone.origin);
      await until('both notes went round', () => phone.doc.getMap('notes').get('n1') === NOTES[0] && facilitator.doc.getMap('notes').get('n2') === NOTES[1], 10_000);
    } finally {
      facilitator.destroy();
      phone.destroy();
    }
    const sniffed = Buffer.concat(wire);
    expect(sniffed.length).toBeGreaterThan(1000);
    const { room, auth } = roomKeys(WORKSHOP, SECRET);
    for (const secret of [...NOTES, 'district water', WORKSHOP, room, room.slice(3), SECRET]) {
      expect(sniffed.includes(Buffer.from(secret)), secret).toBe(false);
    }
    expect(sniffed.includes(Buffer.from(auth))).toBe(false);
  });

  it('turns away a device that knows only the workshop id, or holds another secret, and keeps nothing of it', async () => {
    const rooms = async () => {
      const { rooms: open, stored } = (await (await fetch(`${hub.url}healthz`)).json()) as { rooms: number; stored: { rooms: number } };
      return { open, stored: stored.rooms };
    };
    // The earlier test's room, saved and closed once its devices left.
    await until('the hub has closed every room', async () => (await rooms()).open === 0, 10_000);
    const files = readdirSync(data).sort();
    const before = await rooms();
    // The room name the workshop id alone gave before rooms were named from the secret.
    const Socket = secureSocketClass({ keys: { room: `cg-${WORKSHOP}`, auth: new Uint8Array(32) }, register: false, pairingCode: '' });
    const stranger = new Socket(`${proxied.replace('http', 'ws')}/sync`);
    const closed = await new Promise<string>((done) => stranger.addEventListener('close', (e) => done(`${(e as { code: number }).code} ${(e as { reason: string }).reason}`)));
    expect(closed).toBe('4401 not-invited');
    await expect(joinRoom(link('r'.repeat(32)))).rejects.toThrow(/not invited/);
    expect(readdirSync(data).sort()).toEqual(files);
    expect(await rooms()).toEqual(before);
  });
});

/** A WebRTC offer and a candidate as Chromium makes them: what y-webrtc publishes through signaling. */
const OFFER = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n'
  + 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:Xk3f\r\na=ice-pwd:cAQpVW6fMmcCVkWiTfvQHnNQ\r\n'
  + 'a=fingerprint:sha-256 6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r\n';
const CANDIDATE = 'candidate:842163049 1 udp 1677729535 192.168.1.31 50974 typ srflx raddr 0.0.0.0 rport 0 generation 0';

/** A y-webrtc signaling connection as the app opens one to its hub: y-webrtc's own client, its
 *  socket routed through the channel (src/sync/secure-signaling.ts), to the hub behind the proxy. */
function signalingConn(secret: string, register: boolean): { conn: SignalingConn; release(): void } {
  const keys = roomKeys(WORKSHOP, secret);
  const route = routeSignaling(`${proxied.replace('http', 'ws')}/signal`, { keys, register, pairingCode: '' });
  return { conn: new SignalingConn(route.url), release: route.release };
}

const connected = (conn: SignalingConn) => new Promise<void>((done) => conn.once('connect', () => done()));

describe('signaling on a hostile Wi-Fi', () => {
  it('carries offers and candidates between the room\'s devices with nothing readable on the wire', async () => {
    const { room } = roomKeys(WORKSHOP, SECRET);
    const facilitator = signalingConn(SECRET, true);
    const phone = signalingConn(SECRET, false);
    try {
      await Promise.all([connected(facilitator.conn), connected(phone.conn)]);
      const heard: unknown[] = [];
      phone.conn.on('message', (message: { type: string; data?: unknown }) => { if (message.type === 'publish') heard.push(message.data); });
      for (const { conn } of [facilitator, phone]) conn.send({ type: 'subscribe', topics: [room] });
      await until('both subscribed', async () => ((await (await fetch(`${hub.url}healthz`)).json()) as { signalRooms: number }).signalRooms === 1);
      const signals = [
        { type: 'signal', from: 'facilitator', to: 'phone', token: 1, signal: { type: 'offer', sdp: OFFER } },
        { type: 'signal', from: 'facilitator', to: 'phone', token: 1, signal: { type: 'candidate', candidate: { candidate: CANDIDATE, sdpMid: '0' } } },
        { type: 'signal', from: 'facilitator', to: 'phone', token: 1, signal: { type: 'note', text: NOTES[0] } },
      ];
      for (const data of signals) facilitator.conn.send({ type: 'publish', topic: room, data });
      await until('the phone heard every signal', () => heard.length === signals.length, 10_000);
      expect(heard).toEqual(signals);
    } finally {
      for (const { conn, release } of [facilitator, phone]) {
        conn.destroy();
        release();
      }
    }
    const sniffed = Buffer.concat(signalWire);
    expect(sniffed.length).toBeGreaterThan(1000);
    for (const clear of [NOTES[0]!, WORKSHOP, room, room.slice(3), SECRET, 'v=0', 'a=ice-pwd', 'fingerprint', 'candidate', 'typ srflx', '192.168.1.31', 'offer', 'sdp', 'subscribe', 'publish', 'topic']) {
      expect(sniffed.includes(Buffer.from(clear)), clear).toBe(false);
    }
  });

  it('turns away a device that knows only the workshop id, or holds another secret, and keeps nothing of it', async () => {
    const files = readdirSync(data).sort();
    const guesses: RoomKeys[] = [{ room: `cg-${WORKSHOP}`, auth: new Uint8Array(32) }, roomKeys(WORKSHOP, 'r'.repeat(32))];
    for (const keys of guesses) {
      let route: ReturnType<typeof routeSignaling> | undefined;
      let conn: SignalingConn | undefined;
      const how = await new Promise<string>((done) => {
        route = routeSignaling(`${proxied.replace('http', 'ws')}/signal`, { keys, register: false, pairingCode: '' }, {
          opened: () => done('let in'),
          closed: (e) => done(`${e.code} ${e.reason}`),
        });
        conn = new SignalingConn(route.url);
      });
      conn!.destroy();
      route!.release();
      expect(how).toBe('4401 not-invited');
    }
    expect(readdirSync(data).sort()).toEqual(files);
    expect(((await (await fetch(`${hub.url}healthz`)).json()) as { signalRooms: number }).signalRooms).toBe(0);
  });
});
