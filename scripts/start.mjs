// `npm start`: install what is missing, build the app, start the hub. One command on a fresh machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const stale = !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (stale) run('npm', ['ci', '--no-audit', '--no-fund']);
run('npx', ['vite', 'build', '--logLevel', 'warn']);

// The hub runs as a child that hears our signals, so stopping `npm start` saves and stops it.
const hub = spawn(process.execPath, ['--import', 'tsx', 'src/hub/server.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
