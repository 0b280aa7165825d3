import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';

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
