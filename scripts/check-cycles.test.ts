import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importSpecifiers, main, type ImportGraph } from './check-cycles';

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('importSpecifiers', () => {
  it('reads static imports and re-exports, type-only ones included, and skips the rest', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import { type C, c } from './c/index';",
      "export { d } from './d';",
      "export type { E } from './e';",
      "export * from './f';",
      "import './side-effect';",
      "import { readFileSync } from 'node:fs';",
      "const lazy = () => import('./lazy');",
      "// import { x } from './commented';",
      'const text = "import { y } from \'./in-a-string\'";',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      './a',
      '../b',
      './c/index',
      './d',
      './e',
      './f',
      './side-effect',
    ]);
  });
});

describe('findCycles', () => {
  it('finds none in a layered graph', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds a two-file cycle, a longer one and a self-import, each once', () => {
    const cycles = findCycles(
      graph({
        'x/types.ts': ['x/scenario.ts'],
        'x/scenario.ts': ['x/types.ts', 'y/a.ts'],
        'y/a.ts': ['y/b.ts'],
        'y/b.ts': ['y/c.ts'],
        'y/c.ts': ['y/a.ts'],
        'z.ts': ['z.ts'],
      }),
    );
    expect(cycles).toEqual([
      {
        files: ['x/scenario.ts', 'x/types.ts'],
        path: ['x/scenario.ts', 'x/types.ts', 'x/scenario.ts'],
      },
      { files: ['y/a.ts', 'y/b.ts', 'y/c.ts'], path: ['y/a.ts', 'y/b.ts', 'y/c.ts', 'y/a.ts'] },
      { files: ['z.ts'], path: ['z.ts', 'z.ts'] },
    ]);
  });

  it('handles long chains without recursion', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i += 1) edges[`f${i}`] = [`f${i + 1}`];
    edges['f20000'] = ['f0'];
    const [cycle] = findCycles(graph(edges));
    expect(cycle?.files).toHaveLength(20_001);
  });
});

describe('main', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  const write = (path: string, text: string): void => {
    const full = join(root as string, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  it('fails on a type-only cycle between two files and names them', () => {
    root = mkdtempSync(join(tmpdir(), 'nines-cycles-'));
    write('shared/engine/types.ts', "import type { R } from './scenario';\nexport type T = R;\n");
    write('shared/engine/scenario.ts', "import type { T } from './types';\nexport type R = T[];\n");
    write(
      'cli/index.ts',
      "import type { R } from '../shared/engine/scenario';\nexport type X = R;\n",
    );
    const lines: string[] = [];
    expect(main(root, (line) => lines.push(line))).toBe(1);
    expect(lines.join('\n')).toContain('shared/engine/scenario.ts, shared/engine/types.ts');
    expect(lines.join('\n')).not.toContain('cli/index.ts');
  });

  it('passes once the shared type moves to a third file', () => {
    root = mkdtempSync(join(tmpdir(), 'nines-cycles-'));
    write('shared/engine/base.ts', 'export type T = number;\n');
    write('shared/engine/types.ts', "import type { R } from './scenario';\nexport type U = R;\n");
    write('shared/engine/scenario.ts', "import type { T } from './base';\nexport type R = T[];\n");
    const lines: string[] = [];
    expect(main(root, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual(['check-cycles: no import cycles in 3 files']);
  });
});
