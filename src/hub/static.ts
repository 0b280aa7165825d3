import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { Log } from './log';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Hashed assets never change, so phones may keep them; the entry points must always be fresh
 *  or a new version would never reach them. */
function cacheControl(path: string): string {
  return /\/assets\/.+-[\w-]{8,}\.\w+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const gzip = promisify(gzipCallback);

/** Text worth compressing: a first visit over a phone's link fetches about 400 KB of script,
 *  a quarter of that gzipped. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** Each file's gzip, made once per version of the file (built files do not change, but a rebuild
 *  under a running hub must not serve the old one). */
function gzipCache() {
  const cache = new Map<string, { version: string; body: Promise<Buffer> }>();
  return (file: string, info: Stats): Promise<Buffer> => {
    const version = `${info.mtimeMs}:${info.size}`;
    let entry = cache.get(file);
    if (entry?.version !== version) {
      entry = { version, body: readFile(file).then((bytes) => gzip(bytes, { level: 9 })) };
      cache.set(file, entry);
      entry.body.catch(() => cache.delete(file));
    }
    return entry.body;
  };
}

const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/** Serves the built app from `root`; unknown paths get index.html (the app routes by hash, but
 *  a pasted deep link must still load). */
export function staticHandler(root: string, log: Log) {
  const gzipped = gzipCache();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      log('bad-request', `${req.socket.remoteAddress}: unreadable URL ${JSON.stringify(req.url?.slice(0, 100))}`);
      res.writeHead(400).end('bad request');
      return;
    }
    const candidate = normalize(join(root, pathname));
    const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
    let file = inside ? candidate : join(root, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      if (extname(pathname) && pathname !== '/') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      file = join(root, 'index.html');
    }
    const finalInfo = await stat(file).catch(() => null);
    if (!finalInfo) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('The app is not built: run `npm run build`.');
      return;
    }
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(file),
      Vary: 'Accept-Encoding',
    };
    if (COMPRESSIBLE.has(extname(file)) && acceptsGzip(req)) {
      const body = await gzipped(file, finalInfo).catch((error: Error) => {
        log('read-failed', `${file}: ${error.message}`);
        return null;
      });
      if (!body) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('unreadable file');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': finalInfo.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A rebuild can remove the file between stat and read; that must not take the hub down.
    const stream = createReadStream(file).on('error', (error) => {
      log('read-failed', `${file}: ${error.message}`);
      res.destroy();
    });
    stream.pipe(res);
  };
}
