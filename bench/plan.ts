/**
 * `tsx bench/plan.ts [--json]` (part of `npm run bench`): the whole process
 * `nines plan assets/templates/active-active-3-regions.nines.json --pdf OUT` and `--docx OUT`
 * (start-up, loading the engine and the writer, building the plan, writing the file), each
 * paired with `node -e 0` (bench/paired.ts: alternating runs after a warm-up, medians and their
 * ratio), with the machine and its load average before and after. Targets, on a quiet 2-core
 * machine: PDF median ≤ 1,200 ms, DOCX median ≤ 1,500 ms; a busy machine misses them (see the
 * load average printed with them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_E_0, formatPairedCase, machine, nines, paired } from './paired';

const ROOT = new URL('..', import.meta.url).pathname;
const TEMPLATE = join(ROOT, 'assets/templates/active-active-3-regions.nines.json');
const PAIRS = 5;

const dir = mkdtempSync(join(tmpdir(), 'nines-bench-plan-'));
try {
  const before = machine();
  const cases = (
    [
      ['pdf', 1200],
      ['docx', 1500],
    ] as const
  ).map(([format, targetMs]) =>
    paired(
      `plan ${format} three-region vs node -e 0`,
      nines('plan', TEMPLATE, `--${format}`, join(dir, `plan.${format}`), '--date', '2026-11-26'),
      NODE_E_0,
      PAIRS,
      Infinity,
      targetMs,
    ),
  );
  const after = machine();
  if (process.argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ cases: cases.map((c) => ({ ...c, machine: before, machineAfter: after })) })}\n`,
    );
  } else {
    const lines = [`Machine: ${before}`, 'Whole process, wall time min / median / max:'];
    for (const c of cases) lines.push(...formatPairedCase(c));
    lines.push(`Load average after: ${after.replace(/.*load average /, '')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = cases.every((c) => c.met) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
