import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fileBase } from '../../../src/hub/data-dir';
import { DiskStore, type StoredRoom } from '../../../src/hub/persistence';
import { cleanUp, tempDir } from './helpers';

afterEach(cleanUp);

const docWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
};
const textOf = (stored: StoredRoom | null) => {
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  stored?.updates.forEach((update) => Y.applyUpdate(doc, update));
  return doc.getText('t').toString();
};
const quiet = () => undefined;
const mode = (path: string) => statSync(path).mode & 0o777;

/** Appends `text` to `doc` and returns the update that carries it. */
const edit = (doc: Y.Doc, text: string) => {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
};

describe('the hub\'s store on disk', () => {
  it('keeps each room under a hashed name and reads back what it wrote', async () => {
    const dir = tempDir('store');
    const store = await DiskStore.open(dir, quiet);
    await store.save('cg-one', docWith('first'));
    await store.save('cg-two', docWith('second'));
    expect(textOf(await store.load('cg-one'))).toBe('first');
    expect(textOf(await (await DiskStore.open(dir, quiet)).load('cg-two'))).toBe('second');
    expect(await store.load('cg-never')).toBeNull();
    const names = readdirSync(dir);
    expect(names).toContain(`${fileBase('cg-one')}.state`);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{64}\.(state|journal)$/);
  });

  it('ends with the newest state when saves of one room overlap', async () => {
    const store = await DiskStore.open(tempDir('store'), quiet);
    const doc = docWith('a');
    const saves: Promise<number>[] = [];
    for (let i = 0; i < 20; i++) {
      doc.getText('t').insert(0, 'x');
      saves.push(store.save('cg-busy', doc));
    }
    await Promise.all(saves);
    await store.idle();
    expect(textOf(await store.load('cg-busy'))).toBe(`${'x'.repeat(20)}a`);
  });

  it('gives rooms that differ only in case, or are named like devices, their own files', async () => {
    const store = await DiskStore.open(tempDir('store'), quiet);
    await store.save('cg-Ab', docWith('upper'));
    await store.save('cg-ab', docWith('lower'));
    await store.save('CON', docWith('device'));
    expect(textOf(await store.load('cg-Ab'))).toBe('upper');
    expect(textOf(await store.load('cg-ab'))).toBe('lower');
    expect(textOf(await store.load('CON'))).toBe('device');
  });

  it('removes temp files a killed hub left behind, never a room\'s file', async () => {
    const dir = tempDir('store');
    writeFileSync(join(dir, `${fileBase('cg-one')}.state`), Y.encodeStateAsUpdate(docWith('kept')));
    writeFileSync(join(dir, `${fileBase('cg-one')}.state.1234.1.tmp`), 'half written');
    const store = await DiskStore.open(dir, quiet);
    expect(readdirSync(dir)).toEqual([`${fileBase('cg-one')}.state`]);
    expect(textOf(await store.load('cg-one'))).toBe('kept');
  });

  it('keeps its directory to the hub\'s user: 0700, files 0600, also when they existed looser', async () => {
    const dir = join(tempDir('store'), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const old = join(dir, `${fileBase('cg-old')}.state`);
    writeFileSync(old, Y.encodeStateAsUpdate(docWith('old')), { mode: 0o644 });
    chmodSync(old, 0o644);
    const store = await DiskStore.open(dir, quiet);
    await store.append('cg-new', edit(new Y.Doc(), 'journalled'));
    await store.save('cg-saved', docWith('saved'));
    expect(mode(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);
  });

  it('renames files named the old way (the room name) to hashed names, losing nothing', async () => {
    const dir = tempDir('store');
    writeFileSync(join(dir, 'cg-one.yjs'), Y.encodeStateAsUpdate(docWith('one')));
    writeFileSync(join(dir, 'cg-+ab.yjs'), Y.encodeStateAsUpdate(docWith('capital')));
    writeFileSync(join(dir, 'cg-one.yjs.broken-5'), 'kept for a person');
    // Both names for one room (copied in by hand): both sides are kept.
    const both = docWith('hashed');
    writeFileSync(join(dir, `${fileBase('cg-two')}.state`), Y.encodeStateAsUpdate(both));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(both));
    edit(other, ' and named');
    writeFileSync(join(dir, 'cg-two.yjs'), Y.encodeStateAsUpdate(other));
    const logs: string[] = [];
    const store = await DiskStore.open(dir, (event, details) => logs.push(`${event} ${details}`));
    expect(textOf(await store.load('cg-one'))).toBe('one');
    expect(textOf(await store.load('cg-Ab'))).toBe('capital');
    expect(textOf(await store.load('cg-two'))).toBe('hashed and named');
    expect(readdirSync(dir).filter((f) => f.includes('cg-'))).toEqual([]);
    expect(readFileSync(join(dir, `${fileBase('cg-one')}.state.broken-5`), 'utf8')).toBe('kept for a person');
    expect(logs).toEqual([expect.stringMatching(/^data-migrated 4 room file\(s\)/)]);
  });
});

describe('the hub\'s journal', () => {
  it('holds every appended update until a save folds it into the snapshot', async () => {
    const dir = tempDir('store');
    const store = await DiskStore.open(dir, quiet);
    const doc = new Y.Doc();
    await Promise.all(['a', 'b', 'c'].map((t) => store.append('cg-j', edit(doc, t))));
    const reopened = await DiskStore.open(dir, quiet);
    expect(await reopened.load('cg-j')).toMatchObject({ snapshot: null, updates: { length: 3 } });
    expect(textOf(await reopened.load('cg-j'))).toBe('abc');

    await store.save('cg-j', doc);
    expect(statSync(join(dir, `${fileBase('cg-j')}.journal`)).size).toBe(0);
    expect(textOf(await (await DiskStore.open(dir, quiet)).load('cg-j'))).toBe('abc');
  });

  it('folds into the snapshot an update journalled but not yet applied to the document', async () => {
    const dir = tempDir('store');
    const store = await DiskStore.open(dir, quiet);
    const hub = docWith('a');
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(hub));
    await store.append('cg-race', edit(device, 'b'));
    await store.save('cg-race', hub);
    expect(textOf(await (await DiskStore.open(dir, quiet)).load('cg-race'))).toBe('ab');
  });

  it('drops a truncated or corrupted last record with a log line, keeps the intact ones, and appends after them', async () => {
    for (const damage of ['truncated', 'corrupted'] as const) {
      const dir = tempDir('store');
      const doc = new Y.Doc();
      const writer = await DiskStore.open(dir, quiet);
      for (const t of ['a', 'b', 'c']) await writer.append('cg-cut', edit(doc, t));
      await writer.idle();
      const journal = join(dir, `${fileBase('cg-cut')}.journal`);
      const size = statSync(journal).size;
      if (damage === 'truncated') truncateSync(journal, size - 1);
      else {
        const bytes = readFileSync(journal);
        bytes[size - 1] = bytes[size - 1]! ^ 0xff;
        writeFileSync(journal, bytes);
      }

      const logs: string[] = [];
      const store = await DiskStore.open(dir, (event, details) => logs.push(`${event} ${details}`));
      expect(textOf(await store.load('cg-cut'))).toBe('ab');
      expect(logs).toEqual([expect.stringMatching(/^journal-damaged cg-cut: kept 2 intact update\(s\), dropped \d+ damaged byte\(s\)/)]);
      const later = new Y.Doc();
      Y.applyUpdate(later, Y.encodeStateAsUpdate(doc));
      await store.append('cg-cut', edit(later, 'd'));
      const reread = await (await DiskStore.open(dir, quiet)).load('cg-cut');
      expect(reread?.updates).toHaveLength(3);
    }
  });
});
