export interface HubOptions {
  port: number;
  host: string;
  root: string;
}

/** `--port 9000 --host 0.0.0.0` (or PORT=9000); the defaults serve the whole LAN on 8787. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): HubOptions {
  const flag = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    const arg = argv[i]!;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  };
  const rawPort = flag('port') ?? env.PORT ?? '8787';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${rawPort}"`);
  return { port, host: flag('host') ?? '0.0.0.0', root: flag('root') ?? root };
}
