import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ROOMS_PER_SOCKET, SIGNAL_MAX_MESSAGE_BYTES } from '../../../src/hub/limits';
import { cleanUp, nextJson, openSocket, startTestHub, until } from './helpers';

afterEach(cleanUp);

describe('signaling at /signal (the y-webrtc protocol)', () => {
  it('forwards a publish to every subscriber of the topic, with the number of subscribers', async () => {
    const hub = await startTestHub();
    const a = await openSocket(hub.ws('/signal'));
    const b = await openSocket(hub.ws('/signal'));
    const outsider = await openSocket(hub.ws('/signal'));
    a.send(JSON.stringify({ type: 'subscribe', topics: ['cg-room'] }));
    b.send(JSON.stringify({ type: 'subscribe', topics: ['cg-room'] }));
    outsider.send(JSON.stringify({ type: 'subscribe', topics: ['cg-elsewhere'] }));
    await until('both topics exist', async () => (await hub.health()).signalRooms === 2);
    let outsiderHeard = false;
    outsider.on('message', () => { outsiderHeard = true; });

    const received = nextJson(b);
    const echoed = nextJson(a);
    const signal = { type: 'publish', topic: 'cg-room', data: { type: 'announce', from: 'peer-a' } };
    a.send(JSON.stringify(signal));
    expect(await received).toEqual({ ...signal, clients: 2 });
    // y-webrtc peers recognise and ignore their own announcements, as with y-webrtc's server.
    expect(await echoed).toEqual({ ...signal, clients: 2 });
    expect(outsiderHeard).toBe(false);
  });

  it('answers ping with pong', async () => {
    const hub = await startTestHub();
    const ws = await openSocket(hub.ws('/signal'));
    const answer = nextJson(ws);
    ws.send(JSON.stringify({ type: 'ping' }));
    expect(await answer).toEqual({ type: 'pong' });
  });

  it('forgets a socket\'s topics when it unsubscribes or closes', async () => {
    const hub = await startTestHub();
    const a = await openSocket(hub.ws('/signal'));
    a.send(JSON.stringify({ type: 'subscribe', topics: ['cg-one', 'cg-two'] }));
    await until('two topics', async () => (await hub.health()).signalRooms === 2);
    a.send(JSON.stringify({ type: 'unsubscribe', topics: ['cg-one'] }));
    await until('one topic', async () => (await hub.health()).signalRooms === 1);
    a.close();
    await until('no topics and no clients', async () => {
      const health = await hub.health();
      return health.signalRooms === 0 && health.clients === 0;
    });
  });

  it('ignores malformed messages, names that are not rooms, and topics beyond the limit, logging each', async () => {
    const hub = await startTestHub();
    const ws = await openSocket(hub.ws('/signal'));
    ws.send('{"type": "subscribe", topics: [');
    ws.send(JSON.stringify(['not', 'an', 'object']));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ type: 'subscribe', topics: ['../../etc', 'x'.repeat(500)] }));
    const many = Array.from({ length: MAX_ROOMS_PER_SOCKET + 5 }, (_, i) => `cg-topic-${i}`);
    ws.send(JSON.stringify({ type: 'subscribe', topics: many }));
    await until('the extra topics are reported', () => hub.logs.some((l) => l.startsWith('signal-too-many-topics')));
    expect(hub.logs.filter((l) => l.startsWith('signal-malformed'))).toHaveLength(3);
    expect(hub.logs.filter((l) => l.startsWith('signal-bad-topic'))).toHaveLength(1);
    expect(hub.logs.find((l) => l.startsWith('signal-too-many-topics'))).toContain('ignored 5 topic(s)');
    // The socket still works.
    const answer = nextJson(ws);
    ws.send(JSON.stringify({ type: 'ping' }));
    expect(await answer).toEqual({ type: 'pong' });
    expect(await hub.health()).toMatchObject({ ok: true, signalRooms: MAX_ROOMS_PER_SOCKET, clients: 1 });
  });

  it('closes a socket that sends an oversized message with 1009, and keeps serving others', async () => {
    const hub = await startTestHub();
    const big = await openSocket(hub.ws('/signal'));
    const closed = new Promise<number>((done) => big.once('close', (code) => done(code)));
    big.send(JSON.stringify({ type: 'publish', topic: 'cg-room', data: 'x'.repeat(SIGNAL_MAX_MESSAGE_BYTES) }));
    expect(await closed).toBe(1009);
    expect(hub.logs.filter((l) => l.startsWith('message-too-large /signal'))).toHaveLength(1);
    const other = await openSocket(hub.ws('/signal'));
    const answer = nextJson(other);
    other.send(JSON.stringify({ type: 'ping' }));
    expect(await answer).toEqual({ type: 'pong' });
  });
});
