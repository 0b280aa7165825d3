import type { IncomingMessage } from 'node:http';

/** The addresses a reverse proxy says the request came through, the client's first. */
const forwardedFor = (request: IncomingMessage): string[] => {
  const header = request.headers['x-forwarded-for'];
  return (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((a) => a.trim()).filter(Boolean);
};

/** Whom the per-address limits count a socket against. Behind a reverse proxy every socket comes
 *  from the proxy, so with `trustProxy` it is the address the proxy saw: the last one in
 *  X-Forwarded-For (what the proxy appended; anything before it the client may have written).
 *  Without `trustProxy` the header is ignored: any client could write one. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  return trustProxy ? forwardedFor(request).at(-1) ?? socket : socket;
}

/** A request a proxy passed on: however local the proxy's socket is, the client is not on this
 *  computer (only a client on it may register a room without the pairing code). */
export const viaProxy = (request: IncomingMessage): boolean => forwardedFor(request).length > 0;
