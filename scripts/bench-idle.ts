// `node --import tsx scripts/bench-idle.ts`: what an open workshop costs a phone while nothing
// happens. A facilitator's laptop and a phone on a board, relay on (peers off, so that all the
// phone's traffic passes the proxy); the phone's CPU slowed 4x, its link through the impairment
// proxy, which counts its bytes. Prints figures, asserts nothing (IDLE_S: seconds to watch).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LAPTOP, PHONE, launch } from '../tests/e2e/harness';
import { createWorkshop, inviteLink, join as joinWorkshop, useTransports } from '../tests/e2e/workshop-steps';
import { sleep, startHubProcess } from './hub-process';
import { startImpairProxy } from './impair-proxy';

const IDLE_S = Number(process.env.IDLE_S ?? 60);
// A facilitator's device beacons its clock every 3 s for 15 s after someone joins (clock-sync):
// the joining is over before the idle minute starts.
const SETTLE_MS = 20_000;

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'cg-idle-'));
  const hub = await startHubProcess(resolve(import.meta.dirname, '../dist'), data);
  const proxy = await startImpairProxy(hub.port);
  const browser = await launch();
  try {
    const laptop = await browser.newContext(LAPTOP);
    // A phone on the hub's plain-http LAN address gets no service worker (and its precache
    // would pass the proxy as if it were the workshop's traffic).
    const phone = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    for (const context of [laptop, phone]) await useTransports(context, { relay: true, peers: false });
    const facilitator = await laptop.newPage();
    const hubOrigin = `http://127.0.0.1:${hub.port}`;
    await createWorkshop(facilitator, `${hubOrigin}/`, 'Quiet room');
    const link = (await inviteLink(facilitator)).replaceAll(`:${hub.port}`, `:${proxy.port}`).replaceAll(`%3A${hub.port}`, `%3A${proxy.port}`);
    const page = await phone.newPage();
    await joinWorkshop(page, link, 'Quiet phone', 'Government');
    await page.getByTestId('sync-state').and(page.locator('[data-hub="connected"]')).waitFor();

    const cdp = await phone.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    await sleep(SETTLE_MS);
    proxy.reset();
    const before = await taskSeconds();
    const startedAt = Date.now();
    await sleep(IDLE_S * 1000);
    const busy = (await taskSeconds()) - before;
    const wall = (Date.now() - startedAt) / 1000;
    const { up, down } = proxy.bytes;
    const perMinute = (n: number) => `${((n / wall) * 60 / 1024).toFixed(2)} KB`;

    console.log(`an idle workshop: a phone (360x800, CPU slowed 4x) on a board with a facilitator's laptop, relay on, over ${wall.toFixed(0)} s`);
    console.log(`  phone CPU (main thread tasks)   ${((busy / wall) * 100).toFixed(2)}% (${(busy * 1000).toFixed(0)} ms busy); target < 1%`);
    console.log(`  phone bytes (presence, heartbeat) ${perMinute(up + down)} a minute: ${perMinute(up)} sent, ${perMinute(down)} received; target < 2 KB`);
  } catch (error) {
    console.error(`bench-idle: ${error instanceof Error ? error.stack : String(error)}\n--- hub output ---\n${hub.output()}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await proxy.close();
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
