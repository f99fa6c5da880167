/**
 * pdfmake and its libraries bundled for the PDF writer thread (cli/bin/pdf-libraries.cjs): the
 * bundle holds the files Node loads, runs none from node_modules, and writes the bytes pdfmake
 * from node_modules writes, encrypted too (pdfkit's encryption modules are loaded when used).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPdfSpeedUps, nodePdfMake } from './plan-io';

// Plain CommonJS files of the bin folder, without type declarations.
const require = createRequire(import.meta.url);
const { ROOT, BUILD_OPTIONS } = require('./bin/bundle.cjs') as {
  ROOT: string;
  BUILD_OPTIONS: BuildOptions;
};
const { pdfLibraries } = require('./bin/pdf-libraries.cjs') as {
  pdfLibraries: (root: string) => Plugin;
};

const dir = mkdtempSync(join(tmpdir(), 'nines-pdf-libraries-'));
const bundleFile = join(dir, 'plan-io.cjs');
let metafile: Metafile;

beforeAll(async () => {
  // cli/plan-io.ts alone, bundled as ./bundle.cjs bundles the CLI.
  ({ metafile } = await build({
    ...BUILD_OPTIONS,
    entryPoints: [join(ROOT, 'cli', 'plan-io.ts')],
    external: ['@resvg/resvg-js'],
    outfile: bundleFile,
    banner: {
      js: `var __ninesSourceUrl = ${JSON.stringify(pathToFileURL(join(ROOT, 'cli', 'plan-io.ts')).href)};`,
    },
    metafile: true,
    plugins: [pdfLibraries(ROOT)],
  }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small document: kerning, ligatures, bold and italic, at a fixed date. */
function definition(extra: Record<string, unknown> = {}): Definition {
  return {
    info: { creationDate: new Date(Date.UTC(2026, 10, 26)) },
    content: [
      { text: 'Office traffic: affix AVA Wave.', bold: true },
      { text: 'Failover, the fifth flow.', italics: true },
      'Plain text, 99.95 % — “quoted”.',
    ],
    defaultStyle: { font: 'Roboto' },
    ...extra,
  };
}

/** The PDFs of `definitions`, written in a new process by the bundled copy, and what it loaded. */
function writeWithBundle(definitions: object[]): { fromNodeModules: string[]; pdfs: Buffer[] } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(join(ROOT, 'cli', 'bin', 'load.cjs'))});
    const planIo = loadBundle(${JSON.stringify(bundleFile)}).exports;
    planIo.installPdfSpeedUps();
    const pdfmake = planIo.nodePdfMake();
    const definitions = JSON.parse(process.argv[1], (key, value) =>
      key === 'creationDate' ? new Date(value) : value);
    Promise.all(definitions.map((d) => pdfmake.createPdf(d).getBuffer())).then((pdfs) => {
      const fromNodeModules = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
      process.stdout.write(JSON.stringify({
        fromNodeModules,
        pdfs: pdfs.map((b) => Buffer.from(b).toString('base64')),
      }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(definitions)], {
    encoding: 'utf8',
  });
  const { fromNodeModules, pdfs } = JSON.parse(out) as {
    fromNodeModules: string[];
    pdfs: string[];
  };
  return { fromNodeModules, pdfs: pdfs.map((b) => Buffer.from(b, 'base64')) };
}

type Definition = Parameters<ReturnType<typeof nodePdfMake>['createPdf']>[0];

async function writeFromNodeModules(d: Definition): Promise<Buffer> {
  installPdfSpeedUps();
  return Buffer.from(await nodePdfMake().createPdf(d).getBuffer());
}

describe('pdfmake bundled for the PDF writer thread', () => {
  it('holds the files Node loads, with the encryption and WOFF2 modules behind stand-ins', () => {
    const inputs = Object.keys(metafile.inputs);
    const has = (pattern: RegExp) => inputs.some((input) => pattern.test(input));
    expect(has(/node_modules\/pdfmake\/js\/index\.js$/)).toBe(true);
    // The packages' CommonJS builds, as Node resolves them, not their ES module or browser ones.
    expect(has(/node_modules\/pdfkit\/js\/pdfkit\.js$/)).toBe(true);
    expect(has(/pdfkit\.es\.js$/)).toBe(false);
    expect(has(/node_modules\/fontkit\/dist\/main\.cjs$/)).toBe(true);
    expect(has(/fontkit\/dist\/.*module\.mjs$/)).toBe(false);
    for (const lazy of [
      '@noble/ciphers/aes',
      '@noble/hashes/sha2',
      '@noble/hashes/utils',
      'brotli',
    ])
      expect(inputs.filter((i) => i.startsWith('nines-lazy:') && i.includes(lazy))).toHaveLength(1);
  });

  it('writes the bytes of pdfmake from node_modules, encrypted too, loading none of its files', async () => {
    const definitions = [
      definition(),
      // RC4 and MD5 (PDF 1.3) and AES-128 (PDF 1.4): pdfkit's encryption, through the stand-ins.
      definition({ userPassword: 'user', ownerPassword: 'owner' }),
      definition({ userPassword: 'user', version: '1.4' }),
    ];
    // AES-256 (PDF 1.7 extension level 3): AES and SHA-256, with random salts and vectors.
    const aes256 = definition({ userPassword: 'user', version: '1.7ext3' });
    const { fromNodeModules, pdfs } = writeWithBundle([...definitions, aes256]);
    expect(fromNodeModules).toEqual([]);
    for (const [i, d] of definitions.entries())
      expect(pdfs[i]?.equals(await writeFromNodeModules(d)), `document ${i}`).toBe(true);
    expect(pdfs[1]?.toString('latin1')).toContain('/Encrypt');
    expect(pdfs[3]?.toString('latin1')).toContain('/AESV3');
  }, 60_000);
});
