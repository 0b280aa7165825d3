import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomKeys } from '../../src/core/channel/room-keys';
import { fileBase } from '../../src/hub/data-dir';
import { encodeRecord } from '../../src/hub/journal';
import { inviteLink } from '../../src/sync/invite';
import { joinRoom, type ScriptDevice } from '../../src/sync/node-client';
import type { SecureSocket } from '../../src/sync/secure-socket';
import { networkTransports, type Transports } from '../../src/sync/transports';
import { startHubProcess } from './hub-process';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const SYNC = 0;
const SYNC_STATUS = 8;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** What one socket sent and what the hub acknowledged, read off the wire: Hocuspocus answers
 *  every sync step 2 and update it applies with one SyncStatus, in order. */
interface Tap {
  /** The note keys each sent update carries, in the order sent. */
  sent: string[][];
  acks: number;
}
const taps: Tap[] = [];

const keysIn = (update: Uint8Array): string[] =>
  Y.decodeUpdate(update).structs.flatMap((s) => (s instanceof Y.Item && s.parentSub ? [s.parentSub] : []));

/** The scripts' client's relay, recording every update its socket sends and every acknowledgement,
 *  in the clear, above the encrypted channel. */
const tapped = (Socket: new (url: string) => SecureSocket) => class extends Socket {
  readonly #tap: Tap = { sent: [], acks: 0 };

  constructor(url: string) {
    super(url);
    taps.push(this.#tap);
    this.addEventListener('message', (event) => {
      const message = decoding.createDecoder(new Uint8Array((event as { data: ArrayBuffer }).data));
      decoding.readVarString(message);
      if (decoding.readVarUint(message) === SYNC_STATUS && decoding.readVarInt(message) === 1) this.#tap.acks++;
    });
  }

  override send(data: Uint8Array): void {
    const message = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(message);
    if (decoding.readVarUint(message) === SYNC) {
      const step = decoding.readVarUint(message);
      if (step === SYNC_STEP_2 || step === SYNC_UPDATE) this.#tap.sent.push(keysIn(decoding.readVarUint8Array(message)));
    }
    super.send(data);
  }
};
const tappedTransports: Transports = { ...networkTransports, relay: (room) => networkTransports.relay({ ...room, socket: tapped(room.socket) }) };

const SECRET = 'a'.repeat(32);
const link = (workshopId: string, url: string) => inviteLink(url, { workshopId, secret: SECRET, hub: url, title: 'Burst', root: null });

const acknowledged = () => new Set(taps.flatMap((t) => t.sent.slice(0, t.acks).flat()));

const BURST = 'durab1e0burst0aa';

describe('the hub\'s acknowledgement', () => {
  it('means the update survives kill -9 of the hub during a burst from two devices', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cg-durable-'));
    dirs.push(data);
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const hub = await startHubProcess(data);
    const devices: ScriptDevice[] = [];
    try {
      // The first device brings the workshop (a board) itself, as a facilitator's device does.
      devices.push(await joinRoom(link(BURST, hub.url), {
        register: true, transports: tappedTransports, onOpen: ({ doc }) => doc.getArray('boards').push([new Y.Map()]),
      }));
      // The room exists once the facilitator's device has registered it: a device earlier is a stranger.
      await expect.poll(() => devices[0]!.sync.status.hub, { timeout: 10_000 }).toBe('connected');
      devices.push(await joinRoom(link(BURST, hub.url), { transports: tappedTransports }));
      let killed = false;
      const burst = (device: ScriptDevice, name: string) => (async () => {
        for (let i = 0; !killed; i++) {
          device.doc.getMap('notes').set(`${name}-${i}`, i);
          await new Promise((r) => setImmediate(r));
        }
      })();
      const bursts = [burst(devices[0]!, 'a'), burst(devices[1]!, 'b')];
      // Several hundred acknowledged is mid-burst: with a flush before each acknowledgement a
      // loaded two-core machine acknowledges under a hundred a second.
      await expect.poll(() => acknowledged().size, { timeout: 60_000, interval: 5 }).toBeGreaterThan(400);
      hub.child.kill('SIGKILL');
      await hub.exited;
      killed = true;
      await Promise.all(bursts);
    } finally {
      devices.forEach((d) => d.destroy());
    }
    const acked = acknowledged();
    const sent = new Set(taps.flatMap((t) => t.sent.flat()));

    const restarted = await startHubProcess(data);
    try {
      // A hub that lost the board too has no workshop to give: then it holds nothing.
      const reader = await joinRoom(link(BURST, restarted.url), { timeoutMs: 5_000 }).catch(() => null);
      const held = new Set(reader?.doc.getMap('notes').keys());
      reader?.destroy();
      const lost = [...acked].filter((key) => !held.has(key));
      console.log(`hub-durable: ${sent.size} sent, ${acked.size} acknowledged, ${held.size} held after restart, ${lost.length} acknowledged lost`);
      expect(lost).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });

  it('keeps the intact updates of a journal whose end was cut, and says so', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cg-durable-'));
    dirs.push(data);
    const workshopId = 'durab1e0cut00aaa';
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getArray('boards').push([new Y.Map()]);
    for (const key of ['n1', 'n2', 'n3']) doc.getMap('notes').set(key, key);
    const journal = Buffer.concat(updates.map(encodeRecord));
    writeFileSync(join(data, `${fileBase(roomKeys(workshopId, SECRET).room)}.journal`), journal.subarray(0, journal.length - 3));

    const hub = await startHubProcess(data);
    try {
      (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
      const reader = await joinRoom(link(workshopId, hub.url), { register: true });
      expect([...reader.doc.getMap('notes').keys()].sort()).toEqual(['n1', 'n2']);
      reader.destroy();
      expect(hub.output()).toContain(`hub: journal-damaged ${roomKeys(workshopId, SECRET).room}: kept 3 intact update(s)`);
      expect(hub.output()).toMatch(/hub: journal-damaged cg-[0-9a-f]{32}: kept 3 intact update\(s\), dropped \d+ damaged byte\(s\)/);
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  });
});
