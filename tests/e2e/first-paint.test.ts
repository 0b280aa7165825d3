import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { createWorkshop } from './workshop-steps';

const env = useHubAndBrowser();

describe('the first visit', () => {
  it('paints the top bar and a loading card with no script at all', () =>
    withContext(env.browser, { ...PHONE, javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await expect(page.getByRole('link', { name: 'Common Ground' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('status').textContent()).resolves.toContain('Opening…');
      await screenshot(page, 'first-paint-shell-phone');
    }));

  it('replaces the shell with the app: one bar, no loading card, the home screen (laptop)', () =>
    withContext(env.browser, LAPTOP, async (context, errors) => {
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await page.getByLabel('New workshop title').waitFor();
      await page.getByRole('link', { name: 'My profile' }).waitFor();
      await expect(page.locator('header').count()).resolves.toBe(1);
      await expect(page.locator('main').count()).resolves.toBe(1);
      await expect(page.locator('.app-loading').count()).resolves.toBe(0);
      await screenshot(page, 'first-paint-app-laptop');
      expect(errors).toEqual([]);
    }));
});

/** The module scripts of a build the page may fetch lazily: all but index.html's entry, which
 *  the page cannot fetch again by itself. */
const entryScript = () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../dist/index.html'), 'utf8');
  return /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
};
const isLazyScript = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.startsWith('/assets/') && pathname.endsWith('.js') && pathname !== entryScript();
};

/** Fails the matching script requests as a dropped Wi-Fi link does: each one once, or all of them
 *  until `stop()`. Returns how many were failed and that function. */
async function dropScripts(context: BrowserContext, mode: 'once' | 'all') {
  const failed = new Set<string>();
  const handler = (route: Route) => {
    const url = route.request().url();
    if (!isLazyScript(url) || (mode === 'once' && failed.has(url))) return route.fallback();
    failed.add(url);
    return route.abort('internetdisconnected');
  };
  await context.route('**/*', handler);
  return { failed, stop: () => context.unroute('**/*', handler) };
}

// The service worker would answer from its cache where the test means the network to fail.
const NO_WORKER = { serviceWorkers: 'block' } as const;

describe('a first visit on patchy Wi-Fi', () => {
  it('gets every script that failed once on a later try: home, a workshop, a board (phone)', () =>
    withContext(env.browser, { ...PHONE, ...NO_WORKER }, async (context, errors) => {
      const drop = await dropScripts(context, 'once');
      await createWorkshop(await context.newPage(), env.hub.url, 'Patchy Wi-Fi meeting', 'Expectations');
      expect(drop.failed.size).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    }));

  it('says so with a Reload button when a screen’s code never comes, and reloads into it (laptop)', () =>
    withContext(env.browser, { ...LAPTOP, ...NO_WORKER }, async (context) => {
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await page.getByLabel('New workshop title').waitFor();
      await page.waitForLoadState('networkidle');
      const drop = await dropScripts(context, 'all');
      await page.getByLabel('New workshop title').fill('Wi-Fi gone');
      await page.getByRole('button', { name: 'Create workshop' }).click();
      const bar = page.getByTestId('load-failed');
      await bar.getByText('Part of Common Ground did not load').waitFor({ timeout: 20_000 });
      await screenshot(page, 'load-failed-laptop');
      await drop.stop();
      await bar.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('heading', { name: 'Wi-Fi gone' }).waitFor();
      await expect(bar.count()).resolves.toBe(0);
    }));

  it('the static shell says so in both languages when the app’s code never comes (phone)', () =>
    withContext(env.browser, { ...PHONE, ...NO_WORKER }, async (context) => {
      const drop = await dropScripts(context, 'all');
      const page = await context.newPage();
      await page.goto(env.hub.url);
      const alert = page.getByRole('alert');
      await alert.getByText('Common Ground could not load').waitFor({ timeout: 20_000 });
      await expect(alert.textContent()).resolves.toContain('មិនអាចបើក Common Ground បានទេ');
      await screenshot(page, 'load-failed-shell-phone');
      await drop.stop();
      await alert.getByRole('button', { name: /Reload/ }).click();
      await page.getByLabel('New workshop title').waitFor();
    }));
});
