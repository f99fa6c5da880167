// The CLI's sources bundled into one CommonJS file (and the PDF writer thread's part of them into
// another, ENTRY_POINTS), so that `nines` starts without compiling TypeScript (tsx costs about
// 0.3 s of CPU per start) and without loading its libraries file by file; ./load.cjs runs it with
// a V8 code cache. Two uses:
// - an installed package runs cli/dist/index.cjs, built once by `npm pack` (`prepack`:
//   `buildDist`);
// - a checkout runs a cached bundle under node_modules/.cache/nines-cli/, keyed by the path, size
//   and modification time of every source file under cli/, shared/ and system/: an edit makes a new
//   bundle on the next run. Checking the key is one walk of those folders (about 150 `stat`s, a
//   few ms).
// The packages in package.json's `dependencies` (the plan writers, loaded only by `nines plan`)
// stay external, loaded from node_modules, but for yaml and fflate (BUNDLED_DEPENDENCIES), and
// pdfmake in the PDF writer thread's bundle (BUNDLES); every other package is bundled in. The commands load
// the engine and the plan code only when they run (esbuild keeps each dynamically imported module
// behind a lazy initialiser), so `nines validate` runs only the parser's code.
'use strict';
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const SOURCE_DIRS = ['cli', 'shared', 'system'];

/** The repository root, seen from this file. */
const ROOT = join(__dirname, '..', '..');

/** Where `npm pack` puts the prebuilt CLI, relative to the package root. */
const DIST = join('cli', 'dist');

/**
 * A short hash of what the CLI is built from: package.json, this file and ./pdf-libraries.cjs,
 * npm's record of what node_modules holds, and every `.ts` file under cli/, shared/ and system/
 * (tests excluded), with their size and modification time. It runs at every start in a
 * checkout, hence plain string work and no crypto module (which alone takes a few ms to load):
 * collisions only matter between versions of one checkout's sources.
 * @param {string} root the repository root
 * @returns {string}
 */
function sourceKey(root) {
  const lines = [];
  const add = (path) => {
    const { size, mtimeMs } = statSync(path);
    lines.push(`${path}\0${size}\0${mtimeMs}`);
  };
  // package.json's `dependencies` decide what is bundled, and this file and its plugins how.
  add(join(root, 'package.json'));
  add(__filename);
  add(join(__dirname, 'pdf-libraries.cjs'));
  // The bundled packages' code: npm rewrites its record of node_modules at every install.
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed)) add(installed);
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) add(path);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  return hash64(lines.join('\n'));
}

/**
 * Two 32-bit FNV-1a-style hashes of `text`'s UTF-8 bytes (with different offsets), taken four
 * bytes at a time, as 16 hex digits. The loop runs once per start, too briefly for V8 to optimise
 * it: a word at a time, it takes a quarter of the turns that a character at a time took (about
 * 0.7 ms rather than 2.4 for the source key's 22,000 characters). Each step is a bijection of
 * the state given the word, so texts of one length that differ in one word never collide.
 * @param {string} text
 * @returns {string}
 */
function hash64(text) {
  const bytes = Buffer.from(text, 'utf8');
  // Zero-padded to whole words; the length, hashed last, tells a padding byte from a text's NUL.
  const words = new Int32Array((bytes.length + 3) >> 2);
  new Uint8Array(words.buffer).set(bytes);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i <= words.length; i++) {
    const w = i < words.length ? words[i] : bytes.length;
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x01000193) ^ (a >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Runtime dependencies bundled all the same: yaml and fflate are small and pure JavaScript, and
 * the chaos export (which `nines plan` loads for its test programme) requires them when it
 * loads. Bundled, they are compiled once into the code cache; external, Node compiled them at
 * every start (yaml alone about a tenth of a second of a busy machine's CPU).
 */
const BUNDLED_DEPENDENCIES = new Set(['yaml', 'fflate']);

/**
 * The packages left out of a bundle: those in package.json's `dependencies` but
 * {@link BUNDLED_DEPENDENCIES} and `alsoBundled`, with their subpaths.
 * @param {string} root
 * @param {readonly string[]} alsoBundled
 * @returns {string[]}
 */
function runtimeDependencies(root, alsoBundled) {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys(dependencies)
    .filter((name) => !BUNDLED_DEPENDENCIES.has(name) && !alsoBundled.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * zod's `z.locales` holds its messages in some 60 languages; the CLI speaks English (zod's
 * default), and the other 59 would be loaded at every start. Only `en` is kept.
 * @type {import('esbuild').Plugin}
 */
const englishOnlyZod = {
  name: 'nines-english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer, resolveDir }) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(importer)
        ? { path: join(resolveDir, '..', 'locales', 'index.js'), namespace: 'nines-zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'nines-zod-locales' }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(join(path, '..', 'en.js'))};\n`,
      resolveDir: join(path, '..'),
    }));
  },
};

/**
 * The bundles, by file name (without `.cjs`): the CLI (cli/index.ts, exporting `main`); `nines
 * validate` alone (cli/validate-main.ts, exporting a `main` that ./nines.cjs runs for that
 * command: the parser's part of the CLI, a fifteenth of its size, starts some 7 ms sooner); and
 * the PDF writer thread's part of it (cli/plan-io.ts, exporting `runPdfWriterThread`), which
 * ./nines.cjs runs as that thread: the thread then neither loads nor starts the rest of the CLI
 * (its commands, and the Node modules they load, such as child_process and net). The thread's
 * also holds pdfmake and the libraries under it (`withPdfLibraries`, ./pdf-libraries.cjs), which
 * it loads first thing; the CLI's main thread loads pdfmake from node_modules, and only when it
 * writes a PDF itself (run without the launcher), so its bundle, read at every start, is a third
 * smaller without them. pdfmake's fonts are read from its package folder either way.
 */
const BUNDLES = {
  index: { source: join('cli', 'index.ts'), withPdfLibraries: false },
  validate: { source: join('cli', 'validate-main.ts'), withPdfLibraries: false },
  'pdf-writer': { source: join('cli', 'plan-io.ts'), withPdfLibraries: true },
};

/** esbuild's options for every bundle. */
const BUILD_OPTIONS = {
  bundle: true,
  // One file per thread: fewer files to open at every start, and one V8 code cache each
  // (./load.cjs).
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // ES module builds first: jsonc-parser's UMD build `require`s its parts at run time.
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__ninesSourceUrl' },
  // A dynamic import() of a Node module becomes a require() when it runs: the bundle runs in a
  // vm.Script (./load.cjs), which has no module loader for import(). system/ loads child_process
  // and crypto that way, when first used, so that a command does not load them at start.
  supported: { 'dynamic-import': false },
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'error',
};

/**
 * Bundles {@link BUNDLES} into `outdir` (index.cjs, validate.cjs, pdf-writer.cjs), each whole
 * (they share no chunk: each run or thread reads one file), at once. `importMetaUrl` is the
 * JavaScript expression every `import.meta.url` of the sources becomes: that of cli/index.ts, so
 * that the paths the CLI resolves next to itself (the bundled price book under assets/, pdfmake's
 * fonts) are those of the sources' layout.
 * @param {string} root the repository root
 * @param {string} outdir
 * @param {string} importMetaUrl
 * @returns {Promise<import('esbuild').Metafile['inputs']>} the files bundled
 */
async function bundle(root, outdir, importMetaUrl) {
  const { build } = require('esbuild');
  const { pdfLibraries } = require('./pdf-libraries.cjs');
  const builds = Object.entries(BUNDLES).map(([name, { source, withPdfLibraries }]) =>
    build({
      entryPoints: { [name]: join(root, source) },
      external: runtimeDependencies(root, withPdfLibraries ? ['pdfmake'] : []),
      plugins: withPdfLibraries ? [englishOnlyZod, pdfLibraries(root)] : [englishOnlyZod],
      ...BUILD_OPTIONS,
      outdir,
      banner: { js: `var __ninesSourceUrl = ${importMetaUrl};` },
    }),
  );
  const metafiles = (await Promise.all(builds)).map((result) => result.metafile);
  return Object.assign({}, ...metafiles.map((metafile) => metafile.inputs));
}

/**
 * Builds the installed package's CLI into cli/dist/ (run by `npm pack` through `prepack`):
 * the {@link BUNDLES}, their build-id (a hash of them all) and the licences of the packages
 * bundled into them, THIRD-PARTY-LICENSES.txt. In the package, cli/dist/index.cjs takes the place
 * of cli/index.ts: `import.meta.url` is that of cli/index.ts beside it.
 * @param {string} root the repository root
 * @returns {Promise<string>} the folder written
 */
async function buildDist(root) {
  const outdir = join(root, DIST);
  rmSync(outdir, { recursive: true, force: true });
  const inputs = await bundle(
    root,
    outdir,
    `require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'index.ts')).href`,
  );
  writeFileSync(join(outdir, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(root, inputs));
  // Names the bundles' V8 code caches: a cache must never outlive the code it was made from.
  const { createHash } = require('node:crypto');
  const hash = createHash('sha256');
  for (const name of Object.keys(BUNDLES)) hash.update(readFileSync(join(outdir, `${name}.cjs`)));
  const id = hash.digest('hex').slice(0, 16);
  writeFileSync(join(outdir, 'build-id'), `${id}\n`);
  return outdir;
}

/**
 * The licence text of every npm package with code in the bundles.
 * @param {string} root
 * @param {import('esbuild').Metafile['inputs']} inputs the files bundled
 * @returns {string}
 */
function thirdPartyLicenses(root, inputs) {
  const packages = new Set();
  for (const input of Object.keys(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  const parts = [
    'The CLI bundle (cli/dist/) includes code from these packages, under these licences.\n',
  ];
  for (const name of [...packages].sort()) {
    const dir = join(root, 'node_modules', name);
    const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${license}`;
    parts.push(`${'='.repeat(72)}\n${name}@${version}\n\n${text}\n`);
  }
  return parts.join('\n');
}

/**
 * The path of the bundled CLI (a CommonJS file exporting `main`, beside it the other bundles) in a
 * checkout, built with esbuild when the cache has no bundle for the current sources.
 * @param {string} root the repository root
 * @returns {Promise<string>}
 */
async function bundledEntry(root) {
  // One folder per checkout: git worktrees may share one node_modules.
  const checkout = hash64(root).slice(0, 8);
  const cache = join(root, 'node_modules', '.cache', 'nines-cli', checkout);
  const key = sourceKey(root);
  const dir = join(cache, key);
  const entry = join(dir, 'index.cjs');
  if (existsSync(entry)) return entry;
  const scratch = join(cache, `${key}.${process.pid}.tmp`);
  rmSync(scratch, { recursive: true, force: true });
  await bundle(root, scratch, JSON.stringify(pathToFileURL(join(root, 'cli', 'index.ts')).href));
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
  return entry;
}

module.exports = { ROOT, DIST, BUILD_OPTIONS, sourceKey, bundledEntry, buildDist };

/** `node cli/bin/bundle.cjs dist | clean`: writes or removes cli/dist/ (`prepack`, `postpack`). */
if (require.main === module) {
  const [command] = process.argv.slice(2);
  if (command === 'dist') {
    buildDist(ROOT).then(
      (outdir) => process.stdout.write(`nines: CLI bundle written to ${outdir}\n`),
      (error) => {
        process.stderr.write(`${error.stack ?? error}\n`);
        process.exitCode = 1;
      },
    );
  } else if (command === 'clean') {
    rmSync(join(ROOT, DIST), { recursive: true, force: true });
  } else {
    process.stderr.write('Usage: node cli/bin/bundle.cjs dist | clean\n');
    process.exitCode = 2;
  }
}
