import ts from 'typescript';

/* How the source tests read imports: the layer rules (architecture.test.ts) and the words the
 * first load must carry (i18n/first-load-words.test.ts). */

export type Kind = 'value' | 'type' | 'dynamic';
export interface Import {
  spec: string;
  kind: Kind;
}

/** The script of a file: all of a .ts file, the <script> blocks of a .svelte component. */
export function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Every module a script imports or re-exports, statically or dynamically, and whether only its
 * types are taken. `import { type X }` counts as type-only in a component, where Svelte drops
 * the whole statement, but not in a .ts file, where `verbatimModuleSyntax` keeps `import {}`. */
export function importsOf(script: string, svelte = false): Import[] {
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const allTyped = svelte && !clause?.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      found.push({ spec: node.moduleSpecifier.text, kind: clause?.isTypeOnly || allTyped ? 'type' : 'value' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'value' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push({ spec: arg.text, kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, kind: 'type' });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', script, ts.ScriptTarget.Latest, true));
  return found;
}
