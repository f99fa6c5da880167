// pdfmake and the libraries under it (pdfkit, fontkit, restructure, linebreak, …) bundled into
// the PDF writer thread's bundle (./bundle.cjs, BUNDLES): loaded from node_modules, their 69 files
// were found, read and compiled one by one at every run, and each function compiled again when
// the layout first ran it; bundled, they come compiled from the thread's V8 code cache
// (./load.cjs). Three rules keep the bundled copy what Node would load:
// - each of their imports is resolved by Node's own resolution from the importing file
//   (`require.resolve`): the bundle holds the very files Node loads (a package's `main` or
//   `require` export, never the `module` or browser build esbuild would pick);
// - cli/plan-io.ts, an ES module (also run by tsx and the tests), loads pdfmake with a `require`
//   made by `createRequire`, which esbuild cannot follow: in the bundle its `createRequire`
//   makes a `require` that returns the bundled `pdfmake` and `pdfmake/js/<file>`, anything else
//   from node_modules, and whose `resolve`, `main` and `cache` are Node's;
// - the modules pdfkit needs only to encrypt a PDF and fontkit only to read a WOFF2 font
//   (LAZY_IMPORTS) are loaded when first used, not when their importer loads: no plan does
//   either, and their set-up (AES tables, brotli's dictionary) took some 10 ms of the thread's
//   start.
'use strict';
const { readdirSync } = require('node:fs');
const { createRequire, isBuiltin } = require('node:module');
const { join } = require('node:path');

/** The module that loads pdfmake with `createRequire`, relative to the repository root. */
const PDFMAKE_LOADER = join('cli', 'plan-io.ts');

/**
 * By package, the imports it makes of modules it uses only for a feature no plan uses: pdfkit
 * 0.19 (js/pdfkit.js) encrypts with @noble/ciphers and @noble/hashes (its file ID is an MD5, from
 * js-md5, loaded as before); fontkit 2.0 (dist/main.cjs) decodes WOFF2 fonts with brotli.
 */
const LAZY_IMPORTS = {
  pdfkit: new Set(['@noble/ciphers/aes', '@noble/hashes/sha2', '@noble/hashes/utils']),
  fontkit: new Set(['brotli/decompress.js']),
};

/**
 * The package a file of node_modules belongs to (`@scope/name` or `name`), or undefined.
 * @param {string} file
 * @returns {string | undefined}
 */
function packageOf(file) {
  const match =
    /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(file);
  return match?.[1].replace('\\', '/');
}

/**
 * The source of cli/plan-io.ts's `createRequire` in the bundle: `pdfmake` and each of pdfmake's
 * `js/<file>` modules are the bundled ones (as Node resolves them from cli/), anything else and
 * `require.resolve` are Node's.
 * @param {string} root the repository root
 * @returns {string}
 */
function bundledCreateRequire(root) {
  const nodeRequire = createRequire(join(root, PDFMAKE_LOADER));
  const ids = ['pdfmake'];
  const jsDir = join(nodeRequire.resolve('pdfmake/package.json'), '..', 'js');
  for (const file of readdirSync(jsDir)) {
    if (file.endsWith('.js')) ids.push(`pdfmake/js/${file.slice(0, -3)}`);
  }
  const entries = ids.map(
    (id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(nodeRequire.resolve(id))}),`,
  );
  return [
    "const { createRequire: nodeCreateRequire } = require('node:module');",
    'const bundled = {',
    ...entries,
    '};',
    'exports.createRequire = (from) => {',
    '  const nodeRequire = nodeCreateRequire(from);',
    '  const bundledRequire = (id) => (Object.hasOwn(bundled, id) ? bundled[id]() : nodeRequire(id));',
    '  return Object.assign(bundledRequire, nodeRequire);',
    '};',
    '',
  ].join('\n');
}

/**
 * The source of a stand-in for the module `file` that loads it when first used: reading any of
 * its properties or calling it (brotli's export is a function) reads or calls `file`'s exports.
 * @param {string} file
 * @returns {string}
 */
function lazyModule(file) {
  return [
    'let loaded;',
    `const load = () => (loaded ??= require(${JSON.stringify(file)}));`,
    'module.exports = new Proxy(function () {}, {',
    '  get: (_, key) => load()[key],',
    '  apply: (_, self, args) => Reflect.apply(load(), self, args),',
    '});',
    '',
  ].join('\n');
}

/**
 * The esbuild plugin bundling pdfmake and its libraries by the rules above.
 * @param {string} root the repository root
 * @returns {import('esbuild').Plugin}
 */
function pdfLibraries(root) {
  const loader = join(root, PDFMAKE_LOADER);
  return {
    name: 'nines-pdf-libraries',
    setup(build) {
      /** The files resolved here: their own imports are resolved here too. */
      const resolvedByNode = new Set();
      const resolveByNode = (request, importer) => {
        if (isBuiltin(request)) return { path: request, external: true };
        const path = createRequire(importer).resolve(request);
        resolvedByNode.add(path);
        return { path };
      };
      build.onResolve({ filter: /^node:module$/ }, ({ importer, namespace }) =>
        namespace === 'file' && importer === loader
          ? { path: loader, namespace: 'nines-pdf-require' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'nines-pdf-require' }, () => ({
        contents: bundledCreateRequire(root),
        resolveDir: join(root, 'cli'),
        loader: 'js',
      }));
      build.onResolve({ filter: /.*/ }, ({ path, importer, namespace }) => {
        if (namespace === 'nines-pdf-require' || namespace === 'nines-lazy')
          return resolveByNode(path, importer);
        if (!resolvedByNode.has(importer)) return undefined;
        if (LAZY_IMPORTS[packageOf(importer)]?.has(path)) {
          return { path: createRequire(importer).resolve(path), namespace: 'nines-lazy' };
        }
        return resolveByNode(path, importer);
      });
      build.onLoad({ filter: /.*/, namespace: 'nines-lazy' }, ({ path }) => ({
        contents: lazyModule(path),
        loader: 'js',
      }));
    },
  };
}

module.exports = { pdfLibraries };
