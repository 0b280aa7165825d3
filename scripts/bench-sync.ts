// Edit-to-visible latency between two browsers, through the hub and peer-to-peer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, launch, startTestHub } from '../tests/e2e/harness';
import { canMakeNetns, createTestNet, printedPairingCode } from '../tests/e2e/netns';
import { percentile } from './bench-seed';
import { pageClock } from './page-clock';
import { createWorkshop, inviteLink, join as joinWorkshop, registerWithHub, useTransports } from '../tests/e2e/workshop-steps';

export interface Latency { median: number; p95: number; runs: number }


/** Resolves with the time (ms since the epoch) a note with `text` shows on the page. */
export const seenOnPage = (page: Page, text: string) => page.evaluate((t) => new Promise<number>((done) => {
  new MutationObserver((_, observer) => {
    if (![...document.querySelectorAll('[data-testid="note"] p')].some((p) => p.textContent === t)) return;
    observer.disconnect();
    done(performance.timeOrigin + performance.now());
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}), text);

/** `runs` notes added on `from`; each timed from the click to the note's node appearing on `to`. */
async function measure(from: Page, to: Page, runs: number): Promise<Latency> {
  const samples: number[] = [];
  const [fromClock, toClock] = await Promise.all([pageClock(from), pageClock(to)]);
  for (let i = 0; i < runs; i++) {
    const text = `latency probe ${i} ${Math.random().toString(36).slice(2)}`;
    const seen = seenOnPage(to, text);
    await from.getByLabel('Your note').fill(text);
    const sent = await from.evaluate(() => new Promise<number>((done) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add note')!;
      const at = performance.timeOrigin + performance.now();
      button.click();
      done(at);
    }));
    samples.push(toClock(await seen) - fromClock(sent));
  }
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs };
}

/** Two people on `a` and `b`; with `pairingCode`, the facilitator's laptop registers the workshop. */
async function pairOn(a: Browser, b: Browser, appUrl: string, transports: { relay: boolean; peers: boolean }, pairingCode?: string) {
  const ca = await a.newContext(LAPTOP);
  const cb = await b.newContext(LAPTOP);
  await useTransports(ca, transports);
  await useTransports(cb, transports);
  const pa = await ca.newPage();
  const pb = await cb.newPage();
  await createWorkshop(pa, appUrl, 'Latency');
  if (pairingCode !== undefined) await registerWithHub(pa, pairingCode);
  await joinWorkshop(pb, await inviteLink(pa), 'Bench', 'Government');
  return { pa, pb };
}

export async function latencyViaHub(runs = 50): Promise<Latency> {
  const hub = await startTestHub({ data: mkdtempSync(join(tmpdir(), 'cg-bench-')) });
  const browser = await launch();
  try {
    const { pa, pb } = await pairOn(browser, browser, hub.url, { relay: true, peers: false });
    await pb.getByTestId('sync-state').and(pb.locator('[data-hub="connected"]')).waitFor();
    return await measure(pa, pb, runs);
  } finally {
    await browser.close();
    await hub.stop();
  }
}

export async function latencyViaPeers(runs = 50): Promise<Latency | string> {
  const why = canMakeNetns();
  if (why) return `skipped: ${why}`;
  const net = createTestNet();
  try {
    const port = 8787;
    const hub = await net.startHub(port, mkdtempSync(join(tmpdir(), 'cg-bench-')));
    const appUrl = `http://${net.hubAddress}:${port}/`;
    // A secure origin, as https would be, so y-webrtc encrypts with the workshop secret as in the field.
    const secure = [`--unsafely-treat-insecure-origin-as-secure=${appUrl.slice(0, -1)}`];
    const { pa, pb } = await pairOn(await net.device(secure), await net.device(secure), appUrl, { relay: false, peers: true },
      await printedPairingCode(hub));
    await pb.waitForFunction(() => Number(document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-peers')) >= 1, null, { timeout: 60_000 });
    return await measure(pa, pb, runs);
  } finally {
    await net.destroy();
  }
}
