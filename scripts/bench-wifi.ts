// `node --import tsx scripts/bench-wifi.ts`: a room on bad Wi-Fi. A hub (child process) serving
// the built app; 30 phones run by the app's own sync code in Node (src/sync/node-client.ts) and 3
// Chromium pages, every link through an impairment proxy (scripts/impair-proxy.ts). Each edit is
// timed until every other device holds it. Prints figures, asserts nothing (WIFI_EDITS: how many).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { listBoards } from '../src/core/boards';
import { addItem, listItems } from '../src/core/items';
import { joinRoom, type ScriptDevice } from '../src/sync/node-client';
import { LAPTOP, PHONE, launch } from '../tests/e2e/harness';
import { createWorkshop, inviteLink, join as joinWorkshop, useTransports } from '../tests/e2e/workshop-steps';
import { percentile } from './bench-seed';
import { seenOnPage } from './bench-sync';
import { clockTicks, cpuSeconds, memoryMb, sleep, startHubProcess, until } from './hub-process';
import { startImpairProxy, type ImpairProxy } from './impair-proxy';
import { benchNow, pageClock } from './page-clock';

const NODE_CLIENTS = 30;
const EDITS = Number(process.env.WIFI_EDITS ?? 60);
const SEEN_TIMEOUT_MS = 20_000;
const REST_MS = 10_000;

/** What the Node phones put on the wire, all of them together: their WebSocket frames as sent
 *  and received, counted on the socket the sync code opens. */
const wsBytes = { sent: 0, received: 0 };
let nextPhone = 0;
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    // Each phone its own address, as in a room, or the hub's per-address limit would turn the
    // thirtieth away: the hub trusts X-Forwarded-For here (--trust-proxy).
    super(address, protocols, { headers: { 'X-Forwarded-For': `10.0.${nextPhone >> 8}.${nextPhone++ & 255}` } });
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      wsBytes.received += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    });
  }
  override send(data: unknown, ...rest: unknown[]): void {
    wsBytes.sent += typeof data === 'string' ? Buffer.byteLength(data) : (data as ArrayBufferLike | ArrayBufferView).byteLength;
    (super.send as (...a: unknown[]) => void)(data, ...rest);
  }
}

/** The same invite, for a device whose way to the hub is another proxy. */
const through = (link: string, from: ImpairProxy, to: ImpairProxy) =>
  link.replaceAll(`:${from.port}`, `:${to.port}`).replaceAll(`%3A${from.port}`, `%3A${to.port}`);

const seenInDoc = (device: ScriptDevice, boardId: string, text: string) => new Promise<number>((done) => {
  const check = () => {
    if (!listItems(device.doc, boardId).some((item) => item.text === text)) return;
    device.doc.off('update', check);
    done(benchNow());
  };
  device.doc.on('update', check);
});

/** Adds a note the way a person does on the page, and says when the tap happened. */
async function addOnPage(page: Page, text: string): Promise<number> {
  await page.getByLabel('Your note').fill(text);
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add note')!;
    const at = performance.timeOrigin + performance.now();
    button.click();
    return at;
  });
}

const withTimeout = (p: Promise<number>) => Promise.race([p, new Promise<number>((done) => setTimeout(() => done(Number.NaN), SEEN_TIMEOUT_MS))]);

async function main(): Promise<void> {
  (globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
  const data = mkdtempSync(join(tmpdir(), 'cg-wifi-'));
  const hub = await startHubProcess(resolve(import.meta.dirname, '../dist'), data, ['--trust-proxy']);
  const proxies = await Promise.all([0, 1, 2, 3].map(() => startImpairProxy(hub.port)));
  const [nodeProxy, ...pageProxies] = proxies as [ImpairProxy, ...ImpairProxy[]];
  const browser = await launch();
  const phones: ScriptDevice[] = [];
  try {
    const pages: Page[] = [];
    for (const [i, device] of [LAPTOP, PHONE, PHONE].entries()) {
      // No service worker, as on the hub's plain-http LAN address: its precache would be counted.
      const context = await browser.newContext({ ...device, serviceWorkers: 'block' });
      // The relay only: what peers would carry goes round the proxy.
      await useTransports(context, { relay: true, peers: false });
      pages.push(await context.newPage());
      if (i === 0) await createWorkshop(pages[0]!, `${pageProxies[0]!.origin}/`, 'Bad Wi-Fi');
    }
    const link = await inviteLink(pages[0]!);
    for (let i = 1; i < pages.length; i++) await joinWorkshop(pages[i]!, through(link, pageProxies[0]!, pageProxies[i]!), `Phone ${i}`, 'Government');
    for (let i = 0; i < NODE_CLIENTS; i++) phones.push(await joinRoom(through(link, pageProxies[0]!, nodeProxy), { timeoutMs: 60_000 }));
    const boardId = listBoards(phones[0]!.doc)[0]!.id;
    await until('every Node phone is in sync', () => phones.every((p) => p.sync.status.pending === 0), 60_000);

    // The room at rest first, to tell what the edits cost from what the room costs anyway.
    for (const proxy of proxies) proxy.reset();
    wsBytes.sent = 0;
    wsBytes.received = 0;
    await sleep(REST_MS);
    const atRest = { page: pageProxies.reduce((n, p) => n + p.bytes.up + p.bytes.down, 0) / pages.length, phone: (wsBytes.sent + wsBytes.received) / NODE_CLIENTS };

    const ticks = clockTicks();
    const cpuBefore = cpuSeconds(hub.pid, ticks);
    const startedAt = benchNow();
    const clocks = new Map(await Promise.all(pages.map(async (p) => [p, await pageClock(p)] as const)));
    for (const proxy of proxies) proxy.reset();
    wsBytes.sent = 0;
    wsBytes.received = 0;

    const samples: number[] = [];
    const lastDevice: number[] = [];
    let missed = 0;
    for (let i = 0; i < EDITS; i++) {
      const text = `wifi probe ${i} ${Math.random().toString(36).slice(2)}`;
      // Three edits in ten from the browsers, the rest from the Node phones.
      const byPage = [0, 3, 6].includes(i % 10) ? pages[(i / 3) % 3 | 0]! : undefined;
      const author = byPage ? undefined : phones[i % NODE_CLIENTS]!;
      const seen = [
        ...pages.filter((p) => p !== byPage).map((p) => seenOnPage(p, text).then(clocks.get(p)!)),
        ...phones.filter((p) => p !== author).map((p) => seenInDoc(p, boardId, text)),
      ];
      let sent: number;
      if (byPage) sent = clocks.get(byPage)!(await addOnPage(byPage, text));
      else {
        sent = benchNow();
        const added = addItem(author!.doc, boardId, { text, createdBy: 'wifi-bench', group: '' }, author!.origin);
        if (!added.ok) throw new Error(added.error);
      }
      const times = (await Promise.all(seen.map(withTimeout))).map((t) => t - sent);
      const arrived = times.filter((t) => !Number.isNaN(t));
      missed += times.length - arrived.length;
      samples.push(...arrived);
      lastDevice.push(Math.max(...arrived));
    }
    const wall = (benchNow() - startedAt) / 1000;
    const cpu = cpuSeconds(hub.pid, ticks) - cpuBefore;
    const perEdit = (n: number, devices: number) => `${(n / EDITS / devices).toFixed(0)} B`;
    const pageUp = pageProxies.reduce((n, p) => n + p.bytes.up, 0);
    const pageDown = pageProxies.reduce((n, p) => n + p.bytes.down, 0);
    const ms = (x: number) => `${x.toFixed(0)} ms`;

    console.log(`a room on bad Wi-Fi: ${NODE_CLIENTS} Node phones (the app's sync code) + ${pages.length} Chromium pages, relay only, every link through a proxy of 100 ms round trip ±30 ms and 200–400 ms stalls on 5 % of chunks; ${EDITS} edits, one at a time`);
    console.log(`  edit -> visible on each other device  median ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))} over ${samples.length} arrivals${missed ? ` (${missed} not seen within ${SEEN_TIMEOUT_MS / 1000} s)` : ''}; target p95 <= 500 ms`);
    console.log(`  edit -> visible on every device        median ${ms(percentile(lastDevice, 0.5))}, p95 ${ms(percentile(lastDevice, 0.95))}`);
    console.log(`  hub CPU                                 ${cpu.toFixed(2)} s, ${((cpu / wall) * 100).toFixed(1)}% of one core over ${wall.toFixed(1)} s; RSS ${memoryMb(hub.pid, 'VmRSS').toFixed(1)} MB, peak ${memoryMb(hub.pid, 'VmHWM').toFixed(1)} MB`);
    console.log(`  bytes per edit per browser (at proxy)   ${perEdit(pageUp, pages.length)} sent, ${perEdit(pageDown, pages.length)} received`);
    console.log(`  bytes per edit per Node phone (WS)      ${perEdit(wsBytes.sent, NODE_CLIENTS)} sent, ${perEdit(wsBytes.received, NODE_CLIENTS)} received (heartbeats and presence included)`);
    const perSecond = (n: number) => `${(n / (REST_MS / 1000) / 1024).toFixed(1)} KB/s`;
    console.log(`  the room at rest, per device (${REST_MS / 1000} s)    browser ${perSecond(atRest.page)}, Node phone ${perSecond(atRest.phone)} sent and received`);
  } catch (error) {
    console.error(`bench-wifi: ${error instanceof Error ? error.stack : String(error)}\n--- hub output ---\n${hub.output()}`);
    process.exitCode = 1;
  } finally {
    for (const p of phones) p.destroy();
    await browser.close();
    await Promise.all(proxies.map((p) => p.close()));
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
