import { describe, expect, it } from 'vitest';
import { LAPTOP, useHubAndBrowser, withContext } from './harness';
import { addNote, createWorkshop, inviteLink } from './workshop-steps';

const env = useHubAndBrowser();

/** Every violation the page reports, collected from the first script on. */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
`;

describe('the app under the hub\'s Content-Security-Policy', () => {
  it('runs with no violation: start, a workshop with notes, the invite\'s QR code, a reload, the service worker', () =>
    withContext(env.browser, LAPTOP, async (context, errors) => {
      await context.addInitScript(RECORD_VIOLATIONS);
      const page = await context.newPage();
      const response = await page.goto(env.hub.url);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await createWorkshop(page, env.hub.url);
      for (const text of ['Clear roles', 'Shared data']) await addNote(page, text);
      await page.getByTestId('note').nth(1).waitFor();
      expect(await inviteLink(page)).toContain('#/join');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByTestId('note').nth(1).waitFor();
      // The relay's socket opened: the policy lets the page reach its hub.
      await expect.poll(() => env.hub.server.stats().rooms, { timeout: 10_000 }).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(errors).toEqual([]);
    }));
});
