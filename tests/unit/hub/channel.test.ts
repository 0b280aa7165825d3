import { readdirSync } from 'node:fs';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { roomKeys, type RoomKeys } from '../../../src/core/channel/room-keys';
import { acceptChannel, onThisMachine } from '../../../src/hub/channel';
import { ROOM_KEYS_FILE, RoomKeyStore } from '../../../src/hub/room-keys';
import { inviteLink } from '../../../src/sync/invite';
import { joinRoom } from '../../../src/sync/node-client';
import { secureSocketClass, type ChannelAccess } from '../../../src/sync/secure-socket';
import { cleanUp, onCleanUp, relayClient, startTestHub, tempDir, until } from './helpers';

afterEach(cleanUp);

const WORKSHOP = 'ch4nnel0w0rkshop';
const SECRET = 's'.repeat(32);
const keys = roomKeys(WORKSHOP, SECRET);

/** Opens a channel socket and resolves with how it ended: 'open', or the close code and reason. */
function knock(url: string, access: ChannelAccess, Inner: unknown = WebSocket): Promise<string> {
  const Socket = secureSocketClass(access, Inner);
  const socket = new Socket(url);
  onCleanUp(() => socket.close());
  return new Promise((done) => {
    socket.addEventListener('open', () => done('open'));
    socket.addEventListener('close', (e) => done(`${(e as { code: number }).code} ${(e as { reason: string }).reason}`));
  });
}

async function workshopOnHub(hub: Awaited<ReturnType<typeof startTestHub>>): Promise<void> {
  const facilitator = relayClient(hub, keys.room, { keys });
  facilitator.doc.getArray('boards').push([new Y.Map()]);
  await facilitator.settled();
}

describe('the relay\'s door', () => {
  it('refuses a device that knows only the workshop id, or holds another secret, and keeps nothing of it', async () => {
    const data = tempDir('channel');
    const hub = await startTestHub({ data });
    const filesBefore = readdirSync(data);
    // The room name the id alone gave before, and the one a wrong secret gives now.
    const guesses: RoomKeys[] = [{ room: `cg-${WORKSHOP}`, auth: new Uint8Array(32) }, roomKeys(WORKSHOP, 't'.repeat(32))];
    for (const guess of guesses) expect(await knock(hub.ws('/sync'), { keys: guess, register: false, pairingCode: '' })).toBe('4401 not-invited');
    expect(readdirSync(data)).toEqual(filesBefore);
    expect((await hub.health()).rooms).toBe(0);
    expect((await hub.health()).stored.rooms).toBe(0);
    expect(hub.logs.filter((l) => l.startsWith('not-invited'))).toHaveLength(2);

    await workshopOnHub(hub);
    const wrong = inviteLink(hub.url('/'), { workshopId: WORKSHOP, secret: 't'.repeat(32), hub: hub.url(''), title: 'T', root: null });
    await expect(joinRoom(wrong)).rejects.toThrow(/not invited/);
    const right = await joinRoom(inviteLink(hub.url('/'), { workshopId: WORKSHOP, secret: SECRET, hub: hub.url(''), title: 'T', root: null }));
    right.destroy();
    expect(readdirSync(data)).toContain(ROOM_KEYS_FILE);
  });

  it('closes a channel on a replayed frame', async () => {
    const hub = await startTestHub();
    await workshopOnHub(hub);
    const frames: Buffer[] = [];
    const sockets: WebSocket[] = [];
    /** The wire under the channel: what was sent, and a way to send it again. */
    class Recording extends WebSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
        const send = this.send.bind(this) as (data: Buffer) => void;
        this.send = ((data: Buffer) => { frames.push(Buffer.from(data)); send(data); }) as typeof this.send;
      }
    }
    const socket = new HocuspocusProviderWebsocket({ url: hub.ws('/sync'), WebSocketPolyfill: secureSocketClass({ keys, register: false, pairingCode: '' }, Recording) });
    const device = relayClient(hub, keys.room, { keys, socket });
    await device.settled();
    const closed: string[] = [];
    sockets[0]!.on('close', (code, reason) => closed.push(`${code} ${reason.toString()}`));
    sockets[0]!.send(frames.at(-1)!);
    await until('the hub closes the channel', () => closed.length > 0);
    expect(closed).toEqual(['4400 bad-frame']);
    expect(hub.logs.some((l) => l.startsWith('bad-frame'))).toBe(true);
    device.destroy();
    socket.destroy();
  });

  it('lets a device on another computer register a room with the pairing code only', async () => {
    const store = await RoomKeyStore.open(null);
    const logs: string[] = [];
    const opened: string[] = [];
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    onCleanUp(() => new Promise((done) => server.close(done)));
    // As a socket from a phone on the Wi-Fi reaches the hub.
    server.on('connection', (ws) => acceptChannel(ws, '192.0.2.7', false, { keys: store, pairingCode: 'AB12-CD34-EF56-GH78', log: (e, d) => logs.push(`${e} ${d}`) }, (_s, room) => opened.push(room)));
    await new Promise((done) => server.once('listening', done));
    const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/sync`;

    expect(await knock(url, { keys, register: true, pairingCode: '' })).toBe('4401 not-invited');
    expect(await knock(url, { keys, register: true, pairingCode: 'AB12-CD34-EF56-GH79' })).toBe('4401 not-invited');
    expect(store.size).toBe(0);
    expect(logs.filter((l) => l.includes('registration without the pairing code'))).toHaveLength(2);

    expect(await knock(url, { keys, register: true, pairingCode: 'ab12 cd34 ef56 gh78' })).toBe('open');
    expect(store.size).toBe(1);
    // From then on the room's devices come in with the key alone; a second key cannot take it over.
    expect(await knock(url, { keys, register: false, pairingCode: '' })).toBe('open');
    expect(await knock(url, { keys: { room: keys.room, auth: new Uint8Array(32).fill(1) }, register: true, pairingCode: 'AB12-CD34-EF56-GH78' })).toBe('4401 not-invited');
    expect(opened).toEqual([keys.room, keys.room]);
  });
});

describe('a socket from this computer', () => {
  it('is one over loopback or to one of its own addresses, and no other', () => {
    expect(onThisMachine({ remoteAddress: '127.0.0.1', localAddress: '127.0.0.1' })).toBe(true);
    expect(onThisMachine({ remoteAddress: '::ffff:127.0.0.1', localAddress: '::ffff:127.0.0.1' })).toBe(true);
    expect(onThisMachine({ remoteAddress: '::1', localAddress: '::1' })).toBe(true);
    // The facilitator's browser on the hub's laptop, opening the LAN address from the banner.
    expect(onThisMachine({ remoteAddress: '192.168.1.20', localAddress: '192.168.1.20' })).toBe(true);
    expect(onThisMachine({ remoteAddress: '192.168.1.31', localAddress: '192.168.1.20' })).toBe(false);
    expect(onThisMachine({ remoteAddress: undefined, localAddress: undefined })).toBe(false);
  });
});

describe('the channel\'s heartbeat', () => {
  it('is answered by the hub with a heartbeat of 16 bytes on the wire, and reaches neither relay nor provider', async () => {
    const hub = await startTestHub();
    onCleanUp(() => hub.stop());
    const wire: number[] = [];
    class Counted extends WebSocket {
      constructor(url: string) {
        super(url);
        this.on('message', (data: ArrayBuffer) => wire.push(data.byteLength));
      }
    }
    const Socket = secureSocketClass({ keys, register: true, pairingCode: '' }, Counted);
    const socket = new Socket(hub.ws('/sync'));
    onCleanUp(() => socket.close());
    await new Promise<void>((done) => socket.addEventListener('open', () => done()));
    const messages: unknown[] = [];
    let heard = 0;
    socket.addEventListener('message', (e) => messages.push(e));
    socket.addEventListener('heard', () => { heard++; });
    const before = wire.length;
    socket.heartbeat();
    socket.heartbeat();
    await until('both heartbeats came back', () => heard === 2);
    expect(wire.slice(before)).toEqual([16, 16]);
    expect(messages).toEqual([]);
  });
});
