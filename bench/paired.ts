/**
 * Paired whole-process timing for the benchmarks of `nines` as a command (bench/process.ts,
 * bench/plan.ts): after one warm-up run of each, two commands alternate (A B A B …) so that
 * both see the same machine, and the ratio is that of the medians. The machine line names the
 * CPU, the cores, Node and the load average, which on a shared machine says how far to trust
 * an absolute figure.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { cpus, devNull, loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** The checkout's `nines` (cli/bin/nines.cjs), so its cache check is timed too. */
export const NINES = join(ROOT, 'cli/bin/nines.cjs');

export interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
}

export interface Stats {
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

export interface PairedCase {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly pairs: number;
  readonly aMs: Stats;
  readonly bMs: Stats;
  /** Median of A over median of B. */
  readonly ratio: number;
  /** The most A/B may be, or, with `targetMs`, the most A's median may be. */
  readonly target: number;
  readonly targetMs?: number;
  readonly met: boolean;
}

export interface SkippedCase {
  readonly name: string;
  readonly skipped: string;
}

/** `nines` with `args`, named by its command and options (not its files). */
export const nines = (...args: string[]): Command => ({
  label: `nines ${args.filter((a, i) => i === 0 || a.startsWith('-')).join(' ')}`,
  file: process.execPath,
  args: [NINES, ...args],
});

/** `node -e 0`: the cost of starting Node at all, the reference of the start-up cases. */
export const NODE_E_0: Command = { label: 'node -e 0', file: process.execPath, args: ['-e', '0'] };

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

/**
 * `a` and `b` timed in `pairs` alternating pairs after a warm-up of each. The case is met when
 * A/B ≤ `target`, or, given `targetMs`, when A's median is at most that many ms.
 */
export function paired(
  name: string,
  a: Command,
  b: Command,
  pairs: number,
  target: number,
  targetMs?: number,
): PairedCase {
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
    const met = targetMs === undefined ? ratio <= target : aMs.medianMs <= targetMs;
    return {
      name,
      a: a.label,
      b: b.label,
      pairs,
      aMs,
      bMs,
      ratio,
      target,
      ...(targetMs === undefined ? {} : { targetMs }),
      met,
    };
  } finally {
    closeSync(stdout);
  }
}

/** The CPU, the cores, Node and the load average now. */
export function machine(): string {
  const cores = cpus();
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, Node ${process.version}, load average ${load}`;
}

/** A case as the lines the benchmarks print. */
export function formatPairedCase(c: PairedCase): string[] {
  const ms = (s: Stats): string =>
    `${s.minMs.toFixed(0)} / ${s.medianMs.toFixed(0)} / ${s.maxMs.toFixed(0)} ms`;
  const verdict =
    c.targetMs === undefined
      ? `target ≤ ${c.target}×`
      : `target: A's median ≤ ${c.targetMs.toLocaleString('en-US')} ms`;
  return [
    `${c.name} (${c.pairs} pairs)`,
    `  A ${c.a.padEnd(20)} ${ms(c.aMs)}`,
    `  B ${c.b.padEnd(20)} ${ms(c.bMs)}`,
    `  ratio of medians A/B ${c.ratio.toFixed(2)}×; ${verdict}${c.met ? '' : ' — MISSED'}`,
  ];
}
