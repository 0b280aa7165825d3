import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { en } from '../../../src/i18n/en';
import { homeMessages } from '../../../src/i18n/en-home';
import { importsOf, scriptOf } from '../source-imports';

/* The home screen's English is in the first load (en-home.ts); the rest (en.ts) loads with the
 * first lazy screen that needs it (i18n.ts `withWords`). A module of the first load that named
 * another key would show the key itself, so every key it names must be in en-home.ts. */

const src = resolve(import.meta.dirname, '../../../src');

/** The file an import names, or undefined for a package, a stylesheet or a file not in src. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}/index.ts`].find((f) => /\.(ts|svelte)$/.test(f) && existsSync(f));
}

/** The modules of the first load: everything the entry (src/main.ts) and the app's start
 *  (src/start.ts, which it runs after the shell's first paint) import statically, transitively. */
function firstLoad(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const script = scriptOf(file, readFileSync(file, 'utf8'));
    for (const imp of importsOf(script, file.endsWith('.svelte'))) {
      const target = imp.kind === 'value' ? resolveSpec(file, imp.spec) : undefined;
      if (target) visit(target);
    }
  };
  visit(join(src, 'main.ts'));
  visit(join(src, 'start.ts'));
  return [...seen];
}

/** The message keys a file names: a quoted key, or every key under a prefix built in a template
 *  (`board.kind.${type}`). */
function keysNamed(text: string, keys: readonly string[]): string[] {
  const named = new Set<string>();
  for (const [, quoted] of text.matchAll(/['"`]([\w.-]+)['"`]/g)) if (keys.includes(quoted!)) named.add(quoted!);
  for (const [, prefix] of text.matchAll(/`([\w-]+\.[\w.-]*)\$\{/g)) {
    for (const key of keys) if (key.startsWith(prefix!)) named.add(key);
  }
  return [...named];
}

describe('the first load\'s words', () => {
  const modules = firstLoad();

  it('follows the first load from main.ts through the home screen, and not into a workshop', () => {
    const names = modules.map((f) => relative(src, f));
    expect(names).toContain('ui/Home.svelte');
    expect(names).toContain('i18n/i18n.ts');
    expect(names).not.toContain('ui/WorkshopScreen.svelte');
  });

  it('has every English key the first load names', () => {
    const keys = Object.keys(en);
    // The translator builds keys from codes it is given; the files of words are the words.
    const readers = modules.filter((f) => !relative(src, f).startsWith('i18n'));
    const missing = readers.flatMap((file) => keysNamed(readFileSync(file, 'utf8'), keys)
      .filter((key) => !(key in homeMessages))
      .map((key) => `${relative(src, file)}: ${key}`));
    expect(missing, `keys to move from en.ts (or its catalogues) to en-home.ts:\n${missing.join('\n')}`).toEqual([]);
  });
});
