import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomKeys } from '../../src/core/channel/room-keys';
import { initWorkshop } from '../../src/core/meta';
import { fileBase, SNAPSHOT } from '../../src/hub/data-dir';
import { createBoard } from '../../src/core/boards';
import type { HubRefusal } from '../../src/core/hub-refusals';
import { inviteLink } from '../../src/sync/invite';
import { joinRoom, type ScriptDevice } from '../../src/sync/node-client';
import { refusalOf } from '../../src/sync/refusals';
import { secureSocketClass } from '../../src/sync/secure-socket';
import { cleanUp, onCleanUp, openSocket, refusedWith as refusedUpgrade, relayClient, testKeys, until } from '../unit/hub/helpers';

/* The hub's quotas, attacked as the issue found them, against the built hub (`common-ground-hub`)
 * as a process of its own, with small limits so the attacks stay small. */

const project = resolve(import.meta.dirname, '../..');
const KiB = 1024;
const LIMITS = {
  'max-update': '64K', 'max-room': '256K', 'max-rooms': '6', 'max-stored': '16M',
  'max-sockets-per-address': '6', 'max-sockets': '10',
};

const data = mkdtempSync(join(tmpdir(), 'cg-quota-'));
let child: ChildProcess;
let output = '';
let base = '';

beforeAll(async () => {
  if (!existsSync(join(project, 'build/hub/main.js'))) throw new Error('no build/hub/main.js: run `npm run build` first');
  const flags = Object.entries(LIMITS).flatMap(([flag, value]) => [`--${flag}`, value]);
  child = spawn(process.execPath, ['build/hub/main.js', '--host', '127.0.0.1', '--port', '0', '--data', data, '--root', 'dist', ...flags],
    { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  await until('the hub prints its address', () => /127\.0\.0\.1:(\d+)/.test(output), 20_000);
  base = `127.0.0.1:${/127\.0\.0\.1:(\d+)/.exec(output)![1]}`;
});

afterAll(async () => {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  rmSync(data, { recursive: true, force: true });
});

afterEach(cleanUp);

const hub = { ws: (path: string) => `ws://${base}${path}` };
const health = async () => (await fetch(`http://${base}/healthz`)).json() as Promise<{ clients: number; stored: { rooms: number } }>;
const roomFiles = () => readdirSync(data).filter((f) => f.endsWith(SNAPSHOT));

/** Puts a workshop with one board in a new room on the hub, as a facilitator's device would. */
async function workshopOnHub(workshopId: string): Promise<string> {
  const keys = roomKeys(workshopId, 's'.repeat(32));
  const facilitator = relayClient(hub, keys.room, { keys });
  initWorkshop(facilitator.doc, { title: 'Quota test', createdBy: 'f' }, 'test');
  createBoard(facilitator.doc, { type: 'notes', title: 'Ideas' }, 'test');
  await facilitator.settled();
  facilitator.destroy();
  return inviteLink(`http://${base}/`, { workshopId, secret: 's'.repeat(32), hub: `http://${base}`, title: 'Quota test', root: null });
}

/* A refused device reconnects a second after each refusal, and Hocuspocus' provider still runs
 * that reconnection when destroyed in between, leaving a socket open behind it. Destroyed the
 * moment it is connected, a device leaves nothing behind. */
const whenConnected = (connected: () => boolean, subscribe: (check: () => void) => void) => new Promise<void>((done) => {
  const check = () => { if (connected()) done(); };
  subscribe(check);
  check();
});

async function device(link: string): Promise<ScriptDevice> {
  const joined = await joinRoom(link);
  onCleanUp(() => whenConnected(() => joined.sync.status.hub === 'connected', (check) => joined.sync.subscribe(check)).then(() => joined.destroy()));
  return joined;
}

/** A modified client on the relay, without a provider's reconnections: registers and joins `room`
 *  (Hocuspocus' auth message, with no token) and sends one update, or none; resolves with the
 *  refusal it is closed with, or null once the hub has acknowledged the update (or let it in). */
async function sendUpdate(room: string, update: Uint8Array | null): Promise<HubRefusal | null> {
  const Socket = secureSocketClass({ keys: testKeys(room), register: true, pairingCode: '' }, WebSocket);
  const ws = new Socket(hub.ws('/sync'));
  onCleanUp(() => ws.close());
  await new Promise((done, fail) => { ws.addEventListener('open', done); ws.addEventListener('close', fail); });
  const message = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const answer = new Promise<HubRefusal | null>((done) => {
    ws.addEventListener('message', (event) => {
      const decoder = decoding.createDecoder(new Uint8Array((event as { data: ArrayBuffer }).data));
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.SyncStatus || (update === null && type === MessageType.Auth)) done(null);
    });
    ws.addEventListener('close', (event) => done(refusalOf(event as { code?: number; reason?: string })));
  });
  ws.send(message((e) => { encoding.writeVarUint(e, MessageType.Auth); encoding.writeVarUint(e, 0); encoding.writeVarString(e, ''); }));
  if (update) ws.send(message((e) => { encoding.writeVarUint(e, MessageType.Sync); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }));
  const result = await answer;
  ws.close();
  return result;
}

const junk = (bytes: number) => 'x'.repeat(bytes);

function junkUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('junk').set('x', junk(bytes));
  return Y.encodeStateAsUpdate(doc);
}

describe('the hub\'s quotas', () => {
  it('refuses an oversized update and tells its device, which keeps it as not yet shared; the room carries on without it', async () => {
    const link = await workshopOnHub('quotaoversized01');
    const sender = await device(link);
    const other = await device(link);
    const received: Uint8Array[] = [];
    other.doc.on('update', (update: Uint8Array) => received.push(update));

    // Joining is over (every acknowledgement of it in) once a first change has gone round.
    sender.doc.transact(() => sender.doc.getMap('notes').set('n0', 'hello'), sender.origin);
    await until('the first change is shared', () => other.doc.getMap('notes').has('n0') && sender.sync.status.pending === 0);
    sender.doc.transact(() => sender.doc.getMap('junk').set('big', junk(1024 * KiB)), sender.origin);
    await until('the sender is told why', () => sender.sync.status.refused === 'update-too-large', 10_000);
    expect(sender.sync.status.pending).toBeGreaterThan(0);
    expect(sender.doc.getMap('junk').get('big')).toHaveLength(1024 * KiB);

    const third = await device(link);
    third.doc.getMap('notes').set('n1', 'after the refusal');
    await until('the other device still receives the room', () => other.doc.getMap('notes').get('n1') === 'after the refusal');
    other.doc.getMap('notes').set('n2', 'and still sends');
    await until('a third device receives it', () => third.doc.getMap('notes').get('n2') === 'and still sends');
    expect(other.doc.getMap('junk').size).toBe(0);
    expect(third.doc.getMap('junk').size).toBe(0);
    expect(Math.max(...received.map((u) => u.byteLength))).toBeLessThan(64 * KiB);
    expect(other.sync.status.refused).toBeNull();
  });

  it('refuses updates that would take a room over its size, saying the room is full', async () => {
    const link = await workshopOnHub('quotaroomfull01');
    const writer = await device(link);
    const reader = await device(link);
    const parts = (d: ScriptDevice) => d.doc.getMap('junk').size;
    for (let i = 0; writer.sync.status.refused === null && i < 10; i++) {
      writer.doc.transact(() => writer.doc.getMap('junk').set(`part${i}`, junk(60 * KiB)), writer.origin);
      await until(`part ${i} reaches the room or is refused`, () => parts(reader) > i || writer.sync.status.refused !== null, 10_000);
    }
    expect(writer.sync.status.refused).toBe('room-full');
    expect(writer.sync.status.pending).toBeGreaterThan(0);
    expect([parts(writer), parts(reader)]).toEqual([5, 4]);
    const later = await device(link);
    expect(parts(later)).toBe(4);
    expect(reader.sync.status.refused).toBeNull();
  });

  it('refuses new rooms beyond the cap, saying the hub is full, and creates no file for them', async () => {
    // Rooms opened and left unused take no place once their device is gone.
    for (let i = 0; i < 10; i++) expect(await sendUpdate(`cg-unused${i}`, null)).toBeNull();
    await until('the unused rooms are forgotten', async () => (await health()).stored.rooms === 2);
    const answers: (HubRefusal | null)[] = [];
    for (let i = 0; i < 7; i++) answers.push(await sendUpdate(`cg-flood${i}`, junkUpdate(KiB)));
    // Two rooms are the earlier tests'.
    expect(answers).toEqual([null, null, null, null, 'hub-full', 'hub-full', 'hub-full']);
    await until('every kept room is on disk', () => roomFiles().length === 6, 10_000);
    expect((await health()).stored.rooms).toBe(6);
    expect(roomFiles().filter((f) => [0, 1, 2, 3].some((i) => f === fileBase(`cg-flood${i}`) + SNAPSHOT))).toHaveLength(4);
    expect(output).toMatch(/hub: room-refused 127\.0\.0\.1: cg-flood4 is new and the hub keeps 6 rooms \(limit 6\)/);

    // A room the hub keeps still opens.
    const link = inviteLink(`http://${base}/`, { workshopId: 'quotaoversized01', secret: 's'.repeat(32), hub: `http://${base}`, title: 'Quota test', root: null });
    await device(link);
  });

  it('refuses sockets from one address beyond its share while another address still connects, and all beyond the global cap', async () => {
    await until('earlier sockets are gone', async () => (await health()).clients === 0);
    const open = (localAddress: string) => openSocket(hub.ws('/signal'), { localAddress });
    const refusedWith = (localAddress: string) => refusedUpgrade(hub.ws('/sync'), { localAddress });

    for (let i = 0; i < 6; i++) await open('127.0.0.1');
    expect(await refusedWith('127.0.0.1')).toBe(429);
    for (let i = 0; i < 4; i++) await open('127.0.0.2');
    expect((await health()).clients).toBe(10);
    expect(await refusedWith('127.0.0.3')).toBe(503);
    expect(await refusedWith('127.0.0.2')).toBe(503);
    expect(output).toMatch(/hub: too-many-sockets 127\.0\.0\.1: already holds 6 \(limit 6 per address\)/);
    expect(output).toMatch(/hub: too-many-sockets 127\.0\.0\.3: the hub holds 10 sockets \(limit 10\)/);
  });
});
