/**
 * Paired whole-process timing for the benchmarks of `nines` as a command (bench/process.ts,
 * bench/plan.ts): after one warm-up run of each, two commands alternate (A B A B …) so that
 * both see the same machine, and the ratio is that of the medians; on Linux each run's CPU time
 * is given too. The machine line names the
 * CPU, the cores, Node and the load average, which on a shared machine says how far to trust
 * an absolute figure.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
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
  /** CPU time (user + system) of each run of A and of B, where the system tells it (Linux). */
  readonly aCpuMs?: Stats;
  readonly bCpuMs?: Stats;
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

/**
 * CPU time (user + system) of the children this process has waited for, ms: fields 16 and 17 of
 * Linux's /proc/self/stat, in clock ticks of 10 ms. Undefined elsewhere. On a busy machine it
 * says far more than the wall time, which counts the time the process waited for a core.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Wall and CPU time of one run, ms; stdout goes to the null device (both sides alike). */
function timeRun(command: Command, stdout: number): { wall: number; cpu: number | undefined } {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(command.file, command.args, { stdio: ['ignore', stdout, 'pipe'] });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0) {
    throw new Error(`${command.label} exited with ${run.status ?? run.signal}: ${run.stderr}`);
  }
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { wall, cpu };
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
    const aRuns: { wall: number; cpu: number | undefined }[] = [];
    const bRuns: { wall: number; cpu: number | undefined }[] = [];
    for (let i = 0; i < pairs; i++) {
      aRuns.push(timeRun(a, stdout));
      bRuns.push(timeRun(b, stdout));
    }
    const aMs = stats(aRuns.map((r) => r.wall));
    const bMs = stats(bRuns.map((r) => r.wall));
    const cpu = (runs: typeof aRuns) =>
      runs.every((r) => r.cpu !== undefined) ? stats(runs.map((r) => r.cpu as number)) : undefined;
    const [aCpuMs, bCpuMs] = [cpu(aRuns), cpu(bRuns)];
    const ratio = aMs.medianMs / bMs.medianMs;
    const met = targetMs === undefined ? ratio <= target : aMs.medianMs <= targetMs;
    return {
      name,
      a: a.label,
      b: b.label,
      pairs,
      aMs,
      bMs,
      ...(aCpuMs && bCpuMs ? { aCpuMs, bCpuMs } : {}),
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
  const cpu = (s: Stats | undefined) => (s ? `; CPU ${ms(s)}` : '');
  return [
    `${c.name} (${c.pairs} pairs)`,
    `  A ${c.a.padEnd(20)} ${ms(c.aMs)}${cpu(c.aCpuMs)}`,
    `  B ${c.b.padEnd(20)} ${ms(c.bMs)}${cpu(c.bCpuMs)}`,
    `  ratio of medians A/B ${c.ratio.toFixed(2)}×; ${verdict}${c.met ? '' : ' — MISSED'}`,
  ];
}
