import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from './log';

/** Written by the app's build (vite.config.ts): the signaling servers built into it, which the
 *  page must be allowed to reach. */
export const CONNECT_FILE = 'connect-src.json';

/** A host header worth echoing into a policy: a name or address and a port, nothing else. */
const HOST = /^(?:[a-z\d.-]+|\[[\da-f:.]+\])(?::\d{1,5})?$/i;
const SOCKET_ORIGIN = /^wss?:\/\/[^\s;,'"]+$/;

/** The signaling origins the built app at `root` uses; none if it names none. */
export async function builtConnectSources(root: string): Promise<string[]> {
  const file = join(root, CONNECT_FILE);
  const text = await readFile(file, 'utf8').catch(() => '[]');
  let listed: unknown;
  try {
    listed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not a JSON list of origins: ${describeError(error)}`);
  }
  return Array.isArray(listed) ? listed.filter((s): s is string => typeof s === 'string' && SOCKET_ORIGIN.test(s)) : [];
}

/** What every response of the hub carries. The policy allows no inline script and no other
 *  origin: the app talks to this hub (its relay and signaling sockets, named explicitly because
 *  older Safari does not count ws: as 'self') and to signaling servers built into it. The app
 *  itself needs no inline style (Svelte's `style:` goes through the CSSOM, which a policy leaves
 *  alone), but the printable summary it opens from a blob: URL inherits this policy, and its
 *  styles are inline (src/export/html.ts): hence 'unsafe-inline' for styles, data: and blob:
 *  images, and data: fonts (its embedded Khmer font), only. CSS runs no script. */
export function securityHeaders(host: string | undefined, secure: boolean, connect: readonly string[]): Record<string, string> {
  const own = host && HOST.test(host) ? [`${secure ? 'wss' : 'ws'}://${host}`] : [];
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...own, ...connect].join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The same headers for a response written by hand on a raw socket (a refused upgrade, a
 *  malformed request): nothing there is a page, so no host or signaling server is needed. */
export const RAW_HEADER_LINES = Object.entries(securityHeaders(undefined, false, []))
  .map(([name, value]) => `${name}: ${value}\r\n`).join('');
