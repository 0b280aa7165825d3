import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { roomKeys } from '../../../src/core/channel/room-keys';
import { acceptChannel } from '../../../src/hub/channel';
import { RoomKeyStore } from '../../../src/hub/room-keys';
import { registerRoom } from '../../../src/sync/register-room';
import { cleanUp, onCleanUp } from '../hub/helpers';

afterEach(cleanUp);

const CODE = 'AB12-CD34-EF56-GH78';
const keys = roomKeys('p4iredw0rkshop01', 's'.repeat(32));

/** A hub's door as a device on another computer reaches it, in front of `store`. */
async function hubElsewhere(store: RoomKeyStore): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  onCleanUp(() => new Promise((done) => server.close(done)));
  server.on('connection', (ws) => acceptChannel(ws, '192.0.2.7', false, { keys: store, pairingCode: CODE, log: () => undefined }, () => undefined));
  await new Promise((done) => server.once('listening', done));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('registering a room with a hub on another computer', () => {
  it('is refused without the hub\'s pairing code, and done with it, however it is typed', async () => {
    const store = await RoomKeyStore.open(null);
    const hub = await hubElsewhere(store);
    expect(await registerRoom(hub, keys, 'AB12-CD34-EF56-GH79', WebSocket)).toBe('refused');
    expect(store.size).toBe(0);
    expect(await registerRoom(hub, keys, 'ab12 cd34 ef56 gh78', WebSocket)).toBe('registered');
    expect(store.size).toBe(1);
    // Once known, the room's key is enough; a second registration changes nothing.
    expect(await registerRoom(hub, keys, '', WebSocket)).toBe('registered');
    expect(store.size).toBe(1);
  });

  it('says when no hub answers', async () => {
    const store = await RoomKeyStore.open(null);
    const hub = await hubElsewhere(store);
    const closed = hub.replace(/:\d+$/, ':9');
    expect(await registerRoom(closed, keys, CODE, WebSocket)).toBe('unreachable');
  });
});
