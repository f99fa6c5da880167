/**
 * The docs say what they mean: every `nines` command of a shell code block in README.md and
 * docs/*.md runs against the bundled templates and exits as its comment states (`# exits 1`,
 * else 0); no table row is left outside its table. (Markdown style, tables' cell counts, links
 * and anchors: `npm run lint:docs`, markdownlint-cli2.)
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliExamples, strayTableRows } from './docs-markdown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const markdown = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('reading the docs through a Markdown parser', () => {
  const sample = [
    '# Sample',
    '',
    '```sh',
    'nines validate a.nines.json \\',
    '  b.nines.json   # exits 1: b is invalid',
    '$ nines evaluate a.nines.json',
    'npm test',
    '```',
    '',
    '- in a list:',
    '',
    '  ```bash',
    '  nines advise a.nines.json # exits 2',
    '  ```',
    '',
    '```text',
    'nines advise FILE [--json]',
    '```',
    '',
    'Text before a row.',
    '| a | b |',
    '',
    '```console',
    '$ nines compare a.nines.json',
    'nines compare: a warning the command printed',
    '```',
  ].join('\n');

  it('finds the nines commands of shell blocks, their lines and stated exit codes', () => {
    expect(cliExamples(sample)).toEqual([
      { line: 4, command: 'nines validate a.nines.json b.nines.json', expectedExit: 1 },
      { line: 6, command: 'nines evaluate a.nines.json', expectedExit: 0 },
      { line: 13, command: 'nines advise a.nines.json', expectedExit: 2 },
      { line: 24, command: 'nines compare a.nines.json', expectedExit: 0 },
    ]);
  });

  it('finds a table row that renders as text', () => {
    expect(strayTableRows(sample)).toEqual([{ line: 21, text: '| a | b |' }]);
    expect(strayTableRows('| a | b |\n|---|---|\n| 1 | 2 |\n')).toEqual([]);
  });
});

describe.each(DOCS)('%s', (file) => {
  it('has no table row outside a table', () => {
    expect(strayTableRows(markdown(file))).toEqual([]);
  });
});

describe('the nines examples in the docs', () => {
  const examples = DOCS.flatMap((file) =>
    cliExamples(markdown(file)).map((example) => ({ file, ...example })),
  );
  let dir = '';
  beforeAll(() => {
    // A scratch folder that looks like the repository root for the examples' paths
    // (assets/templates/…), with `nines` on PATH as the checkout's cli/bin/nines.cjs, so that
    // the files the examples write land here.
    dir = mkdtempSync(join(tmpdir(), 'nines-docs-examples-'));
    symlinkSync(join(ROOT, 'assets'), join(dir, 'assets'));
    const nines = join(dir, 'bin', 'nines');
    mkdirSync(join(dir, 'bin'));
    writeFileSync(
      nines,
      `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'cli/bin/nines.cjs')}" "$@"\n`,
    );
    chmodSync(nines, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are there to run', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(
    examples.map(
      (e) => [`${e.file}:${e.line} \`${e.command}\` exits ${e.expectedExit}`, e] as const,
    ),
  )('%s', (_name, { command, expectedExit }) => {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` },
    });
    expect(run.status, `stderr: ${run.stderr}`).toBe(expectedExit);
  });
});
