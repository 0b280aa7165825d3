// `node --import tsx scripts/bench-org.ts [--clients 500] [--rooms 50] [--rate 50] [--seconds 20]`:
// an organisation's hub (the built one, `npm run build`) on a Redis and a Postgres of its own,
// as two processes and as one: script clients (src/sync/node-client.ts, the app's own sync and
// encrypted channel) in rooms, each room's clients spread over the processes, writing notes at a
// steady total rate. Prints edits acknowledged per second, edit-to-visible latency (a write on one
// device until another device of its room holds it) and each hub process's CPU and memory.
// Asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { inviteLink } from '../src/sync/invite';
import { joinRoom, type ScriptDevice } from '../src/sync/node-client';
import { startHubProcess, type HubProcess } from '../tests/e2e/hub-process';
import { startServices, type Services } from '../tests/e2e/org-services';

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
const CLIENTS = Math.round(numberFlag('clients', 500));
const ROOMS = Math.round(numberFlag('rooms', 50));
const RATE = numberFlag('rate', 50);
const SECONDS = numberFlag('seconds', 20);
const SECRET = 'c'.repeat(32);
/** Every client connects from 127.0.0.1: the per-address limit is for phones, not for this. */
const LIMITS = ['--max-sockets-per-address', String(CLIENTS * 2 + 10), '--max-sockets', String(CLIENTS * 2 + 10), '--max-rooms', String(ROOMS * 4)];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const cpuSeconds = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
};
const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Clients joining at once: on a loaded machine a crowd of handshakes outlasts the hub's 10 s. */
const JOIN_BATCH = 10;

/** Joins, trying again if the hub gave up on a handshake that a loaded machine made too slow. */
async function enter(link: string, register: boolean, attempts = 3): Promise<ScriptDevice> {
  try {
    return await joinRoom(link, { register, timeoutMs: 60_000, onOpen: ({ doc }) => { if (register) doc.getArray('boards').push([new Y.Map()]); } });
  } catch (error) {
    if (attempts <= 1) throw error;
    return enter(link, register, attempts - 1);
  }
}

interface Seat {
  room: number;
  device: ScriptDevice;
}

async function run(services: Services, processes: number, round: number): Promise<string> {
  const dirs: string[] = [];
  const hubs: HubProcess[] = [];
  const seats: Seat[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      const data = mkdtempSync(join(tmpdir(), 'cg-bench-org-'));
      dirs.push(data);
      hubs.push(await startHubProcess(data, ['--redis', services.redisUrl, '--database', services.databaseUrl, ...LIMITS]));
    }
    const origin = (i: number) => new URL(hubs[i % hubs.length]!.url).origin;
    const workshop = (room: number) => `bench${round}r${String(room).padStart(4, '0')}`.padEnd(16, '0');
    // A room's clients alternate between the processes: every edit crosses Redis on two.
    for (let i = 0; i < CLIENTS; i += JOIN_BATCH) {
      await Promise.all(Array.from({ length: Math.min(JOIN_BATCH, CLIENTS - i) }, async (_, k) => {
        const n = i + k;
        const room = n % ROOMS;
        const first = n < ROOMS;
        const link = inviteLink(origin(Math.floor(n / ROOMS)), { workshopId: workshop(room), secret: SECRET, hub: origin(Math.floor(n / ROOMS)), title: 'Bench', root: null });
        if (!first) while (!seats.some((s) => s.room === room && s.device.sync.status.hub === 'connected')) await sleep(20);
        seats.push({ room, device: await enter(link, first) });
      }));
    }
    const latencies: number[] = [];
    // Each write is timed on one other device of its room: the writer's next.
    const byRoom = Array.from({ length: ROOMS }, (_, room) => seats.filter((s) => s.room === room));
    for (const room of byRoom) {
      room.forEach((seat, index) => {
        const notes = seat.device.doc.getMap('notes');
        notes.observe((event) => {
          for (const key of event.keysChanged) {
            const [writer, at] = String(notes.get(key)).split('@');
            if ((Number(writer) + 1) % room.length === index) latencies.push(Date.now() - Number(at));
          }
        });
      });
    }
    const cpuBefore = hubs.map((h) => cpuSeconds(h.child.pid!));
    const clientsBefore = process.cpuUsage();
    const total = Math.round(RATE * SECONDS);
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      const seat = seats[i % seats.length]!;
      const index = byRoom[seat.room]!.indexOf(seat);
      seat.device.doc.transact(() => seat.device.doc.getMap('notes').set(`n${i}`, `${index}@${Date.now()}`), seat.device.origin);
    }
    const deadline = Date.now() + 120_000;
    while (seats.some((s) => s.device.sync.status.pending > 0) && Date.now() < deadline) await sleep(20);
    const elapsed = (Date.now() - started) / 1000;
    const cpu = hubs.map((h, i) => cpuSeconds(h.child.pid!) - cpuBefore[i]!);
    const clientsUsed = process.cpuUsage(clientsBefore);
    const clientsCpu = (clientsUsed.user + clientsUsed.system) / 1e6;
    const unacknowledged = seats.reduce((sum, s) => sum + s.device.sync.status.pending, 0);
    const lines = [
      `  ${processes} process${processes > 1 ? 'es' : ''}: ${total} edits acknowledged in ${elapsed.toFixed(1)} s = ${((total - unacknowledged) / elapsed).toFixed(0)} edits/s (offered ${RATE}/s)${unacknowledged ? `, ${unacknowledged} never acknowledged` : ''}`,
      `    edit to visible on another device of the room: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms (${latencies.length} seen)`,
      ...hubs.map((h, i) => `    hub ${i + 1}: CPU ${cpu[i]!.toFixed(1)} s (${((cpu[i]! / elapsed) * 100).toFixed(0)}% of a core), peak RSS ${peakMb(h.child.pid!).toFixed(0)} MB`),
      `    the ${CLIENTS} clients (this process): CPU ${clientsCpu.toFixed(1)} s (${((clientsCpu / elapsed) * 100).toFixed(0)}% of a core); machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    ];
    return lines.join('\n');
  } finally {
    seats.forEach((s) => s.device.destroy());
    for (const hub of hubs) {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}

const services = await startServices();
try {
  console.log(`organisation's hub: ${CLIENTS} script clients in ${ROOMS} rooms, ${RATE} edits/s offered for ${SECONDS} s, Redis and Postgres on this machine, loopback`);
  console.log(await run(services, 2, 2));
  console.log(await run(services, 1, 1));
} finally {
  await services.close();
}
process.exit(0);
