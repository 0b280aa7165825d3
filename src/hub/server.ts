import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, type HubOptions } from './options';
import { staticHandler } from './static';

/** The hub: one Node server on one port that serves the built app to every device in the room. */
export function startHub(options: HubOptions): Promise<Server> {
  const serveApp = staticHandler(resolve(options.root));
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ ok: true, rooms: 0, clients: 0 }));
      return;
    }
    serveApp(req, res).catch((error: unknown) => {
      console.error(`hub: ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done(server));
  });
}

/** Addresses phones on the same network can open. */
export function lanUrls(port: number): string[] {
  return Object.values(networkInterfaces()).flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseOptions(process.argv.slice(2), process.env, resolve(fileURLToPath(import.meta.url), '../../../dist'));
  startHub(options).then((server) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    console.log(`Common Ground hub is running.\n  On this laptop: http://localhost:${port}/`);
    for (const url of lanUrls(port)) console.log(`  On the room's network: ${url}`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (error: unknown) => {
    console.error(`hub: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
