#!/usr/bin/env node
// The `nines` command. An installed package runs the bundle `npm pack` built into cli/dist/. A
// checkout (cli/index.ts beside this folder) runs right after `npm install`, with no build step:
// its sources are bundled once into a cache (./bundle.cjs) and rebuilt when they change; if that
// cannot be done, tsx compiles them on the fly (and reports any error in them). Either bundle
// runs with a V8 code cache (./load.cjs). CommonJS, like the bundle: Node starts a CommonJS
// entry a few milliseconds sooner than an ES module one.
//
// `nines plan … --pdf OUT` writes the PDF on a second thread (cli/pdf-writer.ts): this file
// starts it first thing, on this same file, and the thread loads only the PDF writer's bundle
// (pdf-writer.cjs), so that it is loaded and warmed up while this thread loads the CLI and
// builds the plan.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isMainThread, Worker, workerData } = require('node:worker_threads');
const { loadBundle, userCacheDir } = require('./load.cjs');

const isPdfWriter = !isMainThread && workerData?.ninesPdfWriter === true;

let pdfWorker;
/**
 * The PDF writer thread of `nines plan --pdf`, started at the first call (it does not keep the
 * process alive: cli/plan-io.ts's `startPdfWriter` holds it while a plan is written).
 * @returns {Worker}
 */
function ninesPdfWorker() {
  if (!pdfWorker) {
    pdfWorker = new Worker(__filename, { workerData: { ninesPdfWriter: true } });
    pdfWorker.unref();
  }
  return pdfWorker;
}
module.exports.ninesPdfWorker = ninesPdfWorker;

/** Whether `argv` asks `nines plan` for a PDF: the command parses it again, this only guesses. */
function asksForPdf(argv) {
  return argv[0] === 'plan' && argv.some((arg) => arg === '--pdf' || arg.startsWith('--pdf='));
}

if (isMainThread && asksForPdf(process.argv.slice(2))) ninesPdfWorker();

async function start() {
  const cacheName = `${process.version}-${process.arch}.v8cache`;
  // The PDF writer thread runs its own bundle, beside the CLI's.
  const name = isPdfWriter ? 'pdf-writer' : 'index';
  let bundle;
  let entry;
  if (!existsSync(join(__dirname, '..', 'index.ts'))) {
    const dist = join(__dirname, '..', 'dist');
    const id = readFileSync(join(dist, 'build-id'), 'utf8').trim();
    const cache = join(userCacheDir(), `${isPdfWriter ? 'pdf-writer' : 'cli'}-${id}-${cacheName}`);
    bundle = loadBundle(join(dist, `${name}.cjs`), cache);
    entry = bundle.exports;
  } else {
    try {
      const { ROOT, bundledEntry } = require('./bundle.cjs');
      const file = join(await bundledEntry(ROOT), '..', `${name}.cjs`);
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
      entry = await import(isPdfWriter ? '../pdf-writer.ts' : '../index.ts');
    }
  }
  if (isPdfWriter) {
    entry.runPdfWriterThread(() => bundle?.saveCache());
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
