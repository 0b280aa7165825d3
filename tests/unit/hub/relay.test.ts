import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { fileBase } from '../../../src/hub/data-dir';
import { ROOM_KEYS_FILE } from '../../../src/hub/room-keys';
import { secureSocketClass } from '../../../src/sync/secure-socket';
import { cleanUp, onCleanUp, openSocket, relayClient, startTestHub, STUB_PAGE, tempDir, testKeys, until } from './helpers';

afterEach(cleanUp);

/** A note as the app writes one: an entry of a Y.Map with a Y.Text inside. */
function addNote(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    note.set('text', new Y.Text(text));
    doc.getMap('board:b1').set(id, note);
  });
}
const notes = (doc: Y.Doc) => Object.fromEntries([...doc.getMap<Y.Map<Y.Text>>('board:b1')]
  .map(([id, note]) => [id, note.get('text')?.toString()]));

describe('the relay at /sync', () => {
  it('brings two devices on one workshop to the same state', async () => {
    const hub = await startTestHub();
    const a = relayClient(hub, 'cg-one');
    const b = relayClient(hub, 'cg-one');
    addNote(a.doc, 'n1', 'Shared data portal');
    addNote(b.doc, 'n2', 'Joint review calendar');
    await until('both hold both notes', () => Object.keys(notes(a.doc)).length === 2 && Object.keys(notes(b.doc)).length === 2);
    a.doc.getMap<Y.Map<Y.Text>>('board:b1').get('n2')!.get('text')!.insert(0, 'A ');
    await until('the edit reaches b', () => notes(b.doc).n2 === 'A Joint review calendar');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(notes(a.doc)).toEqual(notes(b.doc));
  });

  it('gives a device that joins after everyone left everything the others wrote', async () => {
    const hub = await startTestHub({ data: tempDir('data') });
    const a = relayClient(hub, 'cg-late');
    const b = relayClient(hub, 'cg-late');
    addNote(a.doc, 'n1', 'From the facilitator');
    addNote(b.doc, 'n2', 'From a phone');
    await a.settled();
    await b.settled();
    a.destroy();
    b.destroy();
    await until('the hub has closed the room', async () => (await hub.health()).rooms === 0);
    const late = relayClient(hub, 'cg-late');
    await late.settled();
    expect(notes(late.doc)).toEqual({ n1: 'From the facilitator', n2: 'From a phone' });
  });

  it('keeps workshops in memory when it has no data directory (as the browser tests run it)', async () => {
    const hub = await startTestHub();
    const a = relayClient(hub, 'cg-memory');
    addNote(a.doc, 'n1', 'Kept while the hub runs');
    await a.settled();
    a.destroy();
    await until('the hub has closed the room', async () => (await hub.health()).rooms === 0);
    const late = relayClient(hub, 'cg-memory');
    await late.settled();
    expect(notes(late.doc)).toEqual({ n1: 'Kept while the hub runs' });
  });

  it('loses nothing across a restart, saving what connected devices wrote when it stops', async () => {
    const data = tempDir('data');
    const first = await startTestHub({ data });
    const left = relayClient(first, 'cg-restart');
    addNote(left.doc, 'n1', 'Written by a phone that left');
    await left.settled();
    left.destroy();
    const stayed = relayClient(first, 'cg-restart');
    await stayed.settled();
    addNote(stayed.doc, 'n2', 'Written just before the hub stopped');
    await stayed.settled();
    // Still connected, and within the save debounce: only the flush on stop can keep this note.
    await first.stop();
    stayed.destroy();
    expect(readdirSync(data).sort()).toEqual([`${fileBase('cg-restart')}.journal`, `${fileBase('cg-restart')}.state`, ROOM_KEYS_FILE]);

    const second = await startTestHub({ data });
    const fresh = relayClient(second, 'cg-restart');
    await fresh.settled();
    expect(notes(fresh.doc)).toEqual({ n1: 'Written by a phone that left', n2: 'Written just before the hub stopped' });
    expect(second.logs.filter((l) => /^room-opened cg-restart \(\d+\.\d KB and 0 update\(s\) from disk\)$/.test(l))).toHaveLength(1);
  });

  it('saves on SIGTERM when run from the command line, and says where', async () => {
    const data = tempDir('data');
    const root = tempDir('root');
    writeFileSync(join(root, 'index.html'), STUB_PAGE);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/main.ts', '--port', '0', '--host', '127.0.0.1', '--root', root, '--data', data],
      { cwd: resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanUp(() => child.exitCode === null && child.kill('SIGKILL'));
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await until('the hub prints its address', () => /127\.0\.0\.1:\d+/.test(output), 20_000);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    expect(output).toContain(`Relayed workshops are kept in ${data}`);
    expect(output).toContain('▀'); // the QR code

    const phone = relayClient({ ws: (path) => `ws://127.0.0.1:${port}${path}` }, 'cg-cli');
    addNote(phone.doc, 'n1', 'Saved on Ctrl+C');
    await phone.settled();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    phone.destroy();
    expect(output).toContain('hub: stopped 1 open workshop(s) saved');

    const again = await startTestHub({ data });
    const check = relayClient(again, 'cg-cli');
    await check.settled();
    expect(notes(check.doc)).toEqual({ n1: 'Saved on Ctrl+C' });
  }, 30_000);

  it('refuses to register names that are not room names, and any room but the one a socket was let into', async () => {
    const hub = await startTestHub();
    const closed: (string | undefined)[] = [];
    const bad = relayClient(hub, '../../etc/passwd');
    bad.provider.on('close', ({ event }: { event: { reason?: string } }) => closed.push(event.reason));
    await until('the bad name is refused', () => closed.length > 0);
    bad.destroy();
    expect(closed[0]).toBe('not-invited');
    expect(hub.logs.some((l) => l.startsWith('not-invited') && l.includes('is not a room name'))).toBe(true);

    const socket = new HocuspocusProviderWebsocket({
      url: hub.ws('/sync'), WebSocketPolyfill: secureSocketClass({ keys: testKeys('cg-one'), register: true, pairingCode: '' }, WebSocket),
    });
    const one = relayClient(hub, 'cg-one', { socket });
    await one.settled();
    const other = relayClient(hub, 'cg-other', { socket });
    const denied: string[] = [];
    other.provider.on('authenticationFailed', ({ reason }: { reason: string }) => denied.push(reason));
    await until('the other room is refused', () => denied.length === 1);
    expect(denied).toEqual(['not-invited']);
    expect((await hub.health()).rooms).toBe(1);
    for (const c of [one, other]) c.destroy();
    socket.destroy();
  });

  it('closes a socket that sends what it cannot decode, and keeps serving', async () => {
    // Hocuspocus reports undecodable messages on console.error itself, in several lines.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const hub = await startTestHub();
      const garbage = await openSocket(hub.ws('/sync'));
      const closed = new Promise<number>((done) => garbage.once('close', (code) => done(code)));
      garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
      expect(await closed).toBeGreaterThanOrEqual(1000);

      const phone = relayClient(hub, 'cg-robust');
      addNote(phone.doc, 'n1', 'Still here');
      await phone.settled();
      expect((await hub.health()).ok).toBe(true);
    } finally {
      quiet.mockRestore();
    }
  });

  it('sets an unreadable file aside and lets the devices fill the room again', async () => {
    const data = tempDir('data');
    writeFileSync(join(data, 'cg-broken.yjs'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    const hub = await startTestHub({ data });
    const phone = relayClient(hub, 'cg-broken');
    addNote(phone.doc, 'n1', 'From the phone');
    await phone.settled();
    expect(hub.logs.some((l) => l.startsWith('load-broken cg-broken'))).toBe(true);
    expect(readdirSync(data).some((f) => f.startsWith(`${fileBase('cg-broken')}.state.broken-`))).toBe(true);
    phone.destroy();
    await until('the room is saved again', () => existsSync(join(data, `${fileBase('cg-broken')}.state`)));
  });
});
