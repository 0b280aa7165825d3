import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Postgres 15 (`apt-get install postgresql`); PG_BIN points elsewhere. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const INSTALL = 'install them with `apt-get install -y redis-server postgresql` (as .ci/run does)';

const found = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Throws one line saying how to install what the organisation's hub tests need, if it is missing. */
export function requireServices(): void {
  const missing = [!found('redis-server') && 'redis-server', !existsSync(join(PG_BIN, 'initdb')) && `${PG_BIN}/initdb`].filter(Boolean);
  if (missing.length > 0) throw new Error(`no ${missing.join(' or ')}: ${INSTALL}`);
}

export const freePort = (): Promise<number> => new Promise((done, fail) => {
  const server = createServer();
  server.once('error', fail);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => done(port));
  });
});

const until = async (what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Postgres refuses to run as root: as root (CI), its files belong to the `postgres` user the
 *  Debian package creates, and its commands run as that user. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/** A Redis and a Postgres of the test's own, on free loopback ports, in a temporary directory;
 *  each can be stopped and started again on the same port (to take them away from a hub). */
export interface Services {
  redisUrl: string;
  databaseUrl: string;
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  stopDatabase(): void;
  startDatabase(): void;
  close(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  requireServices();
  const dir = mkdtempSync(join(tmpdir(), 'cg-org-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const [redisPort, pgPort] = [await freePort(), await freePort()];
  const data = join(dir, 'pg');
  const pg = (command: string, args: string[]) => {
    const [file, argv] = asPostgres(join(PG_BIN, command), args);
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  pg('initdb', ['-D', data, '-A', 'trust', '-U', 'hub', '--no-sync', '-E', 'UTF8']);
  const startDatabase = () => pg('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'pg.log'), '-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  const stopDatabase = () => pg('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
  startDatabase();

  let redis: ChildProcess | null = null;
  const startRedis = async () => {
    const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
    redis = child;
    await until('redis-server', () => output.includes('Ready to accept connections'));
  };
  const stopRedis = async () => {
    const child = redis;
    redis = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  };
  await startRedis();

  return {
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    databaseUrl: `postgres://hub@127.0.0.1:${pgPort}/postgres`,
    stopRedis, startRedis, stopDatabase, startDatabase,
    close: async () => {
      await stopRedis();
      try {
        stopDatabase();
      } catch {
        // already stopped by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
