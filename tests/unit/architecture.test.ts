import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/* The layers, checked by a test so they cannot drift: the core and the exports are plain
 * TypeScript over Yjs, usable from tests, scripts and a future server without a browser. */

const root = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|js|mjs|svelte)$/;

/** Source files below `dir`, relative to the project root. */
function files(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f))
    .map((f) => join(dir, f));
}

/** Every module a file imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export * from '…'
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

const FORBIDDEN_PACKAGES = ['svelte', 'dexie', 'y-dexie', 'y-webrtc'];

/** What a file may not import: these packages, and these folders of `src`. */
const layers: Record<string, { folders: string[] }> = {
  'src/core': { folders: ['app', 'ui', 'sync', 'storage', 'export'] },
  'src/export': { folders: ['app', 'ui', 'sync', 'storage'] },
};

function violations(file: string, folders: string[]): string[] {
  return importsOf(readFileSync(join(root, file), 'utf8')).filter((spec) => {
    if (spec.startsWith('.')) {
      const target = relative(join(root, 'src'), resolve(dirname(join(root, file)), spec)).split(sep)[0];
      return folders.includes(target ?? '');
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    return FORBIDDEN_PACKAGES.includes(pkg ?? '');
  }).map((spec) => `${file} imports ${spec}`);
}

describe('architecture', () => {
  for (const [dir, { folders }] of Object.entries(layers)) {
    it.skipIf(!existsSync(join(root, dir)))(`${dir} imports only what its layer allows`, () => {
      const all = files(dir);
      expect(all.length).toBeGreaterThan(0);
      expect(all.flatMap((f) => violations(f, folders))).toEqual([]);
    });
  }

  it('the import scanner sees every form of import', () => {
    const sample = [
      "import * as Y from 'yjs';",
      "import { mount } from 'svelte';",
      "import type { Db } from '../storage/db';",
      'import "../ui/app.css";',
      "export { x } from '../app/router.svelte';",
      "const m = await import('y-webrtc');",
      "import {\n  a,\n  b,\n} from 'dexie';",
    ].join('\n');
    expect(importsOf(sample)).toEqual(
      expect.arrayContaining(['yjs', 'svelte', '../storage/db', '../ui/app.css', '../app/router.svelte', 'y-webrtc', 'dexie']),
    );
  });
});
