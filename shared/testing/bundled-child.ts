/**
 * Child processes of the kill tests, started as plain Node modules. Such a test starts its child
 * dozens of times; under `node --import tsx` each start loads tsx's loader and compiles the
 * TypeScript again (about 0.3 s of CPU more than plain `node`, seconds of wall time on a busy
 * machine). Bundled once with esbuild, the same code starts as `node child.mjs`.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundles go: under the checkout's node_modules, so that the packages they leave out
 * (imported by name) resolve as they do for the sources.
 */
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

/** A bundled child: the module to run as `node <module> …args`, and how to remove it. */
export interface BundledChild {
  readonly module: string;
  readonly remove: () => Promise<void>;
}

/**
 * Bundles the TypeScript module `entry` (a file path) and the project's modules it imports into
 * one ES module, for Node (packages stay imports by name). A child that runs only as a program
 * (`import.meta.url` equal to its `argv[1]`) still does: the bundle is the program.
 */
export async function bundledChild(entry: string): Promise<BundledChild> {
  await mkdir(CACHE, { recursive: true });
  const dir = await mkdtemp(path.join(CACHE, 'nines-test-child-'));
  const module = path.join(dir, `${path.basename(entry, path.extname(entry))}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: module,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { module, remove: () => rm(dir, { recursive: true, force: true }) };
}
