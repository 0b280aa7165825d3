import { resolve } from 'node:path';
import { banner, hubUrls } from './banner';
import { CA_PAGE } from './ca-page';
import { describeError } from './log';
import { parseOptions, USAGE, wantsHelp } from './options';
import { startHub } from './server';

const fail = (message: string, code: number): never => {
  console.error(`hub: ${message}`);
  process.exit(code);
};

/** `common-ground-hub [options]` (src/hub/main.ts), which `npm start` runs after building:
 *  starts the hub, tells the facilitator where phones can reach it, and saves on Ctrl+C. */
export function runCli(argv: string[]): void {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return;
  }
  const options = (() => {
    try {
      return parseOptions(argv, process.env, resolve(import.meta.dirname, '../../dist'));
    } catch (error) {
      return fail(describeError(error), 2);
    }
  })();

  startHub(options).then((server) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const secure = Boolean(options.cert || options.https);
    console.log(banner(hubUrls(options.host, port, secure), server.dataDir, server.pairingCode, options.https ? CA_PAGE : null));
    let signals = 0;
    const stop = () => {
      // A second Ctrl+C means "now", even if saving hangs on a broken disk.
      if (++signals > 1) process.exit(1);
      console.log('hub: stopping (saving open workshops first)');
      server.stop().then(() => process.exit(0), (error: unknown) => fail(`could not stop cleanly: ${describeError(error)}`, 1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (error: NodeJS.ErrnoException) => {
    const message = error.code === 'EADDRINUSE'
      ? `port ${options.port} is already in use (another hub?); choose another with --port`
      : describeError(error);
    fail(`could not start: ${message}`, 1);
  });
}
