import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_LIMITS, RELAY_MESSAGE_OVERHEAD_BYTES } from '../../../src/hub/limits';
import { cleanUp, frame, frameHeader, openSocket, rawSocket, refusedWith, signalClient, startTestHub, until } from './helpers';

afterEach(cleanUp);

const OPCODE_TEXT = 1;
const OPCODE_BINARY = 2;

describe('WebSocket upgrades on the hub\'s one port', () => {
  it('refuses paths other than /sync and /signal with 404', async () => {
    const hub = await startTestHub();
    expect(await refusedWith(hub.ws('/nothing-here'))).toBe(404);
    expect(await refusedWith(hub.ws('/healthz'))).toBe(404);
    expect(hub.logs.filter((l) => l.startsWith('bad-upgrade'))).toHaveLength(2);
    expect((await hub.health()).ok).toBe(true);
  });

  it('answers a malformed handshake itself, with the security headers and a log line', async () => {
    const hub = await startTestHub();
    const answer = (request: string) => new Promise<string>((done) => {
      const socket = connect(hub.port, '127.0.0.1');
      let text = '';
      socket.on('data', (data: Buffer) => { text += data.toString(); });
      socket.on('close', () => done(text));
      socket.write(request);
    });
    const upgrade = 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n';
    const noKey = await answer(`GET /sync HTTP/1.1\r\n${upgrade}\r\n`);
    expect(noKey.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(noKey).toMatch(/content-security-policy: default-src 'self'/i);
    expect(noKey).toMatch(/x-content-type-options: nosniff/i);
    const posted = await answer(`POST /signal HTTP/1.1\r\n${upgrade}Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    expect(posted.split('\r\n')[0]).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(posted).toMatch(/referrer-policy: no-referrer/i);
    expect(hub.logs.filter((l) => l.startsWith('bad-upgrade 127.0.0.1: '))).toHaveLength(2);
    expect((await hub.health()).ok).toBe(true);
  });

  it('counts sockets by the address a reverse proxy saw with --trust-proxy, and ignores the header without it', async () => {
    const behind = (address: string) => ({ headers: { 'X-Forwarded-For': address } });
    for (const trustProxy of [true, false]) {
      const hub = await startTestHub({ trustProxy });
      for (let i = 0; i < DEFAULT_LIMITS.maxSocketsPerAddress; i++) await openSocket(hub.ws('/signal'), behind('203.0.113.1'));
      expect(await refusedWith(hub.ws('/signal'), behind('203.0.113.1'))).toBe(429);
      // What a client wrote before the proxy's own entry does not make it someone else.
      expect(await refusedWith(hub.ws('/signal'), behind('198.51.100.9, 203.0.113.1'))).toBe(429);
      if (trustProxy) expect((await openSocket(hub.ws('/signal'), behind('203.0.113.2'))).readyState).toBe(1);
      else expect(await refusedWith(hub.ws('/signal'), behind('203.0.113.2'))).toBe(429);
      expect(hub.logs.some((l) => l.startsWith(`too-many-sockets ${trustProxy ? '203.0.113.1' : '127.0.0.1'}:`))).toBe(true);
      await cleanUp();
    }
  });

  it('refuses more sockets from one address than the limit with 429, across both endpoints', async () => {
    const hub = await startTestHub();
    const open: WebSocket[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.maxSocketsPerAddress; i++) open.push(await openSocket(hub.ws(i % 2 ? '/sync' : '/signal')));
    expect(await refusedWith(hub.ws('/signal'))).toBe(429);
    expect(await refusedWith(hub.ws('/sync'))).toBe(429);
    expect(hub.logs.filter((l) => l.startsWith('too-many-sockets 127.0.0.1'))).toHaveLength(2);
    expect((await hub.health()).clients).toBe(DEFAULT_LIMITS.maxSocketsPerAddress);

    open[0]!.close();
    await until('a place is free again', async () => (await hub.health()).clients === DEFAULT_LIMITS.maxSocketsPerAddress - 1);
    await openSocket(hub.ws('/signal'));
  });

  it('closes a relay socket announcing an oversized message with 1009 before buffering it', async () => {
    const hub = await startTestHub();
    const { socket, status } = await rawSocket(hub, '/sync');
    expect(status).toBe('HTTP/1.1 101 Switching Protocols');
    const reply = new Promise<Buffer>((done) => socket.once('data', done));
    socket.write(frameHeader(OPCODE_BINARY, DEFAULT_LIMITS.maxUpdateBytes + RELAY_MESSAGE_OVERHEAD_BYTES + 1));
    const frame = await reply;
    expect(frame[0]).toBe(0x88); // a close frame
    expect(frame.readUInt16BE(2)).toBe(1009);
    await until('it is logged', () => hub.logs.some((l) => l.startsWith('message-too-large /sync')));
  });

  it('cleans up after a signaling client that vanishes mid-message', async () => {
    const hub = await startTestHub();
    const device = await signalClient(hub, 'cg-vanish');
    device.send({ type: 'subscribe', topics: ['cg-vanish'] });
    await until('subscribed', async () => (await hub.health()).signalRooms === 1);
    // Half a frame: the header promises 100 bytes, 10 arrive, then the connection is gone.
    const socket = (device.wire as unknown as { _socket: Socket })._socket;
    socket.write(Buffer.concat([frameHeader(OPCODE_BINARY, 100), Buffer.alloc(10, 0x41)]));
    socket.destroy();
    await until('the lost connection is logged', () => hub.logs.includes('connection-lost /signal 127.0.0.1'));
    expect(await hub.health()).toMatchObject({ ok: true, signalRooms: 0, clients: 0 });
  });

  it('cleans up after a relay client that vanishes mid-message', async () => {
    const hub = await startTestHub();
    const { socket } = await rawSocket(hub, '/sync');
    await until('counted', async () => (await hub.health()).clients === 1);
    socket.write(Buffer.concat([frameHeader(OPCODE_BINARY, 1000), Buffer.alloc(10, 0x41)]));
    socket.destroy();
    await until('the lost connection is logged', () => hub.logs.includes('connection-lost /sync 127.0.0.1'));
    expect(await hub.health()).toMatchObject({ ok: true, rooms: 0, clients: 0 });
  });
});
