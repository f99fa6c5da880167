/**
 * `tsx bench/plan.ts [--json]` (part of `npm run bench`): wall time of the whole process
 * `node cli/bin/nines.cjs plan assets/templates/active-active-3-regions.nines.json --pdf OUT`
 * (start-up, loading the engine and pdfmake, building the plan, writing the PDF), median of 5
 * runs after one warm-up run. Target: under 1,500 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;
const TARGET_MS = 1500;
const ROOT = new URL('..', import.meta.url).pathname;
const TEMPLATE = join(ROOT, 'assets/templates/active-active-3-regions.nines.json');

function runOnce(out: string): number {
  const start = performance.now();
  execFileSync(
    process.execPath,
    [join(ROOT, 'cli/bin/nines.cjs'), 'plan', TEMPLATE, '--pdf', out, '--date', '2026-11-26'],
    { stdio: 'ignore' },
  );
  const ms = performance.now() - start;
  if (statSync(out).size === 0) throw new Error('the plan PDF is empty');
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-plan-'));
try {
  const out = join(dir, 'plan.pdf');
  runOnce(out);
  const times = Array.from({ length: RUNS }, () => runOnce(out)).sort((a, b) => a - b);
  const medianMs = times[Math.floor(RUNS / 2)] ?? NaN;
  const name = 'plan pdf three-region (process)';
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ cases: [{ name, medianMs, runs: RUNS }] })}\n`);
  } else {
    process.stdout.write(
      `${name}: median ${medianMs.toFixed(0)} ms of ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')}); target < ${TARGET_MS} ms${medianMs < TARGET_MS ? '' : ' — MISSED'}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
