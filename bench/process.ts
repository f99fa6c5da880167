/**
 * `tsx bench/process.ts [--json]` (part of `npm run bench`): whole-process wall time of `nines`
 * (the checkout's cli/bin/nines.cjs, so its cache check included) against a reference, as paired
 * runs: after one warm-up run of each, the two commands alternate (A B A B …) so that both see
 * the same machine, and the ratio is that of the medians. Cases and targets:
 * - `nines validate` of a template against `node -e 0`: at most 1.6×;
 * - `nines evaluate --json` against SCRAM (`scram --bdd --probability 1 -l 2`) on the MEF export
 *   (`nines export-mef`) of the same generated model: at most 1.5× at 12 regions × 3 zones, at
 *   most 1.0× at 40 regions × 3 zones. Skipped, with a note, when `scram` is not on PATH
 *   (Debian/Ubuntu package `scram`).
 * Prints the machine (CPU model, cores, load average before and after). Exits 1 when a case misses
 * its target.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, devNull, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedModel } from '../shared/testing/generated-model';

const ROOT = new URL('..', import.meta.url).pathname;
const NINES = join(ROOT, 'cli/bin/nines.cjs');
const TEMPLATE = join(ROOT, 'assets/templates/single-region-3az.nines.json');

interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
}

interface Stats {
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

interface PairedCase {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly pairs: number;
  readonly aMs: Stats;
  readonly bMs: Stats;
  /** Median of A over median of B. */
  readonly ratio: number;
  readonly target: number;
  readonly met: boolean;
}

interface SkippedCase {
  readonly name: string;
  readonly skipped: string;
}

/** `nines` with `args`, named by its command and options (not its files). */
const nines = (...args: string[]): Command => ({
  label: `nines ${args.filter((a, i) => i === 0 || a.startsWith('-')).join(' ')}`,
  file: process.execPath,
  args: [NINES, ...args],
});

/** Wall time of one run, ms; stdout goes to the null device (both sides alike). */
function timeRun(command: Command, stdout: number): number {
  const start = performance.now();
  const run = spawnSync(command.file, command.args, { stdio: ['ignore', stdout, 'pipe'] });
  const ms = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(`${command.label} exited with ${run.status ?? run.signal}: ${run.stderr}`);
  }
  return ms;
}

function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { minMs: sorted[0] as number, medianMs: median, maxMs: sorted.at(-1) as number };
}

function paired(name: string, a: Command, b: Command, pairs: number, target: number): PairedCase {
  const stdout = openSync(devNull, 'w');
  try {
    timeRun(a, stdout);
    timeRun(b, stdout);
    const aTimes: number[] = [];
    const bTimes: number[] = [];
    for (let i = 0; i < pairs; i++) {
      aTimes.push(timeRun(a, stdout));
      bTimes.push(timeRun(b, stdout));
    }
    const aMs = stats(aTimes);
    const bMs = stats(bTimes);
    const ratio = aMs.medianMs / bMs.medianMs;
    return { name, a: a.label, b: b.label, pairs, aMs, bMs, ratio, target, met: ratio <= target };
  } finally {
    closeSync(stdout);
  }
}

function hasScram(): boolean {
  return spawnSync('scram', ['--version'], { stdio: 'ignore' }).status === 0;
}

function machine(): string {
  const cores = cpus();
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, Node ${process.version}, load average ${load}`;
}

function run(): { before: string; after: string; cases: (PairedCase | SkippedCase)[] } {
  const before = machine();
  const cases: (PairedCase | SkippedCase)[] = [
    paired(
      'validate a template vs node -e 0',
      nines('validate', TEMPLATE),
      { label: 'node -e 0', file: process.execPath, args: ['-e', '0'] },
      15,
      1.6,
    ),
  ];
  const scram = hasScram();
  const dir = mkdtempSync(join(tmpdir(), 'nines-bench-process-'));
  try {
    for (const [regions, pairs, target] of [
      [12, 9, 1.5],
      [40, 5, 1.0],
    ] as const) {
      const name = `evaluate --json vs SCRAM, ${regions} regions × 3 zones`;
      if (!scram) {
        cases.push({ name, skipped: 'scram is not on PATH (apt-get install scram)' });
        continue;
      }
      const model = join(dir, `generated-${regions}.nines.json`);
      const mef = join(dir, `generated-${regions}.xml`);
      writeFileSync(model, JSON.stringify(generatedModel(regions)));
      const exported = spawnSync(process.execPath, [NINES, 'export-mef', model], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (exported.status !== 0) throw new Error(`nines export-mef failed: ${exported.stderr}`);
      writeFileSync(mef, exported.stdout);
      cases.push(
        paired(
          name,
          nines('evaluate', '--json', model),
          { label: 'scram', file: 'scram', args: ['--bdd', '--probability', '1', '-l', '2', mef] },
          pairs,
          target,
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { before, after: machine(), cases };
}

const result = run();
const missed = result.cases.some((c) => 'met' in c && !c.met);
if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({
      cases: result.cases.map((c) => ({
        ...c,
        machine: result.before,
        machineAfter: result.after,
      })),
    })}\n`,
  );
} else {
  const ms = (s: Stats): string =>
    `${s.minMs.toFixed(0)} / ${s.medianMs.toFixed(0)} / ${s.maxMs.toFixed(0)} ms`;
  const lines = [`Machine: ${result.before}`, 'Whole process, wall time min / median / max:'];
  for (const c of result.cases) {
    if ('skipped' in c) {
      lines.push(`${c.name}: skipped (${c.skipped})`);
      continue;
    }
    lines.push(
      `${c.name} (${c.pairs} pairs)`,
      `  A ${c.a.padEnd(20)} ${ms(c.aMs)}`,
      `  B ${c.b.padEnd(20)} ${ms(c.bMs)}`,
      `  ratio of medians A/B ${c.ratio.toFixed(2)}×; target ≤ ${c.target}×${c.met ? '' : ' — MISSED'}`,
    );
  }
  lines.push(`Load average after: ${result.after.replace(/.*load average /, '')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(missed ? 1 : 0);
