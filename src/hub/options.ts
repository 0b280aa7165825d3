import { resolve } from 'node:path';
import { normalisePairingCode } from '../core/channel/handshake';
import { DEFAULT_LIMITS, type HubLimits } from './limits';
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
  /** `--https`: serve https with a certificate authority of the hub's own, kept in `data` (phones
   *  install it from /ca), for this computer's addresses and names and the extra `names`. */
  https?: { names: string[] };
  /** Caps on rooms, bytes and sockets; DEFAULT_LIMITS when not given. */
  limits?: HubLimits;
  /** The code devices on other computers register rooms with; a fresh one at each start by default. */
  pairingCode?: string;
  /** Where event lines go; the console by default. */
  log?: Log;
  /** Redis (redis://…): hub processes given the same one share their open rooms. */
  redis?: string;
  /** Postgres (postgres://…): the workshops and room keys live there instead of in `data`, so
   *  every hub process given it serves every room. */
  database?: string;
  /** Behind a reverse proxy: the client's address is the last one in X-Forwarded-For. */
  trustProxy?: boolean;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA = '.hub-data';

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** 4M, 512K, 1G (binary units, as `ls -h` prints them), or plain bytes. */
function size(bytes: number): string {
  const unit = (['G', 'M', 'K'] as const).find((u) => bytes % UNITS[u]! === 0);
  return unit ? `${bytes / UNITS[unit]!}${unit}` : String(bytes);
}

export const USAGE = `Usage: npm start -- [options]

  --port N      port to listen on (default ${DEFAULT_PORT}, or the PORT variable)
  --host ADDR   address to listen on (default 0.0.0.0: every network of this computer)
  --data DIR    where relayed workshops are kept (default ${DEFAULT_DATA} in this folder)
  --cert FILE   TLS certificate (PEM); with --key, serve https instead of http
  --key FILE    TLS private key (PEM)
  --https       serve https with a certificate the hub makes for this computer's addresses; phones
                install its authority once from /ca and can then reopen the app offline
  --https-names N1,N2   more names for that certificate (a DNS name that points here)
  --root DIR    the built app to serve (default dist)
  --help        show this

For an organisation (several hub processes behind a reverse proxy; see the README):
  --redis URL       redis://host:port: processes given the same one share open rooms (or REDIS_URL)
  --database URL    postgres://user@host/db: keep workshops and room keys there (or DATABASE_URL)
  --pairing-code C  a fixed pairing code, the same on every process (or PAIRING_CODE)
  --trust-proxy     count sockets per address by X-Forwarded-For (only behind a proxy that sets it)

Limits (SIZE in bytes, or with K, M or G: 512K, 4M, 1G). A device over a limit is told why;
the rest of the room carries on:
  --max-update SIZE     one change or one device's catch-up (default ${size(DEFAULT_LIMITS.maxUpdateBytes)})
  --max-room SIZE       one workshop (default ${size(DEFAULT_LIMITS.maxRoomBytes)})
  --max-rooms N         workshops kept (default ${DEFAULT_LIMITS.maxRooms}); a new one beyond is refused
  --max-stored SIZE     all workshops together (default ${size(DEFAULT_LIMITS.maxStoredBytes)})
  --max-sockets-per-address N   connections from one device (default ${DEFAULT_LIMITS.maxSocketsPerAddress})
  --max-sockets N       connections in all (default ${DEFAULT_LIMITS.maxSockets})`;

/** Each limit's flag, and whether it is a size or a count. */
const LIMIT_FLAGS = {
  'max-update': ['maxUpdateBytes', 'size'],
  'max-room': ['maxRoomBytes', 'size'],
  'max-rooms': ['maxRooms', 'count'],
  'max-stored': ['maxStoredBytes', 'size'],
  'max-sockets-per-address': ['maxSocketsPerAddress', 'count'],
  'max-sockets': ['maxSockets', 'count'],
} as const satisfies Record<string, readonly [keyof HubLimits, 'size' | 'count']>;

const FLAGS = ['port', 'host', 'root', 'data', 'cert', 'key', 'https-names', 'redis', 'database', 'pairing-code', ...Object.keys(LIMIT_FLAGS) as (keyof typeof LIMIT_FLAGS)[]] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (name: string): name is Flag => (FLAGS as readonly string[]).includes(name);
/** Flags that take no value. */
const SWITCHES = ['trust-proxy', 'https'] as const;
type Switch = (typeof SWITCHES)[number];
const isSwitch = (name: string): name is Switch => (SWITCHES as readonly string[]).includes(name);

/** `--redis`, `--database` and `--pairing-code`, or the environment variable of the same meaning:
 *  a systemd unit keeps a password out of the command line that `ps` shows. */
const ENV: Partial<Record<Flag, string>> = { redis: 'REDIS_URL', database: 'DATABASE_URL', 'pairing-code': 'PAIRING_CODE' };

function checkUrl(flag: Flag, raw: string, schemes: RegExp): string {
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !schemes.test(url.protocol)) throw new Error(`--${flag} must be a URL such as ${flag === 'redis' ? 'redis://127.0.0.1:6379' : 'postgres://hub@127.0.0.1/commonground'}`);
  return raw;
}

function parseLimit(flag: keyof typeof LIMIT_FLAGS, raw: string): number {
  const kind = LIMIT_FLAGS[flag][1];
  const match = kind === 'size' ? /^(\d+)([KMG]?)i?B?$/i.exec(raw) : /^(\d+)()$/.exec(raw);
  const value = match ? Number(match[1]) * UNITS[match[2]!.toUpperCase()]! : 0;
  if (!(value >= 1 && Number.isSafeInteger(value))) {
    throw new Error(`--${flag} must be ${kind === 'size' ? 'a size such as 4M or 512K' : 'a whole number'} above 0, not "${raw}"`);
  }
  return value;
}

/** As strong as the code the hub makes itself: it is not a PAKE, so it must not be guessable. */
function checkPairingCode(raw: string): string {
  if (normalisePairingCode(raw).length < 16) throw new Error('--pairing-code must have at least 16 letters and digits (as the hub\'s own do): it must not be guessable');
  return raw;
}

export const wantsHelp = (argv: string[]): boolean => argv.includes('--help') || argv.includes('-h');

/** `--port 9000 --host 0.0.0.0` (or PORT=9000), `--name=value` too; the defaults serve the whole
 *  LAN on 8787 and keep workshops in `.hub-data`. A mistyped flag is an error rather than ignored:
 *  a hub quietly listening somewhere else than asked is worse than one that does not start. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): HubOptions & { data: string; limits: HubLimits } {
  const given: Partial<Record<Flag, string>> = {};
  const switched = new Set<Switch>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] ?? '';
    if (isSwitch(name) && match?.[2] === undefined) {
      switched.add(name);
      continue;
    }
    if (!isFlag(name)) throw new Error(`unknown option "${arg}" (see --help)`);
    const value = match?.[2] ?? argv[++i];
    if (value === undefined || value === '' || (match?.[2] === undefined && value.startsWith('--'))) {
      throw new Error(`--${name} needs a value (see --help)`);
    }
    given[name] = value;
  }
  for (const [flag, variable] of Object.entries(ENV) as [Flag, string][]) given[flag] ??= env[variable] || undefined;
  if (switched.has('trust-proxy') || env.TRUST_PROXY === '1') switched.add('trust-proxy');
  const rawPort = given.port ?? (env.PORT || String(DEFAULT_PORT));
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${rawPort}"`);
  if (Boolean(given.cert) !== Boolean(given.key)) throw new Error('--cert and --key go together: give both to serve https');
  if (switched.has('https') && given.cert) throw new Error('--https makes its own certificate: leave out --cert and --key');
  if (given['https-names'] && !switched.has('https')) throw new Error('--https-names goes with --https');
  const httpsNames = (given['https-names'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const badName = httpsNames.find((name) => !/^(?:[a-z\d-]+(?:\.[a-z\d-]+)*|[\da-f:.]+)$/i.test(name));
  if (badName) throw new Error(`--https-names takes host names and addresses separated by commas, not "${badName}"`);
  const limits = { ...DEFAULT_LIMITS };
  for (const [flag, [key]] of Object.entries(LIMIT_FLAGS) as [keyof typeof LIMIT_FLAGS, (typeof LIMIT_FLAGS)[keyof typeof LIMIT_FLAGS]][]) {
    const raw = given[flag];
    if (raw !== undefined) limits[key] = parseLimit(flag, raw);
  }
  return {
    port,
    host: given.host ?? '0.0.0.0',
    root: given.root ?? root,
    data: resolve(given.data ?? DEFAULT_DATA),
    limits,
    ...(given.cert && given.key ? { cert: resolve(given.cert), key: resolve(given.key) } : {}),
    ...(switched.has('https') ? { https: { names: httpsNames } } : {}),
    ...(given.redis ? { redis: checkUrl('redis', given.redis, /^rediss?:$/) } : {}),
    ...(given.database ? { database: checkUrl('database', given.database, /^postgres(ql)?:$/) } : {}),
    ...(given['pairing-code'] ? { pairingCode: checkPairingCode(given['pairing-code']) } : {}),
    ...(switched.has('trust-proxy') ? { trustProxy: true } : {}),
  };
}
