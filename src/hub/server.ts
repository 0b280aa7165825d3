import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { hubUrls } from './banner';
import { caRoutes, CA_PAGE } from './ca-page';
import type { LocalTls } from './certificates';
import { builtConnectSources, RAW_HEADER_LINES, securityHeaders } from './headers';
import { DEFAULT_LIMITS, RELAY_MESSAGE_OVERHEAD_BYTES, SIGNAL_MAX_MESSAGE_BYTES } from './limits';
import { consoleLog, describeError, type Log } from './log';
import type { HubOptions } from './options';
import { openDatabase, type Database } from './database';
import { Health, type Reachability, type Service } from './health';
import { DiskStore, MemoryStore, type RoomStore } from './persistence';
import { PgStore } from './pg-store';
import { sharedRooms } from './redis';
import { StorageQuota } from './quota';
import { newPairingCode } from './pairing';
import { createRelay } from './relay';
import { RoomKeyStore } from './room-keys';
import { createSignaling } from './signaling';
import { createSocketRouter } from './sockets';
import { staticHandler } from './static';

export type { HubOptions } from './options';

/** What `GET /healthz` answers. */
export interface HubStats {
  ok: true;
  /** Workshops open on the relay (/sync). */
  rooms: number;
  /** Signaling topics (/signal) with at least one subscriber. */
  signalRooms: number;
  /** Open sockets, relay and signaling together. */
  clients: number;
  /** Workshops the hub keeps (on disk or open) and their bytes, against its limits. */
  stored: { rooms: number; bytes: number };
  /** Seconds since the hub started. */
  uptime: number;
  /** Addresses other devices in the room can open: the app puts these in invite links when the
   *  facilitator opened it as localhost. */
  lan: string[];
  /** Whether phones install the hub's own certificate authority from /ca (`--https`). */
  ca: boolean;
  /** Whether the hub's Redis and Postgres answer ('off': the hub was started without them). */
  redis: Reachability;
  database: Reachability;
}

/** The http(s) server, plus what only the hub knows. */
export type HubServer = Server & {
  /** Where relayed workshops are kept: a directory, or 'memory only'. */
  readonly dataDir: string;
  /** What a facilitator's device on another computer enters to register a workshop's room. */
  readonly pairingCode: string;
  stats(): HubStats;
  /** Closes every socket, saves every open workshop, then stops listening. */
  stop(): Promise<void>;
};

async function readTls(cert: string, key: string): Promise<{ cert: Buffer; key: Buffer }> {
  const read = (flag: string, path: string) => readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${flag} ${path}: ${error.code === 'ENOENT' ? 'no such file' : describeError(error)}`);
  });
  return { cert: await read('--cert', cert), key: await read('--key', key) };
}

/** `--cert`/`--key`, or with `--https` the hub's own certificate for this computer's names. */
async function tlsOf(options: HubOptions, log: Log): Promise<{ cert: Buffer | string; key: Buffer | string; ca?: LocalTls['ca'] } | null> {
  if (options.cert && options.key) return readTls(options.cert, options.key);
  if (!options.https) return null;
  if (!options.data) throw new Error('--https keeps its certificate authority in the data directory: give --data');
  // Loaded only for --https: the certificate library takes a second or more to load, and a
  // plain hub's restart must answer at once.
  const { localTls, machineNames } = await import('./certificates');
  return localTls(resolve(options.data), machineNames(options.https.names), log);
}

function createHttpOrHttps(tls: { cert: Buffer | string; key: Buffer | string } | null, handler: RequestListener): Server {
  if (!tls) return createServer(handler);
  try {
    return createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
  } catch (error) {
    throw new Error(`--cert and --key are not a usable PEM certificate and key: ${describeError(error)}`);
  }
}

/** Where the workshops are, for the banner and the log: the database's host and name, never its
 *  password. */
const databaseName = (url: string): string => {
  const { host, pathname } = new URL(url);
  return `the database ${host}${pathname}`;
};

/** The hub: one Node server on one port serving the built app, `/healthz`, a y-webrtc signaling
 *  endpoint at `/signal` and a Yjs relay (Hocuspocus) at `/sync` to every device in the room. */
export async function startHub(options: HubOptions): Promise<HubServer> {
  const health = new Health(options.log ?? consoleLog, [...(options.redis ? ['redis' as const] : []), ...(options.database ? ['database' as const] : [])] satisfies Service[]);
  const log = health.quiet(options.log ?? consoleLog);
  const tls = await tlsOf(options, log);
  const db: Database | null = options.database ? await openDatabase(options.database, health) : null;
  const store: RoomStore = db ? new PgStore(db, databaseName(options.database!))
    : options.data ? await DiskStore.open(resolve(options.data), log) : new MemoryStore();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const quota = new StorageQuota(limits, await store.sizes());
  const pairingCode = options.pairingCode ?? newPairingCode();
  const keys = db ? await RoomKeyStore.inDatabase(db) : await RoomKeyStore.open(options.data ? resolve(options.data) : null);
  const redis = options.redis ? sharedRooms(options.redis, health) : null;
  const channel = { keys, pairingCode, log };
  const relay = createRelay(store, quota, channel, redis ? [redis] : []);
  const signaling = createSignaling(channel);
  const sockets = createSocketRouter({
    // Anything larger is refused by the relay anyway: closed before it is buffered.
    '/sync': { maxPayload: limits.maxUpdateBytes + RELAY_MESSAGE_OVERHEAD_BYTES, accept: relay.accept },
    '/signal': { maxPayload: SIGNAL_MAX_MESSAGE_BYTES, accept: signaling.accept },
  }, limits, log, options.trustProxy ?? false);
  const startedAt = Date.now();
  const stats = (): HubStats => ({
    ok: true,
    rooms: relay.rooms(),
    signalRooms: signaling.topics(),
    clients: sockets.count('/sync') + sockets.count('/signal'),
    stored: { rooms: quota.rooms, bytes: quota.bytes },
    uptime: Math.round((Date.now() - startedAt) / 1000),
    lan: hubUrls(options.host, listeningPort(), tls !== null).lan,
    ca: Boolean(tls?.ca),
    redis: health.of('redis'),
    database: health.of('database'),
  });
  const listeningPort = () => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : options.port;
  };

  const serveApp = staticHandler(resolve(options.root), log);
  // The page a phone scans must name an address the phone can reach, not the laptop's localhost.
  const serveCa = tls?.ca ? caRoutes(tls.ca, (req) => {
    const { local, lan } = hubUrls(options.host, listeningPort(), true);
    return new URL(CA_PAGE, lan.find((url) => new URL(url).host === req.headers.host) ?? lan[0] ?? local!).href;
  }) : null;
  const connect = await builtConnectSources(resolve(options.root));
  const server = createHttpOrHttps(tls, (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders(req.headers.host, tls !== null, connect))) res.setHeader(name, value);
    if (req.url?.split('?')[0] === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(stats()));
      return;
    }
    if (serveCa?.(req, res)) return;
    serveApp(req, res).catch((error: unknown) => {
      log('request-failed', `${req.method} ${req.url}: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('upgrade', sockets.upgrade);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log('bad-request', `${(socket as Socket).remoteAddress ?? 'unknown'}: ${error.code ?? describeError(error)}`);
    if (socket.writable && error.code !== 'ECONNRESET') socket.end(`HTTP/1.1 400 Bad Request\r\n${RAW_HEADER_LINES}Connection: close\r\n\r\n`);
    else socket.destroy();
  });
  // A phone that does not trust a self-signed certificate hangs up during the handshake.
  server.on('tlsClientError', (error: Error, socket: Socket) => log('tls-refused', `${socket.remoteAddress ?? 'unknown'}: ${error.message}`));

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    const rooms = relay.rooms();
    const stopped = new Promise<void>((done) => server.close(() => done()));
    await sockets.closeAll();
    signaling.close();
    await relay.flush();
    await redis?.onDestroy();
    await db?.close();
    server.closeAllConnections();
    await stopped;
    log('stopped', `${rooms} open workshop(s) saved (${store.where})`);
  })());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      done();
    });
  }).catch(async (error: unknown) => {
    signaling.close();
    await redis?.onDestroy();
    await db?.close();
    throw error;
  });
  server.on('error', (error) => log('server-error', describeError(error)));
  return Object.assign(server, { dataDir: store.where, pairingCode, stats, stop });
}

