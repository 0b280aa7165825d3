import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SignalingConn } from 'y-webrtc';
import { routeSignaling, SignalingSocket } from '../../../src/sync/secure-signaling';
import { cleanUp, onCleanUp, startTestHub, testKeys, until } from '../hub/helpers';

afterEach(cleanUp);

describe('the route y-webrtc\'s signaling takes to the hub', () => {
  it('gives a routed address the channel and any other address the platform\'s WebSocket', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const hub = await startTestHub();
    const route = routeSignaling(hub.ws('/signal'), { keys: testKeys('cg-route'), register: true, pairingCode: '' });
    const Global = (globalThis as unknown as { WebSocket: new (url: string) => { close(): void } }).WebSocket;
    const routed = new Global(route.url);
    const plain = new Global(hub.ws('/signal'));
    // Closed before it opens, which `ws` reports as an error.
    (plain as WebSocket).on('error', () => undefined);
    onCleanUp(() => { routed.close(); plain.close(); });
    expect(routed).toBeInstanceOf(SignalingSocket);
    expect(plain).toBeInstanceOf(WebSocket);
    expect(route.url).not.toBe(routeSignaling(hub.ws('/signal'), { keys: testKeys('cg-route'), register: true, pairingCode: '' }).url);
    route.release();
    const released = new Global(route.url);
    (released as WebSocket).on('error', () => undefined);
    onCleanUp(() => released.close());
    expect(released).toBeInstanceOf(WebSocket);
  });

  it('carries y-webrtc\'s own signaling client into its room on the hub', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const hub = await startTestHub();
    const conns = [true, false].map((register) => {
      const route = routeSignaling(hub.ws('/signal'), { keys: testKeys('cg-yjs'), register, pairingCode: '' });
      const conn = new SignalingConn(route.url);
      onCleanUp(() => { conn.destroy(); route.release(); });
      return conn;
    });
    await until('both connected', () => conns.every((c) => c.connected));
    const heard: unknown[] = [];
    conns[1]!.on('message', (m: { type: string; data?: unknown }) => { if (m.type === 'publish') heard.push(m.data); });
    for (const conn of conns) conn.send({ type: 'subscribe', topics: ['cg-yjs'] });
    await until('one topic', async () => (await hub.health()).signalRooms === 1);
    conns[0]!.send({ type: 'publish', topic: 'cg-yjs', data: { type: 'announce', from: 'a' } });
    await until('the other heard it', () => heard.length === 1);
    expect(heard).toEqual([{ type: 'announce', from: 'a' }]);
  });
});
