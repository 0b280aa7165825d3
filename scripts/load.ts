// `node --import tsx scripts/load.ts [--seconds 60] [--clients 30] [--rate 10]`: a room's worth of
// phones editing one workshop through a real hub, each on the app's own sync and encrypted channel (a child process, so that its CPU and memory
// are its own), then how long the last edit took to reach everyone. Prints figures, asserts nothing.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createBoard } from '../src/core/boards';
import { addItem, editItem, listItems } from '../src/core/items';
import { initWorkshop } from '../src/core/meta';
import { inviteLink } from '../src/sync/invite';
import { joinRoom, type ScriptDevice } from '../src/sync/node-client';
import { clockTicks, cpuSeconds, memoryMb, sleep, startHubProcess, until } from './hub-process';

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
const SECONDS = numberFlag('seconds', 60);
const CLIENTS = Math.round(numberFlag('clients', 30));
const RATE = numberFlag('rate', 10);
const CONVERGE_TIMEOUT_MS = 120_000;

const WORDS = ('shared indicators district health outcomes budget review joint calendar data portal partners '
  + 'ministry donors alignment reporting cycle capacity training procurement targets monitoring evaluation '
  + 'community feedback transparency funding gaps coordination meeting sector working group priorities').split(' ');
/** A note as people write them on a phone: one to three sentences. */
function noteText(random: () => number): string {
  const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Each phone its own address, as in a room, or the hub's per-address limit would turn most of
 *  them away: the hub trusts X-Forwarded-For here (--trust-proxy). */
let nextAddress = 0;
class PhoneWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { headers: { 'X-Forwarded-For': `10.1.${nextAddress >> 8}.${nextAddress++ & 255}` } });
  }
}

interface Participant {
  device: ScriptDevice;
  mine: string[];
}

const SECRET = 'l'.repeat(32);
const WORKSHOP = 'load0test0room00';

/** A device on the app's own sync and encrypted channel; the first (given the board to make)
 *  registers the room and prepares the workshop before anything is sent, as a facilitator's laptop does. */
async function participant(port: number, board?: { id: string; pairingCode: string }): Promise<Participant> {
  const url = `http://127.0.0.1:${port}/`;
  const link = inviteLink(url, { workshopId: WORKSHOP, secret: SECRET, hub: url, title: 'Load test', root: null });
  const device = await joinRoom(link, {
    timeoutMs: 60_000,
    // Through --trust-proxy the hub sees no loopback address: the facilitator pairs with the code.
    register: board !== undefined,
    pairingCode: board?.pairingCode,
    onOpen: ({ doc, origin }) => {
      if (!board) return;
      initWorkshop(doc, { title: 'Load test', createdBy: 'p0' }, origin);
      const made = createBoard(doc, { type: 'notes', title: 'Brainstorm' }, origin);
      if (!made.ok) throw new Error(made.error);
      board.id = made.value;
    },
  });
  return { device, mine: [] };
}
const synced = (p: Participant) => p.device.sync.status.pending === 0;

async function main(): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'cg-load-'));
  const root = join(temp, 'root');
  const data = join(temp, 'data');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>load</title>');
  (globalThis as { WebSocket?: unknown }).WebSocket = PhoneWebSocket;
  const hub = await startHubProcess(root, data, ['--trust-proxy']);
  const people: Participant[] = [];
  try {
    const ticks = clockTicks();
    const cpuBefore = cpuSeconds(hub.pid, ticks);
    const idleRss = memoryMb(hub.pid, 'VmRSS');
    const startedAt = Date.now();

    // The facilitator prepares the workshop; the phones join it.
    const board = { id: '', pairingCode: /Pairing code:\s+(\S+)/.exec(hub.output())?.[1] ?? '' };
    const facilitator = await participant(hub.port, board);
    people.push(facilitator);
    await until('the facilitator is synced', () => synced(facilitator), 30_000);
    for (let i = 1; i < CLIENTS; i++) people.push(await participant(hub.port));
    await until('every participant is synced', () => people.every(synced), 60_000);

    // Seeded, so two runs make the same edits.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const total = Math.round(RATE * SECONDS);
    const editsStart = Date.now();
    let sent = 0;
    for (let i = 0; i < total; i++) {
      const due = editsStart + (i * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      const who = people[i % people.length]!;
      const own = who.mine[Math.floor(random() * who.mine.length)];
      if (own && random() < 0.3) {
        const current = listItems(who.device.doc, board.id).find((item) => item.id === own)?.text ?? '';
        const edited = editItem(who.device.doc, board.id, own, `${current.slice(0, 300)} ${noteText(random).slice(0, 120)}`.trim(), who.device.origin);
        if (!edited.ok) throw new Error(edited.error);
      } else {
        const added = addItem(who.device.doc, board.id, { text: noteText(random), createdBy: `p${i % people.length}`, group: '' }, who.device.origin);
        if (!added.ok) throw new Error(added.error);
        who.mine.push(added.value);
      }
      sent++;
    }
    const lastEditAt = Date.now();

    // A phone arriving now must get everything too.
    const observer = await participant(hub.port);
    people.push(observer);
    const reference = facilitator.device.doc;
    const contentOf = (doc: Y.Doc) => JSON.stringify(listItems(doc, board.id));
    await until('every device holds the same workshop', () => {
      const vector = Y.encodeStateVector(reference);
      if (!people.every((p) => synced(p) && Buffer.compare(Y.encodeStateVector(p.device.doc), vector) === 0)) return false;
      const content = contentOf(reference);
      return people.every((p) => contentOf(p.device.doc) === content);
    }, CONVERGE_TIMEOUT_MS);
    const convergedAt = Date.now();
    const cpu = cpuSeconds(hub.pid, ticks) - cpuBefore;
    const wall = (convergedAt - startedAt) / 1000;
    const peak = memoryMb(hub.pid, 'VmHWM');
    const notes = listItems(reference, board.id).length;
    const devices = people.length;

    for (const p of people.splice(0)) p.device.destroy();
    await hub.stop();
    const stored = readdirSync(data).reduce((n, f) => n + statSync(join(data, f)).size, 0);

    console.log(`hub load: ${CLIENTS} clients, ${RATE} edits/s in total for ${SECONDS} s, one workshop, loopback`);
    console.log(`  edits sent                      ${sent} (${notes} notes, the rest text edits)`);
    console.log(`  hub CPU                         ${cpu.toFixed(2)} s, ${((cpu / wall) * 100).toFixed(1)}% of one core over ${wall.toFixed(1)} s`);
    console.log(`  hub peak RSS                    ${peak.toFixed(1)} MB (${idleRss.toFixed(1)} MB idle before the clients came)`);
    console.log(`  last edit until all ${devices} agree    ${convergedAt - lastEditAt} ms (a fresh device among them)`);
    console.log(`  workshop on the hub's disk      ${(stored / 1024).toFixed(1)} KB`);
  } catch (error) {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}\n--- hub output ---\n${hub.output()}`);
    process.exitCode = 1;
  } finally {
    for (const p of people) p.device.destroy();
    await hub.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
