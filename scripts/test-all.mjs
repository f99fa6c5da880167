#!/usr/bin/env node
// `npm test`: type checking, lint, import cycles, Electronegativity, the docs' Markdown (style,
// tables, relative links and anchors: markdownlint-cli2) and the web build the end-to-end tests
// drive, then the unit tests, then the end-to-end suite, each run even when an earlier one failed
// so that one run shows every problem. Each suite prints a line `<suite>: N passed, N failed`;
// this script adds them up and ends with the line CI reads, `N passed, N failed` (each check of
// the first group counts as one).
//
// The checks of the first group read the sources and write nothing another one reads, so they
// run side by side, as many at a time as the machine has cores (at least two): type checking and
// lint each keep about one core busy for half a minute or more. Each check's output is held back
// and printed whole, in the order below, so the log reads as if they had run one after another.
// The unit and end-to-end suites each fill every core on their own and run one after the other.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** The checks run side by side, longest first (lint and type checking take the most). */
const checks = [
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'typecheck', command: 'npx', args: ['tsc', '-b'] },
  { name: 'electronegativity', command: 'npm', args: ['run', '--silent', 'lint:electron'] },
  { name: 'web build', command: 'npm', args: ['run', '--silent', 'build:web'] },
  { name: 'cycles', command: 'npx', args: ['tsx', 'scripts/check-cycles.ts'] },
  { name: 'docs', command: 'npm', args: ['run', '--silent', 'lint:docs'] },
];

/** The suites, one after the other; each counts its tests. The web build above is theirs. */
const suites = [
  { name: 'unit', command: 'npx', args: ['vitest', 'run'] },
  { name: 'e2e', command: 'npx', args: ['playwright', 'test'] },
];

/**
 * Runs `step`; its standard output (and its standard error when `withErrors`, else that goes to
 * this process's) is passed to `write` as it comes, and the last 4,000 characters of the standard
 * output are kept for the suite's count line.
 */
function run(step, write, withErrors = false) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: ['ignore', 'pipe', withErrors ? 'pipe' : 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.stderr?.on('data', write);
    child.on('error', (error) => write(`${step.name}: ${error.message}\n`));
    child.on('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

const out = (text) => process.stdout.write(text);
const verdict = (name, code) => `${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n`;

let passed = 0;
let failed = 0;

// The checks: each one's output kept until it is its turn to be printed.
const outputs = checks.map(() => []);
const codes = checks.map(() => undefined);
let printed = 0;
function printReady() {
  while (printed < checks.length && codes[printed] !== undefined) {
    const { name } = checks[printed];
    out(`\n=== ${name} ===\n${outputs[printed].join('')}${verdict(name, codes[printed])}`);
    printed += 1;
  }
}
let next = 0;
async function lane() {
  while (next < checks.length) {
    const index = next++;
    const keep = (chunk) => outputs[index].push(chunk.toString());
    const { code } = await run(checks[index], keep, true);
    codes[index] = code;
    if (code === 0) passed += 1;
    else failed += 1;
    printReady();
  }
}
const lanes = Math.min(checks.length, Math.max(2, availableParallelism()));
await Promise.all(Array.from({ length: lanes }, lane));

for (const suite of suites) {
  out(`\n=== ${suite.name} ===\n`);
  const { code, tail } = await run(suite, out);
  const match = [
    ...tail.matchAll(new RegExp(`^${suite.name}: (\\d+) passed, (\\d+) failed`, 'gm')),
  ].at(-1);
  if (match) {
    passed += Number(match[1]);
    failed += Number(match[2]);
  }
  // A suite that crashed before reporting, or failed without a failing test, is one failure.
  if (!match || (code !== 0 && Number(match[2]) === 0)) failed += 1;
  out(verdict(suite.name, code));
}
out(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
