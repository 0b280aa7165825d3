// `npm start`: install what is missing, build what is older than its sources, start the built hub.
// One command on a fresh machine; a restart answers at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
/** Newest modification time under `paths` (files or directories). */
const newest = (paths) => Math.max(0, ...paths.map((path) => {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return mtime(path);
  return newest(readdirSync(path).map((name) => join(path, name)));
}));

if (mtime('package-lock.json') > mtime('node_modules/.package-lock.json')) run('npm', ['ci', '--no-audit', '--no-fund']);
const sources = newest(['src', 'public', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts', 'vite.hub.config.ts', 'svelte.config.js']);
if (mtime('dist/index.html') < sources) run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (mtime('build/hub/main.js') < sources) run('npx', ['vite', 'build', '--config', 'vite.hub.config.ts', '--logLevel', 'warn']);

// The hub runs as a child that hears our signals, so stopping `npm start` saves and stops it.
const hub = spawn(process.execPath, ['build/hub/main.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
