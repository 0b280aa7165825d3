import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importsOf, scriptOf, type Import } from './source-imports';

/* The layers, checked by a test so they cannot drift. Imports point downwards only:
 *   ui → app → storage, sync, export, i18n → core
 * and src/hub (the Node server) stands apart. The core and the exports are plain TypeScript over
 * Yjs, usable from tests, scripts and the hub without a browser. */

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Height of each folder of src; a file may import its own folder and any lower one. Files at
 * the top of src (main.ts) are the entry, above everything. */
const RANK: Record<string, number> = { core: 0, storage: 1, sync: 1, export: 1, i18n: 1, app: 2, ui: 3 };
const ENTRY_RANK = 4;
const HUB = 'hub';
/** The server shares the document model and messages, never the browser's layers. */
const HUB_MAY_IMPORT = ['core', 'i18n'];

const BROWSER_PACKAGES = ['svelte', 'dexie', 'y-dexie', 'y-webrtc'];
const PURE_FOLDERS = ['core', 'export'];

/* Facilitation pulls in signing (WebCrypto keys, signatures); the UI may name its types but a
 * value import would put that code into the first load instead of the lazy chunk. */
const FACILITATION = [/^app\/facilitation\.svelte(\.ts)?$/, /^app\/clock-sync\.svelte(\.ts)?$/, /^core\/facilitation\//, /^core\/health\/sheets(\.ts)?$/];

/** Source files of src, relative to it. */
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|svelte)$/.test(f));

/** The folder of src a path (relative to src) lies in, or '' for files at its top. */
const folderOf = (path: string): string => (path.includes(sep) ? path.split(sep)[0]! : '');

/** Why `file` may not make this import, or undefined when it may. */
function breach(file: string, { spec, kind }: Import): string | undefined {
  const from = folderOf(file);
  if (!spec.startsWith('.')) {
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    return PURE_FOLDERS.includes(from) && BROWSER_PACKAGES.includes(pkg) ? 'a browser package in a pure layer' : undefined;
  }
  const target = relative(src, resolve(src, dirname(file), spec));
  const to = folderOf(target);
  if (from === 'ui' && kind !== 'type' && FACILITATION.some((re) => re.test(target.split(sep).join('/')))) {
    return 'a facilitation value in the UI (types only)';
  }
  if (to === from) return undefined;
  if (from === HUB) return HUB_MAY_IMPORT.includes(to) ? undefined : 'the hub reaching into the browser layers';
  if (to === HUB) return 'the hub from outside it';
  const fromRank = from === '' ? ENTRY_RANK : RANK[from];
  const toRank = RANK[to];
  if (fromRank === undefined || toRank === undefined) return `a folder with no layer (${from || 'src'} → ${to || 'src'})`;
  return toRank < fromRank ? undefined : 'an upward or sideways import';
}

function violations(file: string): string[] {
  const script = scriptOf(file, readFileSync(join(src, file), 'utf8'));
  return importsOf(script, file.endsWith('.svelte')).flatMap((imp) => {
    const why = breach(file, imp);
    return why ? [`src/${file} imports ${imp.spec} (${imp.kind}): ${why}`] : [];
  });
}

describe('architecture', () => {
  it('sees the source files of every layer', () => {
    const folders = new Set(sources.map(folderOf));
    for (const folder of [...Object.keys(RANK), HUB]) expect(folders).toContain(folder);
  });

  it('every import in src points downwards, keeps the hub apart and the UI off facilitation values', () => {
    expect(sources.flatMap(violations)).toEqual([]);
  // Parsing every source file takes 6–9 s on a loaded two-core machine.
  }, 60_000);

  it('the import scanner sees every form of import', () => {
    const sample = [
      "import * as Y from 'yjs';",
      "import { mount } from 'svelte';",
      "import type { Db } from '../storage/db';",
      "import { type Step } from '../core/facilitation/agenda';",
      'import "../ui/app.css";',
      "export { x } from '../app/router.svelte';",
      "export type { Y } from '../app/y';",
      "const m = await import('y-webrtc');",
      "let t: import('../sync/room').Room;",
      "import {\n  a,\n  b,\n} from 'dexie';",
      "const s = 'import x from \"not-an-import\"';",
    ].join('\n');
    const expected: Import[] = [
      { spec: 'yjs', kind: 'value' },
      { spec: 'svelte', kind: 'value' },
      { spec: '../storage/db', kind: 'type' },
      { spec: '../core/facilitation/agenda', kind: 'value' },
      { spec: '../ui/app.css', kind: 'value' },
      { spec: '../app/router.svelte', kind: 'value' },
      { spec: '../app/y', kind: 'type' },
      { spec: 'y-webrtc', kind: 'dynamic' },
      { spec: '../sync/room', kind: 'type' },
      { spec: 'dexie', kind: 'value' },
    ];
    expect(importsOf(sample)).toEqual(expected);
    expect(importsOf(sample, true)[3]).toEqual({ spec: '../core/facilitation/agenda', kind: 'type' });
  });

  it('reads the scripts of a component, module script included', () => {
    const component = [
      '<script module lang="ts">',
      "  import type { Step } from '../core/facilitation/agenda';",
      '</script>',
      '<script lang="ts">',
      "  import { t } from '../i18n/i18n';",
      '</script>',
      "<p>import x from '../app/not-an-import'</p>",
    ].join('\n');
    expect(importsOf(scriptOf('X.svelte', component), true).map((i) => i.spec)).toEqual([
      '../core/facilitation/agenda',
      '../i18n/i18n',
    ]);
  });
});
