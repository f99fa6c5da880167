#!/usr/bin/env node
// The `nines` command. An installed package runs the bundle `npm pack` built into cli/dist/. A
// checkout (cli/index.ts beside this folder) runs right after `npm install`, with no build step:
// its sources are bundled once into a cache (./bundle.mjs) and rebuilt when they change; if that
// cannot be done, tsx compiles them on the fly (and reports any error in them). Either bundle
// runs with a V8 code cache (./load.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, userCacheDir } from './load.mjs';

const cacheName = `${process.version}-${process.arch}.v8cache`;
let bundle;
let entry;
if (!existsSync(new URL('../index.ts', import.meta.url))) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const id = readFileSync(join(dist, 'build-id'), 'utf8').trim();
  bundle = loadBundle(join(dist, 'index.cjs'), join(userCacheDir(), `cli-${id}-${cacheName}`));
  entry = bundle.exports;
} else {
  try {
    const { ROOT, bundledEntry } = await import('./bundle.mjs');
    const file = await bundledEntry(ROOT);
    bundle = loadBundle(file, `${file}.${cacheName}`);
    entry = bundle.exports;
  } catch (error) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
    } catch {
      process.stderr.write(
        `nines: cannot build the CLI from this checkout (${error.message.split('\n')[0]}).\n` +
          'Run `npm install` here first: esbuild and tsx are development dependencies.\n',
      );
      process.exit(1);
    }
    entry = await import('../index.ts');
  }
}
process.exitCode = await entry.main(process.argv.slice(2));
bundle?.saveCache();
