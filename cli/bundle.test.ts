/** The CLI's bundle cache (cli/bin/bundle.cjs), its loader (cli/bin/load.cjs) and `nines`. */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, template } from './testing';

const root = mkdtempSync(join(tmpdir(), 'nines-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

interface Loaded {
  exports: { main: () => Promise<number> };
  saveCache(): void;
}
// Plain CommonJS files of the bin folder, without type declarations.
const require = createRequire(import.meta.url);
const { ROOT, bundledEntry, sourceKey } = require('./bin/bundle.cjs') as {
  ROOT: string;
  bundledEntry: (root: string) => Promise<string>;
  sourceKey: (root: string) => string;
};
const { loadBundle } = require('./bin/load.cjs') as {
  loadBundle: (file: string, cacheFile?: string) => Loaded;
};

describe('the bundle cache', () => {
  write('package.json', '{"dependencies": {}}\n');
  write('shared/answer.ts', 'export const answer: number = 41;\n');
  write('system/one.ts', 'export const one: number = 1;\n');
  write(
    'cli/index.ts',
    "import { answer } from '../shared/answer';\nimport { one } from '../system/one';\nexport async function main(): Promise<number> {\n  return answer + one;\n}\n",
  );
  // The entries bundled beside the CLI: `nines validate`'s and the PDF writer thread's.
  write(
    'cli/validate-main.ts',
    'export async function main(): Promise<number> {\n  return 0;\n}\n',
  );
  write('cli/plan-io.ts', 'export async function runPdfWriterThread(): Promise<void> {}\n');

  it('keys the sources: an edit changes the key, a test file does not', () => {
    const before = sourceKey(root);
    write('cli/index.test.ts', 'export {};\n');
    expect(sourceKey(root)).toBe(before);
    write('shared/answer.ts', 'export const answer: number = 6;\n');
    const afterShared = sourceKey(root);
    expect(afterShared).not.toBe(before);
    // system/ (Node code the CLI shares with the desktop app) is a source folder too.
    write('system/one.ts', 'export const one: number = 10;\n');
    expect(sourceKey(root)).not.toBe(afterShared);
    write('system/one.ts', 'export const one: number = 1;\n');
    // The bundled packages: npm's record of node_modules, rewritten by every install.
    const beforeInstall = sourceKey(root);
    write('node_modules/.package-lock.json', '{"packages": {}}\n');
    expect(sourceKey(root)).not.toBe(beforeInstall);
  });

  it('builds the entry once per key and rebuilds after an edit', async () => {
    write('shared/answer.ts', 'export const answer: number = 41;\n');
    const first = await bundledEntry(root);
    expect(await loadBundle(first).exports.main()).toBe(42);
    const built = statSync(first).mtimeMs;
    expect(await bundledEntry(root)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);

    write('shared/answer.ts', 'export const answer: number = 999;\n');
    const second = await bundledEntry(root);
    expect(second).not.toBe(first);
    expect(await loadBundle(second).exports.main()).toBe(1000);
    // The stale bundle is removed.
    expect(readdirSync(dirname(dirname(second)))).toHaveLength(1);
  });

  it('writes a code cache once and runs from it', async () => {
    const file = await bundledEntry(root);
    const cache = join(root, 'code-cache', 'index.v8cache');
    const load = loadBundle;
    const fresh = load(file, cache);
    expect(await fresh.exports.main()).toBe(1000);
    fresh.saveCache();
    expect(existsSync(cache)).toBe(true);
    const written = statSync(cache).mtimeMs;
    const cached = load(file, cache);
    expect(await cached.exports.main()).toBe(1000);
    cached.saveCache();
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('is ASCII, which the loader reads as Latin-1: other characters come through escaped', async () => {
    const other = mkdtempSync(join(tmpdir(), 'nines-bundle-ascii-'));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(join(other, path, '..'), { recursive: true });
        writeFileSync(join(other, path), text);
      };
      put('package.json', '{"dependencies": {}}\n');
      put('shared/none.ts', 'export {};\n');
      put('system/none.ts', 'export {};\n');
      put('cli/validate-main.ts', 'export {};\n');
      put('cli/plan-io.ts', 'export {};\n');
      // A comment and a string beyond ASCII, as in the plan's texts (≤, —, “”, é, 🙂).
      put(
        'cli/index.ts',
        "// Plan text: ≤ — “é”\nexport async function main(): Promise<string> {\n  return '≤ — “é” 🙂';\n}\n",
      );
      const file = await bundledEntry(other);
      expect([...readFileSync(file)].every((byte) => byte < 0x80)).toBe(true);
      const loaded = loadBundle(file) as unknown as { exports: { main(): Promise<string> } };
      expect(await loaded.exports.main()).toBe('≤ — “é” 🙂');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('the nines command', () => {
  it.each(['nines.cjs', 'nines.mjs'])('runs the CLI from its bundle (bin/%s)', (name) => {
    const bin = new URL(`./bin/${name}`, import.meta.url).pathname;
    const out = execFileSync(process.execPath, [bin, 'validate', template('single-region-3az')], {
      encoding: 'utf8',
    });
    expect(out).toContain('valid');
  });

  it('loads child_process, crypto, fs/promises and worker_threads only when used, not at start', () => {
    const bin = new URL('./bin/nines.cjs', import.meta.url).pathname;
    // Node's list of the built-in modules it loaded, printed as the process ends.
    const report = join(root, 'loaded-modules.cjs');
    writeFileSync(
      report,
      "process.on('exit', () => process.stdout.write(JSON.stringify(process.moduleLoadList)));\n",
    );
    const loaded = (args: string[]) => {
      const out = execFileSync(process.execPath, ['-r', report, bin, ...args], {
        encoding: 'utf8',
      });
      return (JSON.parse(out.slice(out.indexOf('['))) as string[]).filter((m) =>
        /^NativeModule (child_process|crypto|fs\/promises|worker_threads)$/.test(m),
      );
    };
    expect(loaded(['validate', template('single-region-3az')])).toEqual([]);
    // A write loads crypto (its temporary file's name) and fs/promises when it happens.
    const md = join(root, 'loaded-modules.md');
    expect(loaded(['plan', template('single-region-3az'), '--md', md])).toEqual(
      expect.arrayContaining(['NativeModule crypto', 'NativeModule fs/promises']),
    );
  });

  it('runs `nines validate` from a bundle of its own, as the whole CLI runs it', async () => {
    const bin = new URL('./bin/nines.cjs', import.meta.url).pathname;
    const bad = join(root, 'bad-validate.nines.json');
    writeFileSync(bad, '{"format": "nines/1", "name": 5, "variants": []}\n');
    const runs: string[][] = [
      ['validate', template('single-region-3az'), '--strict'],
      ['validate', bad, join(root, 'none.json')],
      ['validate'],
      ['validate', '--bogus'],
    ];
    for (const args of runs) {
      const launched = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const inProcess = await runCli(...args);
      expect([launched.status, launched.stdout, launched.stderr]).toEqual([
        inProcess.code,
        inProcess.stdout,
        inProcess.stderr,
      ]);
    }
    const bundle = readFileSync(join(dirname(await bundledEntry(ROOT)), 'validate.cjs'), 'latin1');
    // The parser's part only: none of the engine, the plan writers or the layout engine.
    expect(bundle.length).toBeLessThan(500_000);
    expect(bundle).not.toContain('elkjs');
  });

  it('keeps out the kinds of zod schema Nines does not use', async () => {
    // Imported by name (shared/schema/zod.ts), not through zod's `z`, which holds all of zod.
    const bundle = readFileSync(await bundledEntry(ROOT), 'latin1');
    expect(bundle).toContain('"ZodDiscriminatedUnion"');
    for (const unused of ['ZodTemplateLiteral', 'ZodPromise', 'ZodCodec']) {
      expect(bundle).not.toContain(`"${unused}"`);
    }
  });

  it('keeps a code cache per command, and one for the PDF writer thread', async () => {
    const bin = new URL('./bin/nines.cjs', import.meta.url).pathname;
    const design = template('single-region-3az');
    execFileSync(process.execPath, [bin, 'validate', design]);
    const pdf = join(root, 'cache-roles.pdf');
    execFileSync(process.execPath, [bin, 'plan', design, '--pdf', pdf, '--date', '2026-01-01']);
    const bundle = await bundledEntry(ROOT);
    const cache = (role: string, file = bundle) =>
      `${file}.${role}.${process.version}-${process.arch}.v8cache`;
    // Each holds the code its run compiled: validate's only the parser's (of its own bundle),
    // plan's the engine too.
    const validate = cache('validate', join(dirname(bundle), 'validate.cjs'));
    expect(statSync(validate).size).toBeLessThan(statSync(cache('plan')).size);
    expect(existsSync(cache('validate'))).toBe(false);
    // The thread's, of its own bundle.
    expect(existsSync(cache('pdf-writer', join(dirname(bundle), 'pdf-writer.cjs')))).toBe(true);
  });

  it('writes a PDF plan on the thread it starts before loading, the same bytes as in process', async () => {
    const bin = new URL('./bin/nines.cjs', import.meta.url).pathname;
    const [viaLauncher, inProcess] = ['launcher.pdf', 'in-process.pdf'].map((f) => join(root, f));
    const args = ['plan', template('single-region-3az'), '--date', '2026-01-01', '--pdf'];
    execFileSync(process.execPath, [bin, ...args, viaLauncher as string]);
    expect((await runCli(...args, inProcess as string)).code).toBe(0);
    expect(readFileSync(viaLauncher as string).equals(readFileSync(inProcess as string))).toBe(
      true,
    );
    // A plan that fails before its PDF is asked for ends at once: the idle thread keeps nothing.
    const failed = spawnSync(
      process.execPath,
      [bin, 'plan', join(root, 'none.json'), '--pdf', 'x.pdf'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr).toContain('cannot read');
  });
});
