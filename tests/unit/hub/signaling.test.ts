import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { roomKeys } from '../../../src/core/channel/room-keys';
import { SIGNAL_MAX_MESSAGE_BYTES } from '../../../src/hub/limits';
import { cleanUp, openSocket, signalClient, startTestHub, tempDir, testKeys, until } from './helpers';

afterEach(cleanUp);

describe('signaling at /signal (the y-webrtc protocol, through the channel)', () => {
  it('forwards a publish to every subscriber of the room, with the number of subscribers', async () => {
    const hub = await startTestHub();
    const a = await signalClient(hub, 'cg-room');
    const b = await signalClient(hub, 'cg-room', { register: false });
    const outsider = await signalClient(hub, 'cg-elsewhere');
    a.send({ type: 'subscribe', topics: ['cg-room'] });
    b.send({ type: 'subscribe', topics: ['cg-room'] });
    outsider.send({ type: 'subscribe', topics: ['cg-elsewhere'] });
    await until('both topics exist', async () => (await hub.health()).signalRooms === 2);

    const received = b.next();
    const echoed = a.next();
    const signal = { type: 'publish', topic: 'cg-room', data: { type: 'announce', from: 'peer-a' } };
    a.send(signal);
    expect(await received).toEqual({ ...signal, clients: 2 });
    // y-webrtc peers recognise and ignore their own announcements, as with y-webrtc's server.
    expect(await echoed).toEqual({ ...signal, clients: 2 });
    expect(outsider.received).toEqual([]);
  });

  it('refuses a device that knows only the workshop id, or holds another secret, with 4401, and keeps nothing of it', async () => {
    const data = tempDir('signal');
    const hub = await startTestHub({ data });
    const workshop = 'sign4lw0rkshop01';
    const keys = roomKeys(workshop, 's'.repeat(32));
    const facilitator = await signalClient(hub, keys.room, { keys });
    facilitator.send({ type: 'subscribe', topics: [keys.room] });
    await until('the room has its topic', async () => (await hub.health()).signalRooms === 1);
    const files = readdirSync(data).sort();
    // The topic the workshop id alone named before rooms were named from the secret, and a wrong secret.
    for (const guess of [{ room: `cg-${workshop}`, auth: new Uint8Array(32) }, roomKeys(workshop, 't'.repeat(32))]) {
      await expect(signalClient(hub, guess.room, { keys: guess, register: false })).rejects.toThrow('4401 not-invited');
    }
    expect(hub.logs.filter((l) => l.startsWith('not-invited'))).toHaveLength(2);
    expect(readdirSync(data).sort()).toEqual(files);
    expect(await hub.health()).toMatchObject({ signalRooms: 1, clients: 1, stored: { rooms: 0 } });
    expect(facilitator.received).toEqual([]);
  });

  it('refuses a plain y-webrtc client: no handshake, no room', async () => {
    const hub = await startTestHub();
    await signalClient(hub, 'cg-room');
    const plain = await openSocket(hub.ws('/signal'));
    const closed = new Promise<string>((done) => plain.once('close', (code, reason) => done(`${code} ${reason.toString()}`)));
    plain.send(JSON.stringify({ type: 'subscribe', topics: ['cg-room'] }));
    expect(await closed).toBe('4401 not-invited');
    expect((await hub.health()).signalRooms).toBe(0);
  });

  it('lets a socket use its own room only: other topics are refused and logged', async () => {
    const hub = await startTestHub();
    const victim = await signalClient(hub, 'cg-victim');
    victim.send({ type: 'subscribe', topics: ['cg-victim'] });
    const intruder = await signalClient(hub, 'cg-intruder');
    intruder.send({ type: 'subscribe', topics: ['cg-victim', 'cg-intruder'] });
    intruder.send({ type: 'publish', topic: 'cg-victim', data: { type: 'announce', from: 'intruder' } });
    await until('both refusals are logged', () => hub.logs.filter((l) => l.startsWith('signal-topic-refused')).length === 2);
    const echo = intruder.next();
    intruder.send({ type: 'publish', topic: 'cg-intruder', data: { type: 'announce', from: 'intruder' } });
    await echo;
    expect(victim.received).toEqual([]);
    expect(await hub.health()).toMatchObject({ signalRooms: 2 });
  });

  it('answers ping with pong', async () => {
    const hub = await startTestHub();
    const device = await signalClient(hub, 'cg-room');
    const answer = device.next();
    device.send({ type: 'ping' });
    expect(await answer).toEqual({ type: 'pong' });
  });

  it('forgets a socket\'s topic when it unsubscribes or closes', async () => {
    const hub = await startTestHub();
    const a = await signalClient(hub, 'cg-one');
    a.send({ type: 'subscribe', topics: ['cg-one'] });
    await until('one topic', async () => (await hub.health()).signalRooms === 1);
    a.send({ type: 'unsubscribe', topics: ['cg-one'] });
    await until('no topic', async () => (await hub.health()).signalRooms === 0);
    a.send({ type: 'subscribe', topics: ['cg-one'] });
    await until('the topic again', async () => (await hub.health()).signalRooms === 1);
    a.close();
    await until('no topics and no clients', async () => {
      const health = await hub.health();
      return health.signalRooms === 0 && health.clients === 0;
    });
  });

  it('ignores malformed messages, logging each', async () => {
    const hub = await startTestHub();
    const device = await signalClient(hub, 'cg-room');
    device.send({ type: 'nonsense' });
    device.send(['not', 'an', 'object'] as unknown as object);
    await until('both are reported', () => hub.logs.filter((l) => l.startsWith('signal-malformed')).length === 2);
    // The socket still works.
    const answer = device.next();
    device.send({ type: 'ping' });
    expect(await answer).toEqual({ type: 'pong' });
  });

  it('closes a socket that sends an oversized message with 1009, and keeps serving others', async () => {
    const hub = await startTestHub();
    const big = await signalClient(hub, 'cg-room');
    big.send({ type: 'publish', topic: 'cg-room', data: 'x'.repeat(SIGNAL_MAX_MESSAGE_BYTES) });
    expect(await big.closed).toMatch(/^1009/);
    expect(hub.logs.filter((l) => l.startsWith('message-too-large /signal'))).toHaveLength(1);
    const other = await signalClient(hub, 'cg-room', { keys: testKeys('cg-room'), register: false });
    const answer = other.next();
    other.send({ type: 'ping' });
    expect(await answer).toEqual({ type: 'pong' });
  });
});
