#!/usr/bin/env node
// The `nines` command. An installed package runs the bundle `npm pack` built into cli/dist/. A
// checkout (cli/index.ts beside this folder) runs right after `npm install`, with no build step:
// its sources are bundled once into a cache (./bundle.cjs) and rebuilt when they change; if that
// cannot be done, tsx compiles them on the fly (and reports any error in them). Either bundle
// runs with a V8 code cache (./load.cjs). CommonJS, like the bundle: Node starts a CommonJS
// entry a few milliseconds sooner than an ES module one.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isMainThread, workerData } = require('node:worker_threads');
const { loadBundle, userCacheDir } = require('./load.cjs');

/** This file, which `nines plan` starts again as its PDF writer thread (cli/plan-io.ts). */
module.exports.ninesLauncher = __filename;
const isPdfWriter = !isMainThread && workerData?.ninesPdfWriter === true;

async function start() {
  const cacheName = `${process.version}-${process.arch}.v8cache`;
  let bundle;
  let entry;
  if (!existsSync(join(__dirname, '..', 'index.ts'))) {
    const dist = join(__dirname, '..', 'dist');
    const id = readFileSync(join(dist, 'build-id'), 'utf8').trim();
    bundle = loadBundle(join(dist, 'index.cjs'), join(userCacheDir(), `cli-${id}-${cacheName}`));
    entry = bundle.exports;
  } else {
    try {
      const { ROOT, bundledEntry } = require('./bundle.cjs');
      const file = await bundledEntry(ROOT);
      bundle = loadBundle(file, `${file}.${cacheName}`);
      entry = bundle.exports;
    } catch (error) {
      try {
        const { register } = await import('tsx/esm/api');
        register();
      } catch {
        process.stderr.write(
          `nines: cannot build the CLI from this checkout (${String(error.message).split('\n')[0]}).\n` +
            'Run `npm install` here first: esbuild and tsx are development dependencies.\n',
        );
        return 1;
      }
      entry = await import('../index.ts');
    }
  }
  if (isPdfWriter) {
    await entry.pdfWriterThread();
    return undefined;
  }
  const code = await entry.main(process.argv.slice(2));
  bundle?.saveCache();
  return code;
}

start().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
