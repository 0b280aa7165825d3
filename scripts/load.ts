// `node --import tsx scripts/load.ts [--seconds 60] [--clients 30] [--rate 10]`: a room's worth of
// phones editing one workshop through a real hub (a child process, so that its CPU and memory
// are its own), then how long the last edit took to reach everyone. Prints figures, asserts nothing.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createBoard } from '../src/core/boards';
import { addItem, editItem, listItems } from '../src/core/items';
import { initWorkshop } from '../src/core/meta';
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
const ROOM = 'cg-loadtestworkshop';
const CONVERGE_TIMEOUT_MS = 120_000;

const WORDS = ('shared indicators district health outcomes budget review joint calendar data portal partners '
  + 'ministry donors alignment reporting cycle capacity training procurement targets monitoring evaluation '
  + 'community feedback transparency funding gaps coordination meeting sector working group priorities').split(' ');
/** A note as people write them on a phone: one to three sentences. */
function noteText(random: () => number): string {
  const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

interface Participant {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  mine: string[];
}

function participant(port: number, index: number): Participant {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/sync`, WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: ROOM, document: doc });
  provider.attach();
  provider.setAwarenessField('user', { id: `p${index}`, name: `Participant ${index}`, group: 'Government', color: '#E69F00' });
  return { doc, provider, socket, mine: [] };
}
const synced = (p: Participant) => p.provider.synced && p.provider.unsyncedChanges === 0;

async function main(): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'cg-load-'));
  const root = join(temp, 'root');
  const data = join(temp, 'data');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>load</title>');
  const hub = await startHubProcess(root, data);
  const people: Participant[] = [];
  try {
    const ticks = clockTicks();
    const cpuBefore = cpuSeconds(hub.pid, ticks);
    const idleRss = memoryMb(hub.pid, 'VmRSS');
    const startedAt = Date.now();

    // The facilitator prepares the workshop; the phones join it.
    const facilitator = participant(hub.port, 0);
    people.push(facilitator);
    initWorkshop(facilitator.doc, { title: 'Load test', createdBy: 'p0' }, 'load');
    const board = createBoard(facilitator.doc, { type: 'notes', title: 'Brainstorm' }, 'load');
    if (!board.ok) throw new Error(board.error);
    await until('the facilitator is synced', () => synced(facilitator), 30_000);
    for (let i = 1; i < CLIENTS; i++) people.push(participant(hub.port, i));
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
        const current = listItems(who.doc, board.value).find((item) => item.id === own)?.text ?? '';
        const edited = editItem(who.doc, board.value, own, `${current.slice(0, 300)} ${noteText(random).slice(0, 120)}`.trim(), 'load');
        if (!edited.ok) throw new Error(edited.error);
      } else {
        const added = addItem(who.doc, board.value, { text: noteText(random), createdBy: `p${i % people.length}`, group: '' }, 'load');
        if (!added.ok) throw new Error(added.error);
        who.mine.push(added.value);
      }
      sent++;
    }
    const lastEditAt = Date.now();

    // A phone arriving now must get everything too.
    const observer = participant(hub.port, CLIENTS);
    people.push(observer);
    const reference = facilitator.doc;
    const contentOf = (doc: Y.Doc) => JSON.stringify(listItems(doc, board.value));
    await until('every device holds the same workshop', () => {
      const vector = Y.encodeStateVector(reference);
      if (!people.every((p) => synced(p) && Buffer.compare(Y.encodeStateVector(p.doc), vector) === 0)) return false;
      const content = contentOf(reference);
      return people.every((p) => contentOf(p.doc) === content);
    }, CONVERGE_TIMEOUT_MS);
    const convergedAt = Date.now();
    const cpu = cpuSeconds(hub.pid, ticks) - cpuBefore;
    const wall = (convergedAt - startedAt) / 1000;
    const peak = memoryMb(hub.pid, 'VmHWM');
    const notes = listItems(reference, board.value).length;
    const devices = people.length;

    for (const p of people.splice(0)) {
      p.provider.destroy();
      p.socket.destroy();
    }
    await hub.stop();
    const stored = statSync(join(data, `${ROOM}.yjs`)).size;

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
    for (const p of people) {
      p.provider.destroy();
      p.socket.destroy();
    }
    await hub.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
