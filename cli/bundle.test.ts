/** The CLI's bundle cache (cli/bin/bundle.mjs) and the `nines` command that uses it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the bin folder, without type declarations.
import { bundledEntry, sourceKey } from './bin/bundle.mjs';
import { template } from './testing';

const root = mkdtempSync(join(tmpdir(), 'nines-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

type Key = (root: string) => string;
type Entry = (root: string) => Promise<URL>;

describe('the bundle cache', () => {
  write('shared/answer.ts', 'export const answer: number = 41;\n');
  write(
    'cli/index.ts',
    "import { answer } from '../shared/answer';\nexport async function main(): Promise<number> {\n  return answer + 1;\n}\n",
  );

  it('keys the sources: an edit changes the key, a test file does not', () => {
    const before = (sourceKey as Key)(root);
    write('cli/index.test.ts', 'export {};\n');
    expect((sourceKey as Key)(root)).toBe(before);
    write('shared/answer.ts', 'export const answer: number = 6;\n');
    expect((sourceKey as Key)(root)).not.toBe(before);
  });

  it('builds the entry once per key and rebuilds after an edit', async () => {
    write('shared/answer.ts', 'export const answer: number = 41;\n');
    const first = await (bundledEntry as Entry)(root);
    const { main } = (await import(first.href)) as { main: () => Promise<number> };
    expect(await main()).toBe(42);
    const built = statSync(first).mtimeMs;
    expect((await (bundledEntry as Entry)(root)).href).toBe(first.href);
    expect(statSync(first).mtimeMs).toBe(built);

    write('shared/answer.ts', 'export const answer: number = 999;\n');
    const second = await (bundledEntry as Entry)(root);
    expect(second.href).not.toBe(first.href);
    const again = (await import(second.href)) as { main: () => Promise<number> };
    expect(await again.main()).toBe(1000);
    // The stale bundle is removed.
    expect(readdirSync(join(root, 'node_modules', '.cache', 'nines-cli'))).toHaveLength(1);
  });
});

describe('the nines command', () => {
  it('runs the CLI from its bundle', () => {
    const bin = new URL('./bin/nines.mjs', import.meta.url).pathname;
    const out = execFileSync(process.execPath, [bin, 'validate', template('single-region-3az')], {
      encoding: 'utf8',
    });
    expect(out).toContain('valid');
  });
});
