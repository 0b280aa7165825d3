import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, watchErrors } from './harness';
import { canMakeNetns, createTestNet, printedPairingCode, type TestNet } from './netns';
import { createWorkshop, inviteLink, join, pairWithHub } from './workshop-steps';

/* A facilitator's laptop that is not the hub's computer (a second facilitator's, or one whose hub
 * runs on another machine): the hub does not let it register the workshop until the facilitator
 * enters the pairing code the hub printed. Hub and devices in their own network namespaces, so
 * the hub sees the laptop as another computer on the Wi-Fi, on plain http. */
const PORT = 8788;
let net: TestNet;
let appUrl: string;
let pairingCode: string;
const browsers: Browser[] = [];

const why = canMakeNetns();
if (why && process.env.CI) throw new Error(`pairing tests cannot run: ${why}`);
if (why) console.warn(`pairing tests skipped: ${why}`);

beforeAll(async () => {
  if (why) return;
  net = createTestNet();
  appUrl = `http://${net.hubAddress}:${PORT}/`;
  const hub = await net.startHub(PORT, mkdtempSync(joinPath(tmpdir(), 'cg-pairing-')));
  pairingCode = await printedPairingCode(hub);
  browsers.push(await net.device(), await net.device());
});
afterAll(async () => {
  await net?.destroy();
});

describe.skipIf(why)('registering a workshop with a hub on another computer', () => {
  it('is refused until the facilitator enters the hub\'s pairing code; a wrong code says so', async () => {
    const context = await browsers[0]!.newContext(LAPTOP);
    const errors = watchErrors(context);
    const facilitator = await context.newPage();
    await createWorkshop(facilitator, appUrl, 'Paired workshop');
    const refused = facilitator.getByTestId('sync-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(/not invited/);
    await screenshot(facilitator, 'pairing-refused-laptop');

    await refused.getByRole('button', { name: 'Enter the hub’s pairing code' }).click();
    expect(await facilitator.getByTestId('pairing-hub').textContent()).toBe(appUrl.slice(0, -1));
    expect(await pairWithHub(facilitator, '')).toMatch(/Enter the pairing code/);
    expect(await pairWithHub(facilitator, 'AAAA-BBBB-CCCC-DDDD')).toMatch(/refused this code/);
    expect(await facilitator.getByTestId('sync-state').getAttribute('data-hub')).not.toBe('connected');
    await screenshot(facilitator, 'pairing-laptop');
    expect(await pairWithHub(facilitator, pairingCode.toLowerCase().replaceAll('-', ' '))).toBe(`Registered: devices with the invite can now use the hub at ${appUrl.slice(0, -1)}.`);
    await facilitator.getByRole('button', { name: 'Done' }).click();

    // The workshop's own sockets get in at their next try, and the room works for an invited phone.
    await facilitator.waitForSelector('[data-testid="sync-state"][data-hub="connected"]', { timeout: 60_000 });
    await refused.waitFor({ state: 'detached' });
    const phoneContext = await browsers[1]!.newContext(PHONE);
    const phone = await phoneContext.newPage();
    await join(phone, await inviteLink(facilitator), 'Dara', 'Community');
    await phone.waitForSelector('[data-testid="sync-state"][data-hub="connected"]', { timeout: 60_000 });
    expect(await phone.getByTestId('sync-refused').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const context = await browsers[0]!.newContext(PHONE);
    const page = await context.newPage();
    await createWorkshop(page, appUrl, 'Paired on a phone');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByTestId('pairing').locator('summary').click();
    const form = page.getByTestId('pairing');
    const box = await form.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await form.getByRole('button', { name: 'Register', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'pairing-phone');
  });
});
