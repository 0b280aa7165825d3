// What the load benchmarks share: a hub in a child process (so that its CPU and memory are its
// own, read from /proc), and waiting on a condition.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

/** CPU seconds (user + system, all threads) of a Linux process so far. */
export function cpuSeconds(pid: number, ticksPerSecond: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
/** Resident memory of a Linux process in MB: now (VmRSS) or the most it ever had (VmHWM). */
export function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}
export const clockTicks = () => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
};

/** The hub from source on a free loopback port, serving `root`, keeping workshops in `data`. */
export async function startHubProcess(root: string, data: string, extraArgs: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts', '--port', '0', '--host', '127.0.0.1', '--root', root, '--data', data, ...extraArgs],
    { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await until('the hub prints its address', () => /127\.0\.0\.1:\d+/.test(output) || child.exitCode !== null, 30_000);
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  if (!port) {
    child.kill('SIGKILL');
    throw new Error(`the hub did not start:\n${output}`);
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  return { pid: child.pid!, port, stop, output: () => output };
}
