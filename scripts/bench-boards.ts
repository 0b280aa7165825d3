// The three core boards at workshop scale: 2,000 SWOT notes and 300 stakeholders. Time to render
// each board, and time from a remote edit arriving (its WebSocket message) to the board showing it.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createBoard } from '../src/core/boards';
import { addProposal } from '../src/core/ground-rules';
import { ensureGroup } from '../src/core/groups';
import { initWorkshop } from '../src/core/meta';
import { addStakeholder, placeStakeholder, SECTORS, ENGAGEMENT_LEVELS } from '../src/core/stakeholders';
import { addCluster, addNote, QUADRANTS } from '../src/core/swot';
import { LAPTOP, launch, startTestHub } from '../tests/e2e/harness';
import { inviteLink, join, useTransports } from '../tests/e2e/workshop-steps';
import { percentile, seedWorkshop } from './bench-seed';

export const SWOT_NOTES = 2000;
export const STAKEHOLDERS = 300;
const PROPOSALS = 40;

function bigBoards() {
  const doc = new Y.Doc();
  const by = 'bench';
  initWorkshop(doc, { title: 'Boards bench', createdBy: by }, by);
  const groups = ['Government', 'Development Partners', 'Civil society', 'Business'].map((name) => {
    const g = ensureGroup(doc, name, by);
    if (!g.ok) throw new Error(g.error);
    return g.value;
  });
  const board = (type: 'swot' | 'stakeholders' | 'ground-rules', title: string) => {
    const b = createBoard(doc, { type, title }, by);
    if (!b.ok) throw new Error(b.error);
    return b.value;
  };
  const swot = board('swot', 'Sector SWOT');
  const headings = QUADRANTS.map((quadrant) => {
    const c = addCluster(doc, swot, { title: `Theme of ${quadrant}`, quadrant }, by);
    if (!c.ok) throw new Error(c.error);
    return c.value;
  });
  for (let i = 0; i < SWOT_NOTES; i++) {
    const q = i % 4;
    addNote(doc, swot, {
      text: `Note ${i}: district teams report ${i % 97} indicators on time`, createdBy: `p${i % 30}`,
      group: groups[i % groups.length]!, quadrant: QUADRANTS[q]!, cluster: i % 5 === 0 ? headings[q] : '',
    }, by);
  }
  const map = board('stakeholders', 'Who is involved');
  for (let i = 0; i < STAKEHOLDERS; i++) {
    const s = addStakeholder(doc, map, {
      name: `Stakeholder ${i}`, createdBy: `p${i % 30}`, sector: SECTORS[i % SECTORS.length]!,
      level: ENGAGEMENT_LEVELS[1 + (i % (ENGAGEMENT_LEVELS.length - 1))]!, needs: 'Timely data', brings: 'Local knowledge',
    }, by);
    if (!s.ok) throw new Error(s.error);
    for (let p = 0; p < 3; p++) {
      placeStakeholder(doc, map, s.value, `p${p}`, { influence: ((i * 7 + p) % 100) / 100, interest: ((i * 13 + p * 5) % 100) / 100 }, by);
    }
  }
  const rules = board('ground-rules', 'Ground rules');
  for (let i = 0; i < PROPOSALS; i++) addProposal(doc, rules, { text: `Proposal ${i}: we start on time`, proposedBy: `p${i % 30}` }, by);
  return { doc, boards: { swot, map, rules } };
}

/** Installed in a page before the app (a string: tsx would wrap a function's names in a helper
 *  the page lacks): how many entries matching a selector the page shows, each windowed list
 *  counting for its whole size (it tells it in aria-setsize). */
export const COUNT_SHOWN = `window.cgShown = (selector) => {
  const lists = new Set();
  let shown = 0;
  for (const node of document.querySelectorAll(selector)) {
    const item = node.closest('li[aria-setsize]');
    if (!item) shown++;
    else if (!lists.has(item.parentElement)) {
      lists.add(item.parentElement);
      shown += Number(item.getAttribute('aria-setsize'));
    }
  }
  return shown;
};`;
type Counting = { cgShown(selector: string): number };

/** Opens a board from the agenda (the app already loaded, COUNT_SHOWN installed) and times it
 *  until all `count` entries matching `selector` are shown and a frame has been drawn. */
export function timeBoard(page: Page, workshopId: string, boardId: string, selector: string, count: number) {
  return page.evaluate(({ workshopId, boardId, selector, count }) => new Promise<number>((done) => {
    const t0 = performance.now();
    new MutationObserver((_, observer) => {
      if ((window as unknown as Counting).cgShown(selector) < count) return;
      observer.disconnect();
      requestAnimationFrame(() => done(performance.now() - t0));
    }).observe(document.body, { childList: true, subtree: true });
    location.hash = `#/w/${workshopId}/b/${boardId}`;
  }), { workshopId, boardId, selector, count });
}

/** Waits until a page (COUNT_SHOWN installed) shows `count` entries matching `selector`. */
export const waitForShown = (page: Page, selector: string, count: number) =>
  page.waitForFunction(({ selector, count }) => (window as unknown as Counting).cgShown(selector) >= count, { selector, count }, { timeout: 60_000 });

/** Each run: the other device adds one entry through its screen; this page records when the last
 *  WebSocket message arrived before the entry appeared, and the frame after it appeared. */
async function remoteEdits(viewer: Page, editor: Page, runs: number, add: (text: string) => Promise<void>, list?: string) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // The viewer looks at the end of the list where the entry lands (a windowed list renders
    // only what is on screen), as someone watching a board fill up would.
    if (list) {
      await viewer.evaluate((list) => new Promise<void>((done) => {
        scrollBy(0, document.querySelector(list)!.getBoundingClientRect().bottom - innerHeight + 50);
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }), list);
    }
    const text = `Remote ${i} ${Math.random().toString(36).slice(2, 8)}`;
    const shown = viewer.evaluate((text) => new Promise<number>((done) => {
      new MutationObserver((records, observer) => {
        const added = records.some((r) => [...r.addedNodes].some((n) => n.textContent?.includes(text)));
        if (!added) return;
        observer.disconnect();
        const arrived = (window as unknown as { lastMessageAt: number }).lastMessageAt;
        requestAnimationFrame(() => done(performance.now() - arrived));
      }).observe(document.body, { childList: true, subtree: true });
    }), text);
    await add(text);
    samples.push(await shown);
  }
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs };
}

export async function benchBoards(runs: number) {
  const hub = await startTestHub();
  const browser = await launch();
  let editorBrowser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    const { doc, boards } = bigBoards();
    const bytes = Y.encodeStateAsUpdateV2(doc).length;
    const viewerContext = await browser.newContext(LAPTOP);
    await useTransports(viewerContext, { relay: true, peers: false });
    // When each relay message arrives, before the app's own handler reads it.
    await viewerContext.addInitScript(() => {
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          this.addEventListener('message', () => { (window as unknown as { lastMessageAt: number }).lastMessageAt = performance.now(); });
        }
      };
    });
    await viewerContext.addInitScript(COUNT_SHOWN);
    const viewer = await viewerContext.newPage();
    await viewer.goto(hub.url);
    await viewer.getByLabel('New workshop title').waitFor();
    const id = 'benchboards00001';
    await seedWorkshop(viewer, id, doc);

    const render: Record<string, number[]> = { swot: [], map: [], rules: [] };
    for (let i = 0; i < runs; i++) {
      for (const [key, boardId, selector, count] of [
        ['swot', boards.swot, '[data-testid="note"]', SWOT_NOTES],
        ['map', boards.map, '[data-testid="stakeholder"]', STAKEHOLDERS],
        ['rules', boards.rules, '[data-testid="proposal"]', PROPOSALS],
      ] as const) {
        await viewer.goto(`${hub.url}#/w/${id}`);
        await viewer.getByRole('heading', { name: 'Boards', exact: true }).waitFor();
        render[key]!.push(await timeBoard(viewer, id, boardId, selector, count));
      }
    }

    // A participant joins through the hub and adds entries while the facilitator watches. The
    // participant is another device: its own browser, so its page's work is not the viewer's.
    const link = await inviteLink(viewer);
    editorBrowser = await launch();
    const editorContext = await editorBrowser.newContext(LAPTOP);
    await useTransports(editorContext, { relay: true, peers: false });
    const editor = await editorContext.newPage();
    await join(editor, link, 'Bench', 'Government', 'Sector SWOT');
    await viewer.goto(`${hub.url}#/w/${id}/b/${boards.swot}`);
    await viewer.locator('[data-testid="quadrant-strengths"] ul[data-list=""] > li').first().waitFor();
    const swotEdit = await remoteEdits(viewer, editor, 20, async (text) => {
      await editor.getByLabel('New note in Strengths').fill(text);
      await editor.getByTestId('quadrant-strengths').getByRole('button', { name: 'Add note' }).click();
    }, '[data-testid="quadrant-strengths"] ul[data-list=""]');
    await editor.goto(`${link.split('#')[0]}#/w/${id}/b/${boards.map}`);
    await viewer.goto(`${hub.url}#/w/${id}/b/${boards.map}`);
    await viewer.getByTestId('stakeholder').first().waitFor();
    const mapEdit = await remoteEdits(viewer, editor, 20, async (text) => {
      await editor.getByLabel('Name', { exact: true }).fill(text);
      await editor.getByRole('button', { name: 'Add stakeholder' }).click();
    });
    return { bytes, render, swotEdit, mapEdit };
  } finally {
    await editorBrowser?.close();
    await browser.close();
    await hub.stop();
  }
}

// Run on its own (`node --import tsx scripts/bench-boards.ts`, after `npm run build`): these
// figures only, BENCH_RUNS times each board opening (default 5).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { median } = await import('./bench-seed');
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const boards = await benchBoards(runs);
  const list = (xs: number[]) => `median ${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`open: SWOT ${list(boards.render.swot!)}; stakeholders ${list(boards.render.map!)}; ground rules ${list(boards.render.rules!)}`);
  console.log(`remote edit: SWOT median ${boards.swotEdit.median.toFixed(0)} ms, p95 ${boards.swotEdit.p95.toFixed(0)} ms; stakeholder median ${boards.mapEdit.median.toFixed(0)} ms, p95 ${boards.mapEdit.p95.toFixed(0)} ms`);
}
