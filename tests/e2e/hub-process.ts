import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built hub (`npm run build`); CG_HUB_MAIN runs another build, e.g. an older one to compare. */
const MAIN = resolve(process.env.CG_HUB_MAIN ?? resolve(import.meta.dirname, '../../build/hub/main.js'));

export interface HubProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<void>;
}

/** Starts the built hub as its own process on a free loopback port, keeping workshops in `data`
 *  (with `args` added to its command line), and resolves once it prints where it listens. */
export async function startHubProcess(data: string, args: string[] = []): Promise<HubProcess> {
  if (!existsSync(MAIN)) throw new Error(`no ${MAIN}: run \`npm run build\` first`);
  const child = spawn(process.execPath, [MAIN, '--host', '127.0.0.1', '--port', '0', '--data', data, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 20_000;
  let port: string | undefined;
  while (!(port = /127\.0\.0\.1:(\d+)/.exec(output)?.[1])) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the hub did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}/`, output: () => output, exited };
}
