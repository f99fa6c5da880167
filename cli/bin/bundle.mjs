// The CLI's sources bundled into one cached ES module, so that `nines` starts without compiling
// TypeScript on every run (tsx costs about 0.3 s of CPU per start). The cache is keyed by the
// path, size and modification time of every source file under cli/ and shared/: any edit makes
// a new bundle on the next run. npm packages stay external (loaded from node_modules).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_DIRS = ['cli', 'shared'];

/**
 * A short hash of the sources the CLI is built from: every `.ts` file under cli/ and shared/
 * (tests excluded) with its size and modification time.
 * @param {string} root the repository root
 * @returns {string}
 */
export function sourceKey(root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The URL of the bundled CLI entry (exporting `main`), built with esbuild when the cache has no
 * bundle for the current sources. Every `import.meta.url` in the bundle is that of cli/index.ts,
 * so paths the CLI resolves next to itself (the bundled price book, pdfmake) stay right.
 * @param {string} root the repository root
 * @returns {Promise<URL>}
 */
export async function bundledEntry(root) {
  const cache = join(root, 'node_modules', '.cache', 'nines-cli');
  const key = sourceKey(root);
  const dir = join(cache, key);
  const entry = join(dir, 'index.mjs');
  try {
    statSync(entry);
    return pathToFileURL(entry);
  } catch {
    // Not built yet for these sources.
  }
  const { build } = await import('esbuild');
  const scratch = join(cache, `${key}.${process.pid}.tmp`);
  rmSync(scratch, { recursive: true, force: true });
  await build({
    entryPoints: { index: join(root, 'cli', 'index.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: scratch,
    outExtension: { '.js': '.mjs' },
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'cli', 'index.ts')).href),
    },
    logLevel: 'error',
  });
  mkdirSync(cache, { recursive: true });
  for (const old of readdirSync(cache)) {
    if (old !== key && !old.endsWith('.tmp'))
      rmSync(join(cache, old), { recursive: true, force: true });
  }
  try {
    renameSync(scratch, dir);
  } catch {
    // Another process renamed its identical bundle first: use that one.
    rmSync(scratch, { recursive: true, force: true });
  }
  return pathToFileURL(entry);
}

/** The repository root, seen from this file. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
