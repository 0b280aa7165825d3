import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { launch, startTestHub } from '../tests/e2e/harness';

/* Lighthouse 12 (13 needs a newer Node) on the home screen of a first visit, served by the built hub:
 * its default mobile mode, a simulated slow 4G link and a CPU four times slower. Lighthouse drives
 * the same Chromium as the browser tests, through a debugging port. */

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const RUNS = Number(process.env.LH_RUNS ?? 3);
const hub = await startTestHub();
const port = await freePort();
const browser = await launch([`--remote-debugging-port=${port}`]);
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(hub.url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
    runs.push({
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      failed: failed.map((a) => a.id),
    });
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`- Lighthouse ${RUNS}× on the home screen, first visit (mobile: simulated slow 4G, 4× CPU):`);
  for (const r of runs) {
    console.log(`  performance ${r.performance}, accessibility ${r.accessibility}; FCP ${s(r.fcp)}, LCP ${s(r.lcp)}, TBT ${r.tbt.toFixed(0)} ms${r.failed.length ? `; failing: ${r.failed.join(', ')}` : ''}`);
  }
  console.log('  targets: performance >= 95, accessibility 100');
} finally {
  await browser.close();
  await hub.stop();
}
