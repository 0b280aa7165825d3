import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientAddress } from './client-address';
import { RAW_HEADER_LINES } from './headers';
import { CLOSE_GRACE_MS, type HubLimits } from './limits';
import type { Log } from './log';
import { SocketQuota } from './quota';

/** One WebSocket endpoint of the hub (`/sync`, `/signal`). */
export interface Endpoint {
  /** Larger messages close the socket with 1009 before they are buffered whole. */
  maxPayload: number;
  accept(ws: WebSocket, request: IncomingMessage, client: string): void;
}

export interface SocketRouter {
  /** The http(s) server's 'upgrade' listener. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Open sockets on `path`. */
  count(path: string): number;
  /** Refuses new sockets, asks open ones to close, and cuts those that do not within a grace period. */
  closeAll(): Promise<void>;
}

const STATUS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/** Answers an upgrade that will not become a WebSocket, on the raw socket Node hands over. */
function refuse(socket: Duplex, status: number): void {
  // The client may already be gone; its error must not become an uncaught exception.
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS[status]}\r\n${RAW_HEADER_LINES}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Routes WebSocket upgrades by path on the hub's one port, and counts sockets per client address
 *  and in all, across all endpoints, so that no one device can hold more than its share and no
 *  crowd of them more than the laptop can take. */
export function createSocketRouter(
  endpoints: Record<string, Endpoint>, limits: Pick<HubLimits, 'maxSockets' | 'maxSocketsPerAddress'>, log: Log, trustProxy = false,
): SocketRouter {
  const servers = new Map(Object.entries(endpoints).map(([path, endpoint]) => {
    const wss = new WebSocketServer({ noServer: true, maxPayload: endpoint.maxPayload, clientTracking: false });
    // A handshake `ws` itself finds malformed: answered here, so that this answer too carries
    // the hub's security headers (`ws` would write its own, without them).
    wss.on('wsClientError', (error: Error, socket: Duplex, request: IncomingMessage) => {
      log('bad-upgrade', `${request.socket.remoteAddress ?? 'unknown'}: ${error.message}`);
      refuse(socket, request.method === 'GET' ? 400 : 405);
    });
    return [path, { endpoint, wss }];
  }));
  const open = new Map<WebSocket, string>();
  const quota = new SocketQuota(limits);
  let stopping = false;

  function watch(ws: WebSocket, path: string, client: string, maxPayload: number): void {
    let reported = false;
    ws.on('error', (error: Error & { code?: string }) => {
      reported = true;
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log('message-too-large', `${path} ${client}: over ${maxPayload} bytes, closed`);
      else log('socket-error', `${path} ${client}: ${error.message}`);
    });
    ws.on('close', (code) => {
      open.delete(ws);
      // 1006: the socket ended without a closing handshake (a phone left the Wi-Fi, a client
      // died mid-message). Expected now and then; worth one line so a flaky room shows up.
      if (code === 1006 && !reported && !stopping) log('connection-lost', `${path} ${client}`);
    });
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const client = clientAddress(request, trustProxy);
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://hub').pathname;
    } catch {
      log('bad-upgrade', `${client}: unreadable URL`);
      refuse(socket, 400);
      return;
    }
    const route = servers.get(path);
    if (!route) {
      log('bad-upgrade', `${client}: no WebSocket endpoint at ${path.slice(0, 100)}`);
      refuse(socket, 404);
      return;
    }
    if (stopping) {
      refuse(socket, 503);
      return;
    }
    // Counted from the handshake on, so a burst of handshakes cannot slip past the limit; the raw
    // socket's 'close' comes exactly once, whether the handshake failed or the WebSocket ended.
    const full = quota.take(client);
    if (full) {
      log('too-many-sockets', `${client}: ${full.detail}, refused ${path}`);
      refuse(socket, full.status);
      return;
    }
    socket.once('close', () => quota.release(client));
    route.wss.handleUpgrade(request, socket, head, (ws) => {
      if (stopping) {
        ws.terminate();
        return;
      }
      open.set(ws, path);
      watch(ws, path, client, route.endpoint.maxPayload);
      route.endpoint.accept(ws, request, client);
    });
  }

  function closeAll(): Promise<void> {
    stopping = true;
    const closed = [...open.keys()].map((ws) => new Promise<void>((done) => {
      ws.once('close', () => done());
      ws.close(1001, 'hub stopping');
    }));
    const cut = setTimeout(() => { for (const ws of open.keys()) ws.terminate(); }, CLOSE_GRACE_MS);
    return Promise.all(closed).then(() => clearTimeout(cut));
  }

  return {
    upgrade,
    count: (path) => [...open.values()].filter((p) => p === path).length,
    closeAll,
  };
}
