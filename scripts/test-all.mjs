#!/usr/bin/env node
// `npm test`: type checking, lint, import cycles, Electronegativity, the docs' Markdown (style,
// tables, relative links and anchors: markdownlint-cli2), unit tests, then the
// end-to-end suite, each run even when an earlier one failed so that one run shows every
// problem. Each suite prints a line `<suite>: N passed, N failed`; this script adds them up and
// ends with the line CI reads, `N passed, N failed` (type checking, lint, the import-cycle check,
// Electronegativity and the docs' lint count as one check each).
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '-b'] },
  {
    name: 'lint',
    command: 'npx',
    args: ['eslint', '.', '--max-warnings', '0'],
  },
  { name: 'cycles', command: 'npx', args: ['tsx', 'scripts/check-cycles.ts'] },
  { name: 'electronegativity', command: 'npm', args: ['run', '--silent', 'lint:electron'] },
  { name: 'docs', command: 'npm', args: ['run', '--silent', 'lint:docs'] },
  { name: 'unit', command: 'npx', args: ['vitest', 'run'], counted: true },
  {
    name: 'e2e',
    command: 'npm',
    args: ['run', '--silent', 'test:e2e'],
    counted: true,
  },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

let passed = 0;
let failed = 0;
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const { code, tail } = await run(step);
  if (step.counted) {
    const match = [
      ...tail.matchAll(new RegExp(`^${step.name}: (\\d+) passed, (\\d+) failed`, 'gm')),
    ].at(-1);
    if (match) {
      passed += Number(match[1]);
      failed += Number(match[2]);
    }
    // A suite that crashed before reporting, or failed without a failing test, is one failure.
    if (!match || (code !== 0 && Number(match[2]) === 0)) failed += 1;
  } else if (code === 0) passed += 1;
  else failed += 1;
  process.stdout.write(`${step.name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
