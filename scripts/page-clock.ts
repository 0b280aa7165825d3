import type { Page } from 'playwright-core';

/** This process's clock: ms since the epoch as of its start, steady after it. A page's
 *  `performance.timeOrigin + performance.now()` is the same kind of clock, begun when it loaded. */
export const benchNow = () => performance.timeOrigin + performance.now();

/** Turns times read on `page` (its time origin plus now) into this process's clock. Each browser
 *  takes its time origin from the wall clock when the page loads, and the wall clock may be
 *  stepped between two loads (one room bench printed negative times): times from two pages, or
 *  from a page and this process, are compared only through this. */
export async function pageClock(page: Page): Promise<(pageTime: number) => number> {
  const before = benchNow();
  const theirs = await page.evaluate(() => performance.timeOrigin + performance.now());
  const ahead = theirs - (before + benchNow()) / 2;
  return (pageTime) => pageTime - ahead;
}
