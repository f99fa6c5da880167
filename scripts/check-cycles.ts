/**
 * `tsx scripts/check-cycles.ts` (a step of `npm test`): fails when the TypeScript sources import
 * each other in a cycle, and names the files of each cycle.
 *
 * What counts as an edge: every static `import … from './x'`, `export … from './x'` and bare
 * `import './x'` between two of the repository's .ts/.tsx files, **type-only imports included**
 * (`import type`, `export type … from`). A cycle made only of types costs nothing at run time,
 * but it still means neither file can be read, moved or tested without the other: the case of
 * the engine's types.ts and scenario.ts that issue 14 asked to undo. Dynamic `import('./x')`
 * does not count: it is a deliberate lazy load (the plan writers) that takes no part in the
 * order modules are initialised in. Package imports and non-TypeScript files (CSS, `?raw`
 * assets) are not followed.
 *
 * The graph is searched with Tarjan's strongly connected components, iteratively (no recursion
 * limit on long import chains); every component of two or more files, or a file importing
 * itself, is a cycle. Dependency-free apart from the TypeScript parser the build already uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folders whose sources are checked, relative to the repository root. */
export const SOURCE_DIRS = ['shared', 'cli', 'renderer/src', 'electron', 'system', 'scripts', 'bench', 'e2e'];

/** Module graph: file (repository-relative, `/`-separated) → the files it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The relative module specifiers `text` imports or re-exports statically, in source order. */
export function importSpecifiers(text: string, fileName = 'module.ts'): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference)
    ) {
      specifier = statement.moduleReference.expression;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      specifiers.push(specifier.text);
    }
  }
  return specifiers;
}

/** The file a relative specifier names among `files`, as the bundler resolves it; else undefined. */
export function resolveSpecifier(
  from: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => files.has(candidate));
}

/** Every .ts/.tsx file under `dirs` of `root` (node_modules skipped), repository-relative. */
export function sourceFiles(root: string, dirs: readonly string[] = SOURCE_DIRS): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  for (const dir of dirs) {
    const path = join(root, dir);
    try {
      if (statSync(path).isDirectory()) walk(path);
    } catch {
      // A folder this checkout does not have.
    }
  }
  return found;
}

/** The import graph of `files` (repository-relative) read from `root`. */
export function importGraph(root: string, files: readonly string[]): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = importSpecifiers(text, file)
      .map((specifier) => resolveSpecifier(file, specifier, known))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One knot of files that import each other. */
export interface ImportCycle {
  /** Every file of the strongly connected component, sorted. */
  readonly files: readonly string[];
  /** One shortest path through it from its first file back to that file. */
  readonly path: readonly string[];
}

/**
 * The cycles of `graph`: each strongly connected component of two or more files, or of one file
 * that imports itself, sorted by first file so the output is stable. Tarjan's algorithm,
 * iterative.
 */
export function findCycles(graph: ImportGraph): ImportCycle[] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const successors = (node: string): readonly string[] => graph.get(node) ?? [];

  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    // Each frame: a node and how many of its successors have been looked at.
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const next = successors(frame.node)[frame.next];
      if (next !== undefined) {
        frame.next += 1;
        if (!index.has(next)) {
          index.set(next, counter);
          lowLink.set(next, counter);
          counter += 1;
          stack.push(next);
          onStack.add(next);
          frames.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) {
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && successors(frame.node).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components
    .map((component) => ({
      files: [...component].sort(),
      path: cyclePath(graph, new Set(component)),
    }))
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** One cycle through `component` from its smallest file back to it (breadth-first, shortest). */
function cyclePath(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const first = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [first];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i]!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === first) {
        const path = [node];
        while (path[0] !== first) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, first];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [first, first];
}

/** Checks the repository at `root`; returns the exit code after printing the result. */
export function main(root: string, write: (line: string) => void = console.log): number {
  const files = sourceFiles(root);
  const cycles = findCycles(importGraph(root, files));
  if (cycles.length === 0) {
    write(`check-cycles: no import cycles in ${files.length} files`);
    return 0;
  }
  write(`check-cycles: ${cycles.length} import cycle(s):`);
  for (const cycle of cycles) {
    write(`  ${cycle.files.length} file(s): ${cycle.files.join(', ')}`);
    write(`    e.g. ${cycle.path.join('\n      → ')}`);
  }
  write('Break each cycle: move what both files need into a third module both can import.');
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(fileURLToPath(new URL('..', import.meta.url)));
}
