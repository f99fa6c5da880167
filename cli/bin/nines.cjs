#!/usr/bin/env node
// The `nines` command. An installed package runs the bundle `npm pack` built into cli/dist/. A
// checkout (cli/index.ts beside this folder) runs right after `npm install`, with no build step:
// its sources are bundled once into a cache (./bundle.cjs) and rebuilt when they change; if that
// cannot be done, tsx compiles them on the fly (and reports any error in them). Either bundle
// runs with a V8 code cache (./load.cjs). CommonJS, like the bundle: Node starts a CommonJS
// entry a few milliseconds sooner than an ES module one.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { loadBundle, userCacheDir } = require('./load.cjs');

/** This file, which `nines plan` starts again as its PDF writer thread (cli/plan-io.ts). */
module.exports.ninesLauncher = __filename;

/**
 * The PDF writer thread's `workerData` when this is that thread, else undefined. A thread's
 * `process.argv` holds none of the command line's arguments, so a run with arguments is the
 * main thread, known without loading worker_threads (which alone took about a millisecond of
 * every command's start).
 * @returns {{ ninesPdfWriter: true, bundleDir?: string } | undefined}
 */
function pdfWriterData() {
  if (process.argv.length > 2) return undefined;
  const { isMainThread, workerData } = require('node:worker_threads');
  return !isMainThread && workerData?.ninesPdfWriter === true ? workerData : undefined;
}
const pdfWriter = pdfWriterData();
const isPdfWriter = pdfWriter !== undefined;

/**
 * For `nines plan … --pdf OUT`, the PDF writer thread started now, before this thread loads the
 * CLI's bundle: the thread then loads its own bundle (the PDF writer's part of the CLI, with
 * pdfmake) on the other core while this one loads the CLI's and builds the plan, and is ready
 * when the plan is (started later, by the plan command, it was ready some 40-60 ms after).
 * cli/plan-io.ts takes it over (`startPdfWriter`); idle, it keeps the process alive no longer
 * than this thread. What it did before it was taken over (an error, an exit) is kept in `ended`.
 * In a checkout, the thread is told the folder of the bundles (`bundleDir`), which this thread
 * has just found, rather than checking the sources' key again.
 * @param {string[]} args
 * @param {string} [bundleDir]
 */
function startPdfWriterEarly(args, bundleDir) {
  if (isPdfWriter || args[0] !== 'plan') return;
  if (!args.some((arg) => arg === '--pdf' || arg.startsWith('--pdf='))) return;
  const { isMainThread, Worker } = require('node:worker_threads');
  if (!isMainThread) return;
  const worker = new Worker(__filename, { workerData: { ninesPdfWriter: true, bundleDir } });
  const early = { worker, ended: undefined };
  worker.on('error', (error) => (early.ended ??= error));
  worker.on('exit', (code) => (early.ended ??= new Error(`exit ${code}`)));
  worker.unref();
  module.exports.ninesPdfWriterThread = early;
}

/**
 * Which code cache this run uses: the command's name (each command runs its own part of the
 * bundle, so each keeps the code it compiled: `validate`'s cache is 0.6 MB, `plan`'s 1.6 MB, and
 * one shared by both would hold whichever ran first), `pdf-writer` for the PDF writer thread,
 * `other` for anything that is not a command's name.
 * @returns {string}
 */
function cacheRole() {
  if (isPdfWriter) return 'pdf-writer';
  const command = process.argv[2] ?? '';
  return /^[a-z][a-z-]{0,31}$/.test(command) ? command : 'other';
}

/**
 * The folder of a checkout's bundles (./bundle.cjs), built when the sources changed.
 * @returns {Promise<string>}
 */
async function checkoutBundleDir() {
  const { ROOT, bundledEntry } = require('./bundle.cjs');
  return dirname(await bundledEntry(ROOT));
}

async function start() {
  const cacheName = `${cacheRole()}.${process.version}-${process.arch}.v8cache`;
  // The PDF writer thread runs its own part of the CLI, bundled beside the CLI (./bundle.cjs), and
  // so does `nines validate`, which needs only the parser.
  const bundleName = isPdfWriter
    ? 'pdf-writer.cjs'
    : process.argv[2] === 'validate'
      ? 'validate.cjs'
      : 'index.cjs';
  let bundle;
  let entry;
  if (!existsSync(join(__dirname, '..', 'index.ts'))) {
    const dist = join(__dirname, '..', 'dist');
    const id = readFileSync(join(dist, 'build-id'), 'utf8').trim();
    startPdfWriterEarly(process.argv.slice(2));
    bundle = loadBundle(join(dist, bundleName), join(userCacheDir(), `cli-${id}-${cacheName}`));
    entry = bundle.exports;
  } else {
    try {
      const dir = pdfWriter?.bundleDir || (await checkoutBundleDir());
      const file = join(dir, bundleName);
      startPdfWriterEarly(process.argv.slice(2), dir);
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
      entry = await import(isPdfWriter ? '../plan-io.ts' : '../index.ts');
    }
  }
  if (isPdfWriter) {
    // The thread's cache is written once its first PDF is: it then holds the writer's code.
    await entry.runPdfWriterThread(() => bundle?.saveCache());
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
