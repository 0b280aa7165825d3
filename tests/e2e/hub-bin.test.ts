import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CA_CERT_FILE } from '../../src/hub/certificates';

const project = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What `npm ci && npm run build && npm prune --omit=dev` leaves: package.json, the builds and
 *  only the production packages (linked from this checkout's node_modules, without copying). */
function prunedCopy(): string {
  for (const built of ['dist/index.html', 'build/hub/main.js']) {
    if (!existsSync(join(project, built))) throw new Error(`no ${built}: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'cg-bin-'));
  dirs.push(dir);
  for (const part of ['package.json', 'dist', 'build']) cpSync(join(project, part), join(dir, part), { recursive: true });
  const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: project, encoding: 'utf8' })
    .split('\n').filter((path) => path.startsWith(join(project, 'node_modules') + '/'));
  for (const path of production) {
    const target = join(dir, relative(project, path));
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(path, target);
  }
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync('../../build/hub/main.js', join(dir, 'node_modules/.bin/common-ground-hub'));
  return dir;
}

const opened = (url: string, ca?: Buffer) => new Promise<void>((done, fail) => {
  const ws = new WebSocket(url, ca ? { ca } : {});
  ws.once('open', () => { ws.close(); done(); });
  ws.once('error', fail);
});

/** `npx common-ground-hub` in `dir` on a free loopback port, with `args`; `use` gets its address
 *  (`127.0.0.1:<port>`), then the hub is stopped as Ctrl+C would, and its output returned. */
async function runHub(dir: string, args: string[], use: (base: string) => Promise<void>): Promise<string> {
  const child = spawn('npx', ['--no-install', 'common-ground-hub', '--host', '127.0.0.1', '--port', '0', '--data', join(dir, 'data'), ...args],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await expect.poll(() => /127\.0\.0\.1:(\d+)/.exec(output), { timeout: 20_000 }).not.toBeNull();
    await use(`127.0.0.1:${/127\.0\.0\.1:(\d+)/.exec(output)![1]}`);
  } finally {
    // npx and the hub under it, as Ctrl+C in a terminal would.
    process.kill(-child.pid!, 'SIGTERM');
  }
  await exited;
  await expect.poll(() => output, { timeout: 10_000 }).toMatch(/hub: stopped 0 open workshop\(s\) saved/);
  return output;
}

describe('the built hub', () => {
  it('runs as `npx common-ground-hub` with production packages only', async () => {
    const dir = prunedCopy();
    expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
    await runHub(dir, [], async (base) => {
      const page = await fetch(`http://${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
      expect(await (await fetch(`http://${base}/healthz`)).json()).toMatchObject({ ok: true });
      await opened(`ws://${base}/sync`);
      await opened(`ws://${base}/signal`);
    });
  });

  it('serves https and wss with --https, its certificate library among the production packages', async () => {
    const dir = prunedCopy();
    await runHub(dir, ['--https'], async (base) => {
      const ca = readFileSync(join(dir, 'data', CA_CERT_FILE));
      const health = await new Promise<string>((done, fail) => {
        get(`https://${base}/healthz`, { ca }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => { body += d.toString(); }).on('end', () => done(body));
        }).on('error', fail);
      });
      expect(JSON.parse(health)).toMatchObject({ ok: true, ca: true });
      await opened(`wss://${base}/sync`, ca);
    });
  });
});
