// Runs a CommonJS bundle of the CLI (./bundle.cjs) with a V8 code cache: the compiled code of
// the functions a run used is kept in a file and reused by the next runs, which then neither
// parse nor compile them again (Node 20 has no compile cache of its own; Node ≥ 22.1's
// `module.enableCompileCache` does the same for files it loads itself). V8 refuses a cache made
// by another V8 version or with other flags; the cache's name carries an identity of the exact
// bundle, since V8 does not check the code itself.
'use strict';
const {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * The folder of this user's code caches of an installed `nines`: never a shared folder such as
 * /tmp, since a cache is code that is run.
 * @returns {string}
 */
function userCacheDir() {
  if (process.env.NINES_CACHE_DIR) return process.env.NINES_CACHE_DIR;
  if (process.platform === 'win32' && process.env.LOCALAPPDATA)
    return join(process.env.LOCALAPPDATA, 'nines', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'nines');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nines');
}

/** The CommonJS module wrapper the bundle runs in ({@link loadBundle}), as bytes. */
const WRAPPER_START = Buffer.from('(function (exports, require, module, __filename, __dirname) {');
const WRAPPER_END = Buffer.from('\n})');

/**
 * The text of the bundle `file` inside the module wrapper, which on the first line keeps the
 * bundle's line numbers in stack traces. The file is read between the wrapper's bytes and the
 * whole decoded at once: a string joined to a string is a pair that V8 copies into one flat
 * string at the first function it compiles, 2.4 MB more of heap, and that copy alone could start
 * a full garbage collection that held the exit some 10 ms. The bundle is ASCII (esbuild escapes
 * every other character: its default `charset`), so Latin-1 decodes it as UTF-8 would, sooner.
 * @param {string} file
 * @returns {string}
 */
function wrappedSource(file) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(WRAPPER_START.length + size + WRAPPER_END.length);
    WRAPPER_START.copy(bytes, 0);
    let read = 0;
    while (read < size) {
      const count = readSync(fd, bytes, WRAPPER_START.length + read, size - read, read);
      if (count === 0) throw new Error(`${file} ended after ${read} of its ${size} bytes`);
      read += count;
    }
    WRAPPER_END.copy(bytes, WRAPPER_START.length + size);
    return bytes.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs the bundle `file` and returns its exports, with `cacheFile` as its code cache (none when
 * undefined). Call `saveCache()` after the work is done, so that the cache holds the functions
 * the run compiled; it writes only when there was no usable cache.
 * @param {string} file
 * @param {string | undefined} cacheFile
 * @returns {{ exports: any, saveCache(): void }}
 */
function loadBundle(file, cacheFile) {
  const source = wrappedSource(file);
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet.
    }
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const bundled = { exports: {} };
  script.runInThisContext()(bundled.exports, createRequire(file), bundled, file, dirname(file));
  return {
    exports: bundled.exports,
    saveCache() {
      if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        const scratch = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(scratch, script.createCachedData(), { mode: 0o600 });
        renameSync(scratch, cacheFile);
      } catch {
        // A cache that cannot be written only costs speed.
      }
    },
  };
}

module.exports = { loadBundle, userCacheDir };
