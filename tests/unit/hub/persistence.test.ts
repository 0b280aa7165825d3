import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DiskStore } from '../../../src/hub/persistence';
import { cleanUp, tempDir } from './helpers';

afterEach(cleanUp);

const docWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
};
const textOf = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
};

describe('the hub\'s store on disk', () => {
  it('keeps one file per room and reads back what it wrote', async () => {
    const dir = tempDir('store');
    const store = await DiskStore.open(dir);
    await store.save('cg-one', docWith('first'));
    await store.save('cg-two', docWith('second'));
    expect(textOf(await store.load('cg-one'))).toBe('first');
    expect(textOf(await (await DiskStore.open(dir)).load('cg-two'))).toBe('second');
    expect(await store.load('cg-never')).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['cg-one.yjs', 'cg-two.yjs']);
  });

  it('ends with the newest state when saves of one room overlap', async () => {
    const store = await DiskStore.open(tempDir('store'));
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

  it('gives rooms that differ only in case their own files (macOS and Windows ignore case)', async () => {
    const store = await DiskStore.open(tempDir('store'));
    await store.save('cg-Ab', docWith('upper'));
    await store.save('cg-ab', docWith('lower'));
    expect(textOf(await store.load('cg-Ab'))).toBe('upper');
    expect(textOf(await store.load('cg-ab'))).toBe('lower');
  });

  it('removes temp files a killed hub left behind, never a room\'s file', async () => {
    const dir = tempDir('store');
    writeFileSync(join(dir, 'cg-one.yjs'), Y.encodeStateAsUpdate(docWith('kept')));
    writeFileSync(join(dir, 'cg-one.yjs.1234.1.tmp'), 'half written');
    const store = await DiskStore.open(dir);
    expect(readdirSync(dir)).toEqual(['cg-one.yjs']);
    expect(textOf(await store.load('cg-one'))).toBe('kept');
  });
});
