import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_CERT_FILE } from '../../src/hub/certificates';
import { launch, PHONE, withContext } from './harness';
import { startHubProcess, type HubProcess } from './hub-process';
import { addNote, createWorkshop, noteTexts } from './workshop-steps';

/* A phone on the room's Wi-Fi, as near as one machine gets: Chromium opens the hub by a name that
 * is not localhost (lan.test, mapped to loopback), so only a trusted certificate makes the page a
 * secure context and lets the service worker in. Chromium on Linux trusts what the NSS database in
 * $HOME/.pki/nssdb trusts: the test gives it a HOME of its own holding the hub's authority, as a
 * phone holds it once installed from /ca. */

const LAN_NAME = 'lan.test';
let dir: string;
let hub: HubProcess;
let browser: Browser;
let appUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cg-https-'));
  hub = await startHubProcess(join(dir, 'data'), ['--https', '--https-names', LAN_NAME]);
  const port = /https:\/\/127\.0\.0\.1:(\d+)/.exec(hub.output())?.[1];
  if (!port) throw new Error(`the hub did not say it serves https:\n${hub.output()}`);
  appUrl = `https://${LAN_NAME}:${port}/`;

  const home = join(dir, 'home');
  const nssdb = join(home, '.pki', 'nssdb');
  mkdirSync(nssdb, { recursive: true });
  try {
    execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nssdb}`, '-n', 'Common Ground test hub', '-t', 'C,,', '-i', join(dir, 'data', CA_CERT_FILE)]);
  } catch (error) {
    throw new Error(`certutil could not make the test's NSS database (apt-get install libnss3-tools): ${String(error)}`);
  }
  browser = await launch([`--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`], { env: { ...process.env, HOME: home } });
});

afterAll(async () => {
  await browser?.close();
  if (hub && hub.child.exitCode === null) {
    hub.child.kill('SIGTERM');
    await hub.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the hub with --https, its authority trusted', () => {
  it('offers its authority at /ca with a QR code and the steps, in English and Khmer', async () =>
    withContext(browser, PHONE, async (context, errors) => {
      const page = await context.newPage();
      await page.goto(`${appUrl}ca`);
      await page.getByRole('heading', { name: 'Trust this hub on a phone' }).waitFor();
      await page.getByRole('heading', { name: 'Android' }).waitFor();
      await page.getByRole('heading', { name: 'iPhone and iPad' }).waitFor();
      expect(await page.locator('.qr svg').count()).toBe(1);
      const download = await page.evaluate(async () => {
        const response = await fetch('/ca.crt');
        return { type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
      });
      expect(download.type).toBe('application/x-x509-ca-cert');
      expect(download.bytes).toBeGreaterThan(300);
      await page.getByRole('link', { name: 'ខ្មែរ' }).click();
      await page.getByRole('heading', { name: 'ទុកចិត្តហាប់នេះនៅលើទូរស័ព្ទ' }).waitFor();
      expect(errors).toEqual([]);
    }));

  it('a phone on the LAN name gets the service worker, and reopens its workshop after the hub is gone', async () =>
    withContext(browser, PHONE, async (context, errors) => {
      const page = await context.newPage();
      await createWorkshop(page, appUrl, 'Field visit', 'Expectations');
      await addNote(page, 'Written with the hub');
      await page.getByText('Written with the hub').waitFor();
      expect(await page.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // The invite hands out the hub's https address, so other phones land on the trusted origin,
      // and tells where a phone new to the hub installs its authority first.
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      expect(await page.getByTestId('invite-link').textContent()).toMatch(new RegExp(`^${appUrl.replace(/[.]/g, '\\.')}#/join`));
      expect(await page.getByTestId('invite-certificate').textContent()).toContain(`${appUrl}ca `);
      await page.getByRole('button', { name: 'Done' }).click();

      hub.child.kill('SIGTERM');
      await hub.exited;
      await expect(page.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'unreachable'))).resolves.toBe('unreachable');

      await page.reload();
      await page.getByText('Written with the hub').waitFor();
      await page.goto(appUrl);
      await page.getByRole('link', { name: /Field visit/ }).click();
      await page.getByRole('link', { name: /Expectations/ }).click();
      await page.getByRole('heading', { name: 'Expectations' }).waitFor();
      expect(await noteTexts(page)).toEqual(['Written with the hub']);
      expect(errors).toEqual([]);
    }));
});
