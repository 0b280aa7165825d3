import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAPTOP, PHONE, buildVariant } from './harness';
import { canMakeNetns, createTestNet, printedPairingCode, type TestNet } from './netns';
import {
  addNote, addNotesQuickly, bulkTexts, createWorkshop, findNotes, inviteLink, join, noteTexts, registerWithHub, useTransports,
  waitForNoteCount, waitForNotes,
} from './workshop-steps';

/* Peer-to-peer through y-webrtc, between devices in their own network namespaces. The hub serves
 * the app and the signaling endpoint only: every device has the relay switched off. */
const PORT = 8787;
const STATIC_PORT = 8080;
const SIGNAL_PORT = 4444;
let net: TestNet;
let appUrl: string;
let siteUrl: string;
let pairingCode: string;

// Without a private network these tests cannot run at all: one line says why, not a stack trace.
// CI runs as root, so there a missing network is a failure, never a quiet skip.
const why = canMakeNetns();
if (why && process.env.CI) throw new Error(`peer-to-peer tests cannot run: ${why}`);
if (why) console.warn(`peer-to-peer tests skipped: ${why}`);

beforeAll(async () => {
  if (why) return;
  net = createTestNet();
  appUrl = `http://${net.hubAddress}:${PORT}/`;
  siteUrl = `http://${net.hubAddress}:${STATIC_PORT}/`;
  const hub = await net.startHub(PORT, mkdtempSync(joinPath(tmpdir(), 'cg-peers-')));
  pairingCode = await printedPairingCode(hub);
});
afterAll(async () => {
  await net?.destroy();
});

/* Devices are launched once for the whole file, each in its own namespace; every test opens
 * fresh browser contexts in them and closes them after. */
const browsers: Browser[] = [];
let contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/** A person on device `n`. The app's origins count as secure there (as HTTPS would), so y-webrtc
 *  encrypts with the workshop secret; phones on plain http are covered in sync.test.ts. */
async function device(n: number, kind: object = PHONE): Promise<Page> {
  const origins = [appUrl, siteUrl].map((url) => url.slice(0, -1)).join(',');
  browsers[n] ??= await net.device([`--unsafely-treat-insecure-origin-as-secure=${origins}`]);
  const context = await browsers[n].newContext(kind);
  contexts.push(context);
  await useTransports(context, { relay: false, peers: true });
  return context.newPage();
}


async function waitForPeers(page: Page, n: number) {
  await page.waitForFunction((want) => Number(document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-peers')) >= want, n, { timeout: 60_000 });
}

describe.skipIf(why)('co-editing peer-to-peer (relay off)', () => {
  it('three devices converge over WebRTC alone', async () => {
    const facilitator = await device(0, LAPTOP);
    await createWorkshop(facilitator, appUrl, 'Peers workshop');
    await registerWithHub(facilitator, pairingCode);
    const link = await inviteLink(facilitator);
    const a = await device(1);
    const b = await device(2);
    await join(a, link, 'Sophea', 'Government');
    await join(b, link, 'Marc', 'Development Partners');
    for (const page of [facilitator, a, b]) await waitForPeers(page, 2);
    expect(await facilitator.evaluate(() => isSecureContext)).toBe(true);

    const all: string[] = [];
    await Promise.all([facilitator, a, b].map(async (page, i) => {
      for (let n = 0; n < 3; n++) {
        const text = `peer note ${n} from ${i}`;
        all.push(text);
        await addNote(page, text);
      }
    }));
    for (const page of [facilitator, a, b]) await waitForNotes(page, all);
    expect(await noteTexts(a)).toEqual(await noteTexts(b));
    await a.getByTestId('pending').waitFor({ state: 'detached' });
  });

  // The state reaches the newcomer as one y-webrtc message, four times what a data channel
  // carries: this fails as soon as peer-chunks.ts stops framing the messages.
  it('a newcomer receives a 1 MB workshop state from a peer (messages are chunked)', async () => {
    const facilitator = await device(0, LAPTOP);
    await createWorkshop(facilitator, appUrl, 'Big peers workshop');
    await registerWithHub(facilitator, pairingCode);
    const texts = bulkTexts(760, 'khmer');
    expect(new TextEncoder().encode(texts.join('')).length).toBeGreaterThan(1024 * 1024);
    await addNotesQuickly(facilitator, texts);
    const link = await inviteLink(facilitator);
    const phone = await device(1);
    await join(phone, link, 'Newcomer', 'Community');
    await waitForNoteCount(phone, texts.length, 90_000);
    // Every note counted above; the first, a middle one and the last read in full.
    await findNotes(phone, [texts[0]!, texts[texts.length >> 1]!, texts.at(-1)!]);
    await addNote(phone, 'Received it all');
    await waitForNoteCount(facilitator, texts.length + 1);
  });

  // The hub's own /signal lets in only devices that prove a registered room's key, so a public
  // deployment uses a signaling server of its own: here y-webrtc's.
  it('joins through peers alone on a public deployment: a static web host plus a signaling server, no hub', async () => {
    const signaling = `ws://${net.hubAddress}:${SIGNAL_PORT}`;
    const site = buildVariant({ VITE_SIGNALING: signaling, CG_BUILD_ID: 'public-static' });
    try {
      await net.startSignalingServer(SIGNAL_PORT);
      await net.startStaticHost(STATIC_PORT, site);
      const facilitator = await device(0, LAPTOP);
      await createWorkshop(facilitator, siteUrl, 'Public deployment');
      const link = await inviteLink(facilitator);
      expect(new URLSearchParams(new URL(link).hash.split('?')[1]).has('h')).toBe(false);
      const phone = await device(1);
      await join(phone, link, 'Bopha', 'Civil society');
      await waitForPeers(phone, 1);
      await addNote(phone, 'Through the public signaling server');
      await addNote(facilitator, 'And back');
      await waitForNotes(facilitator, ['Through the public signaling server', 'And back']);
      await waitForNotes(phone, ['Through the public signaling server', 'And back']);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
