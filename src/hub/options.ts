import { resolve } from 'node:path';
import type { Log } from './log';

export interface HubOptions {
  port: number;
  host: string;
  /** The built app. */
  root: string;
  /** Directory for the relayed workshops. Without it they live in memory only (tests). */
  data?: string;
  /** PEM files; given both, the hub serves https (and wss) instead of http. */
  cert?: string;
  key?: string;
  /** Where event lines go; the console by default. */
  log?: Log;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA = '.hub-data';

export const USAGE = `Usage: npm start -- [options]

  --port N      port to listen on (default ${DEFAULT_PORT}, or the PORT variable)
  --host ADDR   address to listen on (default 0.0.0.0: every network of this computer)
  --data DIR    where relayed workshops are kept (default ${DEFAULT_DATA} in this folder)
  --cert FILE   TLS certificate (PEM); with --key, serve https instead of http
  --key FILE    TLS private key (PEM)
  --root DIR    the built app to serve (default dist)
  --help        show this`;

const FLAGS = ['port', 'host', 'root', 'data', 'cert', 'key'] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (name: string): name is Flag => (FLAGS as readonly string[]).includes(name);

export const wantsHelp = (argv: string[]): boolean => argv.includes('--help') || argv.includes('-h');

/** `--port 9000 --host 0.0.0.0` (or PORT=9000), `--name=value` too; the defaults serve the whole
 *  LAN on 8787 and keep workshops in `.hub-data`. A mistyped flag is an error rather than ignored:
 *  a hub quietly listening somewhere else than asked is worse than one that does not start. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): HubOptions & { data: string } {
  const given: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] ?? '';
    if (!isFlag(name)) throw new Error(`unknown option "${arg}" (see --help)`);
    const value = match?.[2] ?? argv[++i];
    if (value === undefined || value === '' || (match?.[2] === undefined && value.startsWith('--'))) {
      throw new Error(`--${name} needs a value (see --help)`);
    }
    given[name] = value;
  }
  const rawPort = given.port ?? (env.PORT || String(DEFAULT_PORT));
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${rawPort}"`);
  if (Boolean(given.cert) !== Boolean(given.key)) throw new Error('--cert and --key go together: give both to serve https');
  return {
    port,
    host: given.host ?? '0.0.0.0',
    root: given.root ?? root,
    data: resolve(given.data ?? DEFAULT_DATA),
    ...(given.cert && given.key ? { cert: resolve(given.cert), key: resolve(given.key) } : {}),
  };
}
