import type { BrowserContext, Page } from 'playwright-core';

/** What a page's RTCPeerConnections are now: not closed, of those connected, and the most ever
 *  not closed at once since the last `resetMost`. */
export interface PeerConnectionCount { open: number; connected: number; most: number }

interface Counter { count(): PeerConnectionCount; resetMost(): void }

/** Makes every page of `context` count the RTCPeerConnections it makes: whatever the app's own
 *  bookkeeping says, these are the connections the browser holds. */
export async function countPeerConnections(context: BrowserContext): Promise<void> {
  // Plain text: a function here would reach the page through tsx in the bench, which wraps named
  // functions in a helper the page does not have.
  await context.addInitScript({ content: COUNTER });
}

const COUNTER = `(() => {
  const Native = window.RTCPeerConnection;
  const all = [];
  let most = 0;
  const open = () => all.filter((pc) => pc.signalingState !== 'closed');
  window.peerConnections = {
    count: () => ({ open: open().length, connected: open().filter((pc) => pc.connectionState === 'connected').length, most }),
    resetMost: () => { most = open().length; },
  };
  window.RTCPeerConnection = class extends Native {
    constructor(config) {
      super(config);
      all.push(this);
      most = Math.max(most, open().length);
    }
  };
})();`;

export const peerConnections = (page: Page): Promise<PeerConnectionCount> =>
  page.evaluate(() => (window as unknown as { peerConnections: Counter }).peerConnections.count());

export const resetMostPeerConnections = (page: Page): Promise<void> =>
  page.evaluate(() => (window as unknown as { peerConnections: Counter }).peerConnections.resetMost());

/** Until the page holds at most `n` connections not closed. */
export async function waitForPeerConnectionsAtMost(page: Page, n: number, timeout: number): Promise<void> {
  await page.waitForFunction((max) => (window as unknown as { peerConnections: Counter }).peerConnections.count().open <= max, n, { timeout });
}
