import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../../src/hub/server';
import { cleanUp, onCleanUp, openSocket, relayClient, signalClient, startTestHub, STUB_PAGE, tempDir, until } from './helpers';

afterEach(cleanUp);

describe('the hub over http', () => {
  it('counts relay rooms, signaling topics and sockets on /healthz', async () => {
    const hub = await startTestHub();
    expect(await hub.health()).toMatchObject({ ok: true, rooms: 0, signalRooms: 0, clients: 0 });
    const a = relayClient(hub, 'cg-a');
    const b = relayClient(hub, 'cg-a');
    const c = relayClient(hub, 'cg-b');
    await Promise.all([a.settled(), b.settled(), c.settled()]);
    const signals = await Promise.all(['cg-a', 'cg-b'].map(async (room) => {
      const signal = await signalClient(hub, room);
      signal.send({ type: 'subscribe', topics: [room] });
      return signal;
    }));
    await until('the topics are counted', async () => (await hub.health()).signalRooms === 2);
    const health = await hub.health();
    expect(health).toMatchObject({ ok: true, rooms: 2, signalRooms: 2, clients: 5 });
    expect(health.uptime).toBeGreaterThanOrEqual(0);

    for (const client of [a, b, c]) client.destroy();
    for (const signal of signals) signal.close();
    await until('everything is counted out', async () => {
      const h = await hub.health();
      return h.rooms === 0 && h.signalRooms === 0 && h.clients === 0;
    });
  });

  it('still serves the app, never cached stale, and a deep link gets index.html', async () => {
    const hub = await startTestHub();
    for (const path of ['/', '/w/some/deep/link']) {
      const response = await fetch(hub.url(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(STUB_PAGE);
    }
    expect((await fetch(hub.url('/healthz?probe=1'))).headers.get('cache-control')).toBe('no-store');
  });

  it('sends its security headers on every response: app, /healthz, 404, 405, 400 and refused upgrades', async () => {
    const hub = await startTestHub();
    const policy = (headers: Headers | Record<string, string>) => {
      const get = (name: string) => headers instanceof Headers ? headers.get(name) : headers[name];
      expect(get('referrer-policy')).toBe('no-referrer');
      expect(get('x-content-type-options')).toBe('nosniff');
      const csp = Object.fromEntries(String(get('content-security-policy')).split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(csp).toMatchObject({ 'default-src': ["'self'"], 'script-src': ["'self'"], 'frame-ancestors': ["'none'"], 'object-src': ["'none'"] });
      expect(csp['connect-src']!.every((source: string) => source === "'self'" || source === `ws://127.0.0.1:${hub.port}`)).toBe(true);
      return csp;
    };
    expect(policy((await fetch(hub.url('/'))).headers)['connect-src']).toEqual(["'self'", `ws://127.0.0.1:${hub.port}`]);
    for (const [path, status] of [['/healthz', 200], ['/missing.js', 404], ['/%E0%A4%A', 400]] as const) {
      const response = await fetch(hub.url(path));
      expect(response.status).toBe(status);
      policy(response.headers);
    }
    const post = await fetch(hub.url('/'), { method: 'POST' });
    expect(post.status).toBe(405);
    policy(post.headers);
    for (const raw of [
      'GET /nowhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      'NOT HTTP AT ALL\r\n\r\n',
    ]) {
      const socket = connect(hub.port, '127.0.0.1');
      const answer = new Promise<string>((done) => socket.once('data', (d: Buffer) => done(d.toString())));
      socket.write(raw);
      const [status, ...lines] = (await answer).split('\r\n\r\n')[0]!.split('\r\n');
      socket.destroy();
      expect(status).toMatch(/^HTTP\/1\.1 4\d\d/);
      policy(Object.fromEntries(lines.map((l) => [l.split(': ')[0]!.toLowerCase(), l.split(': ').slice(1).join(': ')])));
    }
  });

  it('lets the page reach the signaling servers built into the app, and only those', async () => {
    const root = tempDir('root');
    writeFileSync(join(root, 'index.html'), STUB_PAGE);
    writeFileSync(join(root, 'connect-src.json'), JSON.stringify(['wss://signal.example.org', "wss://x; script-src 'unsafe-inline'"]));
    const again = await startHub({ port: 0, host: '127.0.0.1', root, log: () => undefined });
    onCleanUp(() => again.stop());
    const address = again.address() as AddressInfo;
    const csp = (await fetch(`http://127.0.0.1:${address.port}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${address.port} wss://signal.example.org;`);
    expect(csp.match(/script-src [^;]*/g)).toEqual(["script-src 'self'"]);
  });

  it('answers a bad URL or a malformed request with 400, logs it, and keeps serving', async () => {
    const hub = await startTestHub();
    expect((await fetch(hub.url('/%E0%A4%A'))).status).toBe(400);
    const raw = connect(hub.port, '127.0.0.1');
    const answer = new Promise<string>((done) => raw.once('data', (d: Buffer) => done(d.toString())));
    raw.write('NOT HTTP AT ALL\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 400/);
    raw.destroy();
    expect(hub.logs.filter((l) => l.startsWith('bad-request'))).toHaveLength(2);
    expect((await hub.health()).ok).toBe(true);
  });

  it('closes every socket when stopped', async () => {
    const hub = await startTestHub();
    const phone = relayClient(hub, 'cg-close');
    await phone.settled();
    const signal = await openSocket(hub.ws('/signal'));
    const signalClosed = new Promise<number>((done) => signal.once('close', (code) => done(code)));
    await hub.stop();
    expect(await signalClosed).toBe(1001);
  });

  it('serves https and wss with --cert and --key', async (context) => {
    const dir = tempDir('tls');
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
        '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    } catch {
      context.skip('openssl is not installed');
    }
    const hub = await startTestHub({ cert, key });
    const body = await new Promise<string>((done, fail) => {
      get(hub.url('/healthz'), { rejectUnauthorized: false }, (response) => {
        let text = '';
        response.on('data', (d: Buffer) => { text += d.toString(); });
        response.on('end', () => done(text));
      }).on('error', fail);
    });
    expect(JSON.parse(body)).toMatchObject({ ok: true });
    const signal = await signalClient(hub, 'cg-tls', { ws: { rejectUnauthorized: false } });
    const answer = signal.next();
    signal.send({ type: 'ping' });
    expect(await answer).toEqual({ type: 'pong' });
  });

  it('says which certificate file is missing', async () => {
    const dir = tempDir('tls');
    const missing = join(dir, 'nope.pem');
    expect(existsSync(missing)).toBe(false);
    await expect(startHub({ port: 0, host: '127.0.0.1', root: dir, cert: missing, key: missing }))
      .rejects.toThrow(`cannot read --cert ${missing}: no such file`);
  });
});
