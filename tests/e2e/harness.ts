import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startHub, type HubServer } from '../../src/hub/server';

export const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true } as const;
export const LAPTOP = { viewport: { width: 1366, height: 768 } } as const;

/** Debian's Chromium, never a downloaded browser (downloads fail here). */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  return path;
}

export function launch(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...extraArgs], ...options });
}

/** A hub on a free loopback port serving the built app (`npm run build` first), or `root`.
 *  After `stop`, `restart` starts it again on the same port, optionally serving another build:
 *  to a page that is what a new deployment looks like. */
export async function startTestHub(options: { root?: string; data?: string } = {}) {
  // CG_DIST: a build elsewhere than dist/, so two builds can be tested side by side.
  let root = options.root ?? resolve(process.env.CG_DIST ?? resolve(import.meta.dirname, '../../dist'));
  const start = (port: number) => {
    if (!existsSync(resolve(root, 'index.html'))) throw new Error(`${root} has no index.html: run \`npm run build\` before the browser tests.`);
    return startHub({ port, host: '127.0.0.1', root, data: options.data });
  };
  let server: HubServer = await start(0);
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('hub has no address');
  const { port } = address;
  return {
    get server() { return server; },
    url: `http://127.0.0.1:${port}/`,
    stop: () => server.stop(),
    restart: async (newRoot?: string) => {
      root = newRoot ?? root;
      server = await start(port);
    },
  };
}

/** Fails the test on any uncaught page error, so a crash is never mistaken for a pass, and on
 *  anything the hub's Content-Security-Policy blocked (Chromium reports it on the console). */
export function watchErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** Runs `use` in a fresh browser context (one person, one device) and always closes it. */
export async function withContext<T>(
  browser: Browser, device: object, use: (context: BrowserContext, errors: string[]) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(device);
  const errors = watchErrors(context);
  try {
    return await use(context, errors);
  } finally {
    await context.close();
  }
}

/** Builds the app once more into a temp folder with extra build-time variables: another
 *  deployment of the same code (a new version, or a public host's configuration). */
export function buildVariant(vars: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-build-'));
  // Without vitest's variables, or the build would be a test build.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root, env: { ...env, ...vars }, stdio: 'inherit',
  });
  return dir;
}

/** A hub on loopback and one Chromium for the tests of a file: started before them, stopped after. */
export function useHubAndBrowser(options: Parameters<typeof startTestHub>[0] = {}) {
  const env = {} as { hub: Awaited<ReturnType<typeof startTestHub>>; browser: Browser };
  beforeAll(async () => {
    env.hub = await startTestHub(options);
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.hub?.stop();
  });
  return env;
}

type Shootable = { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> };

/** Writes a screenshot into $CG_SCREENSHOTS only when that is set: a normal run leaves no files. */
export async function screenshot(target: Shootable, name: string, fullPage = false): Promise<void> {
  const dir = process.env.CG_SCREENSHOTS;
  if (!dir) return;
  await target.screenshot({ path: join(dir, `${name}.png`), fullPage });
}
