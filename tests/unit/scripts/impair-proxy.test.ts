import { connect, createServer, type AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { startImpairProxy, type ImpairProxy } from '../../../scripts/impair-proxy';

let proxy: ImpairProxy | undefined;
const echo = createServer((socket) => socket.pipe(socket));
afterEach(async () => { await proxy?.close(); });

test('delays each chunk both ways, keeps their order when the jitter would swap them, and counts the bytes', async () => {
  await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
  // Delays falling chunk by chunk (jitter from +20 down to -20 ms): only the queue keeps the order.
  const draws = [1, 0.75, 0.5, 0.25, 0];
  let i = 0;
  proxy = await startImpairProxy((echo.address() as AddressInfo).port, { delayMs: 30, jitterMs: 20, stallChance: 0, stallMs: [0, 0] }, () => draws[i++ % draws.length]!);
  const socket = connect(proxy.port, '127.0.0.1');
  await new Promise((done) => socket.once('connect', done));
  let received = '';
  const started = Date.now();
  const all = new Promise<number>((done) => socket.on('data', (d: Buffer) => {
    received += d.toString();
    if (received.length === 10) done(Date.now() - started);
  }));
  for (const part of ['ab', 'cd', 'ef', 'gh', 'ij']) {
    socket.write(part);
    await new Promise((r) => setTimeout(r, 5));
  }
  const elapsed = await all;
  socket.destroy();
  echo.close();
  expect(received).toBe('abcdefghij');
  expect(elapsed).toBeGreaterThanOrEqual(2 * 10);
  expect(proxy.bytes).toEqual({ up: 10, down: 10 });
});
