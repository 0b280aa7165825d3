// `npm run bench`, the room (issue 21): the laptop that runs the hub and ROOM_PHONES browsers at
// phone size, each in its own network namespace, with and without client isolation, hub on and
// then hub stopped. Per device: peer connections (open / connected), idle CPU (the renderer's
// task time over ROOM_IDLE_S seconds), and edit -> visible on the laptop (hub on) or on every
// device (hub off). Printed, never asserted. Needs root, as the peer tests do. ROOM_KINDS=reach or
// ROOM_KINDS=isolated measures one of the two rooms; ROOM_PEERS=off measures them with every
// device on the hub alone (peer-to-peer off), hub on only: the baseline peers must not slow down.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE } from '../tests/e2e/harness';
import { canMakeNetns, createTestNet, type TestNet } from '../tests/e2e/netns';
import { countPeerConnections, peerConnections } from '../tests/e2e/peer-count';
import { createWorkshop, inviteLink, join as joinWorkshop, useTransports } from '../tests/e2e/workshop-steps';
import { median, percentile } from './bench-seed';
import { pageClock } from './page-clock';

const PHONES = Number(process.env.ROOM_PHONES ?? 8);
const IDLE_S = Number(process.env.ROOM_IDLE_S ?? 60);
const EDITS = Number(process.env.ROOM_EDITS ?? 12);
/** Which rooms to measure: `reach` (phones reach each other), `isolated` (client isolation). */
const ROOMS = (process.env.ROOM_KINDS ?? 'reach,isolated').split(',');
const PEERS = process.env.ROOM_PEERS !== 'off';
const PORT = 8787;

/** A page that counts its RTCPeerConnections, as the browser test does. */
async function counted(context: BrowserContext): Promise<Page> {
  await countPeerConnections(context);
  if (!PEERS) await useTransports(context, { relay: true, peers: false });
  return context.newPage();
}

/** The renderer's main-thread task time (s) over `seconds` of nothing happening, per page. */
async function idleCpu(pages: Page[], seconds: number): Promise<number[]> {
  const sessions = await Promise.all(pages.map(async (p) => {
    const s = await p.context().newCDPSession(p);
    await s.send('Performance.enable');
    return s;
  }));
  const task = async () => Promise.all(sessions.map(async (s) =>
    (await s.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0));
  const before = await task();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await task();
  return after.map((a, i) => a - (before[i] ?? 0));
}

/** Each phone in turn adds a note; the time until it shows on each of `watchers`. */
async function edits(phones: Page[], watchers: Page[], rounds: number, tag: string): Promise<{ samples: number[]; lost: number }> {
  const samples: number[] = [];
  let lost = 0;
  const clocks = new Map<Page, (pageTime: number) => number>();
  for (const page of new Set([...phones, ...watchers])) clocks.set(page, await pageClock(page));
  for (let round = 0; round < rounds; round++) {
    for (const [i, phone] of phones.entries()) {
      const text = `${tag} ${round}-${i} ${Math.random().toString(36).slice(2, 8)}`;
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      // Each watcher looks at the end of the list, where the note lands: past 60 notes the list is
      // windowed, and a note below the screen is not drawn.
      const others = watchers.filter((w) => w !== phone);
      const seen = others.map((w) => w.evaluate((t) => new Promise<number>((done) => {
        scrollTo(0, document.documentElement.scrollHeight);
        const observer = new MutationObserver(() => {
          if (![...document.querySelectorAll('[data-testid="note"] p')].some((p) => p.textContent === t)) return;
          observer.disconnect();
          done(performance.timeOrigin + performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); done(-1); }, 30_000);
      }), text));
      await phone.getByLabel('Your note').fill(text);
      const sent = await phone.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add note');
        const at = performance.timeOrigin + performance.now();
        button?.click();
        return at;
      });
      for (const [n, at] of (await Promise.all(seen)).entries()) {
        if (at < 0) lost++;
        else samples.push(clocks.get(others[n] as Page)!(at) - clocks.get(phone)!(sent));
      }
    }
  }
  return { samples, lost };
}

/** Polls until no device's open peer connections change for `quiet` ms (at most `cap` ms). */
async function settle(pages: Page[], quiet = 10_000, cap = 60_000): Promise<void> {
  const start = Date.now();
  let last = '';
  let since = Date.now();
  while (Date.now() - start < cap) {
    const now = JSON.stringify((await Promise.all(pages.map(peerConnections))).map((c) => [c.open, c.connected]));
    if (now !== last) { last = now; since = Date.now(); }
    if (Date.now() - since >= quiet) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function report(label: string, laptop: Page, phones: Page[], watchers: Page[]) {
  await settle([laptop, ...phones]);
  const links = await Promise.all(phones.map(peerConnections));
  const cpu = await idleCpu(phones, IDLE_S);
  const { samples, lost } = await edits(phones, watchers, EDITS, label);
  const open = links.map((l) => l.open);
  const up = links.map((l) => l.connected);
  const bars = await Promise.all(phones.map((p) => p.getByTestId('sync-state').textContent()));
  console.log(`- ${label}: peer connections per phone open ${Math.min(...open)}–${Math.max(...open)}, connected ${Math.min(...up)}–${Math.max(...up)}; ` +
    `idle CPU per phone median ${(median(cpu) * 60 / IDLE_S).toFixed(2)} s per minute (max ${(Math.max(...cpu) * 60 / IDLE_S).toFixed(2)}); ` +
    `edit -> visible median ${median(samples).toFixed(0)} ms, p95 ${percentile(samples, 0.95).toFixed(0)} ms over ${samples.length} arrivals, ` +
    `${lost} not arrived in 30 s; bars say ${[...new Set(bars.map((b) => b?.trim()))].join(' / ')}`);
}

async function room(isolated: boolean): Promise<void> {
  const net: TestNet = createTestNet();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'cg-room-'));
    const hub: ChildProcess = await net.startHub(PORT, dir);
    const appUrl = `http://${net.hubAddress}:${PORT}/`;
    const flags = [`--unsafely-treat-insecure-origin-as-secure=${appUrl.slice(0, -1)}`];
    const laptop = await counted(await (await net.hubDevice(flags)).newContext(LAPTOP));
    await createWorkshop(laptop, appUrl, 'Room bench');
    const link = await inviteLink(laptop);
    const phones: Page[] = [];
    for (let n = 0; n < PHONES; n++) phones.push(await counted(await (await net.device(flags)).newContext(PHONE)));
    if (isolated) net.isolateDevices();
    for (const [n, phone] of phones.entries()) await joinWorkshop(phone, link, `Phone ${n}`, 'Community');
    const name = (isolated ? 'client isolation' : 'phones reach each other') + (PEERS ? '' : ', hub only (peers off)');
    await report(`${name}, hub on`, laptop, phones, [laptop]);
    if (!PEERS) return;
    await new Promise<void>((done) => { hub.once('exit', () => done()); hub.kill('SIGTERM'); });
    await report(`${name}, hub stopped`, laptop, phones, [laptop, ...phones]);
  } finally {
    await net.destroy();
  }
}

const why = canMakeNetns();
if (why) {
  console.log(`- room bench skipped: ${why}`);
} else {
  console.log(`Room bench: the laptop running the hub and ${PHONES} phones (Chromium, 360x800), each in a network namespace; ` +
    `idle over ${IDLE_S} s, ${EDITS} notes per phone`);
  if (ROOMS.includes('reach')) await room(false);
  if (ROOMS.includes('isolated')) await room(true);
}
