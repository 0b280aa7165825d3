import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomKeys } from '../../src/core/channel/room-keys';
import { inviteLink } from '../../src/sync/invite';
import { joinRoom } from '../../src/sync/node-client';
import { secureSocketClass } from '../../src/sync/secure-socket';
import { startHubProcess, type HubProcess } from './hub-process';
import { until } from '../unit/hub/helpers';

/* What a stranger on the room's Wi-Fi gets from the hub (built, as its own process) in plain-http
 * mode: every byte between the devices and the hub, read through a proxy on loopback. */

const WORKSHOP = 'sn1ffedw0rkshop1';
const SECRET = 'q'.repeat(32);
const NOTES = ['Budget line for the district water board', 'Second opinion from the ministry'];

let data: string;
let hub: HubProcess;
let proxy: Server;
let proxied = '';
const wire: Buffer[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  data = mkdtempSync(join(tmpdir(), 'cg-channel-'));
  hub = await startHubProcess(data);
  const target = new URL(hub.url);
  proxy = createServer((inbound) => {
    const outbound = connect(Number(target.port), target.hostname);
    inbound.on('data', (d: Buffer) => { wire.push(d); outbound.write(d); });
    outbound.on('data', (d: Buffer) => { wire.push(d); inbound.write(d); });
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
