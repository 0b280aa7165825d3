import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import ts from 'typescript';
import { scriptOf } from './source-imports';

/* A lazy chunk that fails to load on patchy Wi-Fi must be tried again and, failing that, said
 * (src/core/lazy.ts): a bare `import()` would leave a screen empty or a spinner turning for good.
 * So every dynamic import in the browser's code is made inside a loader handed to `lazy` or to
 * `withWords` (which goes through `lazy`). */

const src = resolve(import.meta.dirname, '../../src');
const WRAPPERS = ['lazy', 'withWords'];
/** Files whose loaders are handed to `lazy` where they are used, and where. */
const LOADED_ELSEWHERE: Record<string, { by: string; call: string }> = {
  'ui/board-screens.ts': { by: 'ui/WorkshopScreen.svelte', call: 'lazy(BOARD_SCREENS[' },
};

const browserSources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|svelte)$/.test(f) && !f.startsWith(`hub${sep}`) && !f.endsWith('.d.ts'))
  .map((f) => f.split(sep).join('/'));

/** The specifiers of dynamic imports in `code` not made inside a loader given to a wrapper. */
function bareImports(code: string): string[] {
  const found: string[] = [];
  const wrapped = (node: ts.Node): boolean => {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
      if (!ts.isArrowFunction(at) && !ts.isFunctionExpression(at)) continue;
      const call = at.parent;
      return !!call && ts.isCallExpression(call) && ts.isIdentifier(call.expression)
        && WRAPPERS.includes(call.expression.text) && call.arguments.includes(at as ts.Expression);
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && !wrapped(node)) {
      const [arg] = node.arguments;
      found.push(arg && ts.isStringLiteralLike(arg) ? arg.text : node.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true));
  return found;
}

/** The expressions of a component's `{#await …}` blocks, where its markup loads components. */
const awaitedIn = (component: string): string[] =>
  [...component.replace(/<script\b[\s\S]*?<\/script>/g, '').matchAll(/\{#await\s+([\s\S]*?)\s+then\b/g)].map((m) => m[1]!);

describe('lazy imports', () => {
  it('every dynamic import in the browser’s code is retried through lazy()', () => {
    const bare = browserSources.flatMap((file) => {
      if (LOADED_ELSEWHERE[file]) return [];
      const text = readFileSync(join(src, file), 'utf8');
      const pieces = file.endsWith('.svelte') ? [scriptOf(file, text), ...awaitedIn(text)] : [text];
      return pieces.flatMap(bareImports).map((spec) => `src/${file}: import(${spec})`);
    });
    expect(bare).toEqual([]);
  }, 60_000);

  it('the loaders of a table of screens are retried where the table is used', () => {
    for (const [file, { by, call }] of Object.entries(LOADED_ELSEWHERE)) {
      expect(readFileSync(join(src, file), 'utf8')).toContain('import(');
      expect(readFileSync(join(src, by), 'utf8')).toContain(call);
    }
  });

  it('tells a wrapped import from a bare one, in scripts and in markup', () => {
    expect(bareImports("const a = () => lazy(() => import('./a'));")).toEqual([]);
    expect(bareImports("withWords(() => Promise.all([import('./a'), import('./b')]));")).toEqual([]);
    expect(bareImports("const a = await import('./a');")).toEqual(['./a']);
    expect(bareImports("const a = () => import('./a');")).toEqual(['./a']);
    expect(bareImports("other(() => import('./a'));")).toEqual(['./a']);
    const component = "<script>let x;</script>\n{#await import('./A.svelte') then { default: A }}<A />{/await}\n"
      + "{#await lazy(() => import('./B.svelte')) then { default: B }}<B />{/await}";
    expect(awaitedIn(component).flatMap(bareImports)).toEqual(['./A.svelte']);
  });
});
