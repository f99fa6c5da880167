/**
 * `npm run fuzz`: every case of the hostile corpus (scripts/fuzz-corpus.ts) through every CLI
 * command it names, each run as its own `nines` process (cli/bin/nines.cjs) under a watchdog,
 * sorted into:
 * - clean refusals: exit 1 or 2 with a message that names its place (a JSON path, `(file)`,
 *   `(document)`, `FILE:line:column`, an option) or the limit it hit;
 * - accepted: exit 0;
 * - crashes: a stack trace, or an exit code other than 0, 1 and 2 (a signal included);
 * - hangs: still running after the timeout;
 * - unclear messages: a refusal that names neither a place nor a limit;
 * - unsafe output: a character a terminal obeys (ESC, a bare CR, C1, a bidirectional override)
 *   written to standard output or standard error.
 * The engine-budget cases are run and listed apart: each must finish within 10 s or be refused
 * naming its limit. The run fails (exit 1) on any crash, hang, unclear message or unsafe
 * output, or a budget case that misses. `FUZZ_SEED` sets the seed;
 * `--quick` runs the small corpus (no large files, no budget cases; scripts/fuzz-cli.test.ts
 * runs ten of its cases in the unit suite); `--budget` runs the budget cases only.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  budgetCases,
  caseFolder,
  COMMANDS,
  hostileCorpus,
  materialise,
  type FuzzCase,
} from './fuzz-corpus';

/** The `nines` command of this checkout. */
const NINES = new URL('../cli/bin/nines.cjs', import.meta.url).pathname;

/** How a run ended. */
export type Outcome = 'refused' | 'accepted' | 'crash' | 'hang' | 'unclear' | 'unsafe';

export interface RunResult {
  readonly caseName: string;
  readonly family: string;
  readonly command: string;
  readonly outcome: Outcome;
  readonly code: number | null;
  readonly seconds: number;
  /** The first lines of standard error, for the report. */
  readonly stderr: string;
}

/** A stack frame line as Node prints it. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/**
 * A refusal names where or why: a JSON path or `(document)` / `(file)` after the file name, a
 * `FILE:line:column`, a command's option, or a limit (`at most`, `more than`, `too large`).
 */
const PLACE_OR_LIMIT =
  /(\((document|file)\)|: [A-Za-z_$][\w$-]*(\[[^\]]+\])*(\.[\w$-]+|\[[^\]]+\])*: |:\d+:\d+: |\bline \d+|--[a-z]+ |at most|more than|too large|not a regular file|no variant|Usage: nines)/;

/** What a terminal would obey rather than show (line feeds, tabs and CR LF pass). */
const OBEYED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** Sorts one finished run. */
export function classify(
  code: number | null,
  signal: string | null,
  stderr: string,
  stdout = '',
): Outcome {
  if (signal !== null || code === null || ![0, 1, 2].includes(code)) return 'crash';
  if (STACK_FRAME.test(stderr)) return 'crash';
  if (OBEYED.test(stdout) || OBEYED.test(stderr)) return 'unsafe';
  if (code === 0) return 'accepted';
  return PLACE_OR_LIMIT.test(stderr) ? 'refused' : 'unclear';
}

/** Runs `nines ARGS` with a watchdog; never rejects. */
export function runNines(
  args: readonly string[],
  timeoutMs: number,
): Promise<{
  code: number | null;
  signal: string | null;
  stderr: string;
  stdout: string;
  timedOut: boolean;
  seconds: number;
}> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [NINES, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    // Enough to classify; a flood of output is not kept.
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 1_000_000) stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < 4_000_000) stdout += chunk.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - start) / 1000;
      resolve({ code, signal, stderr, stdout, timedOut, seconds });
    });
  });
}

/** The command line of `command` on a case's files (output files go in the case's folder). */
function commandLine(c: FuzzCase, command: string, project: string, prices?: string): string[] {
  const extra = c.options?.[command] ?? [];
  switch (command) {
    case 'simulate':
      return ['simulate', project, ...(extra.length > 0 ? extra : ['--years', '50'])];
    case 'compare':
      return ['compare', project, ...(prices === undefined ? [] : ['--prices', prices]), ...extra];
    case 'plan':
      return ['plan', project, '--md', path.join(path.dirname(project), 'plan.md'), ...extra];
    default:
      return [command, project, ...extra];
  }
}

/** Runs every case with every command it names, `parallel` processes at a time. */
export async function runCorpus(
  cases: readonly FuzzCase[],
  options: { root: string; timeoutMs: number; parallel: number; onResult?: (r: RunResult) => void },
): Promise<RunResult[]> {
  const jobs: (() => Promise<RunResult>)[] = [];
  for (const c of cases) {
    const folder = caseFolder(options.root, c);
    await mkdir(folder, { recursive: true });
    const project = await materialise(c.project, path.join(folder, 'project.nines.json'));
    const prices =
      c.prices === undefined
        ? undefined
        : await materialise(c.prices.content, path.join(folder, `prices.${c.prices.extension}`));
    for (const command of c.commands ?? COMMANDS) {
      jobs.push(async () => {
        const run = await runNines(commandLine(c, command, project, prices), options.timeoutMs);
        const outcome = run.timedOut
          ? 'hang'
          : classify(run.code, run.signal, run.stderr, run.stdout);
        const result: RunResult = {
          caseName: c.name,
          family: c.family,
          command,
          outcome,
          code: run.code,
          seconds: run.seconds,
          stderr: run.stderr.split('\n').slice(0, 3).join('\n').slice(0, 600),
        };
        options.onResult?.(result);
        return result;
      });
    }
  }
  const results: RunResult[] = [];
  let nextJob = 0;
  const worker = async () => {
    while (nextJob < jobs.length) {
      const job = jobs[nextJob] as () => Promise<RunResult>;
      nextJob += 1;
      results.push(await job());
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return results;
}

/** The stated bound of a budget case, seconds of wall-clock time on the 2-core machine. */
export const BUDGET_SECONDS = 10;

/** A budget run past this is killed (a hang); it is reported against BUDGET_SECONDS. */
const BUDGET_WATCHDOG_MS = 120_000;

/**
 * Whether a budget case's run met its expectation: it finished (exit 0), or it was refused
 * naming its limit; and within BUDGET_SECONDS. (The unit subset, scripts/fuzz-budget.test.ts,
 * checks the outcome only: the time depends on the machine.)
 */
export function meetsBudget(r: RunResult): boolean {
  return budgetOutcomeMet(r) && r.seconds <= BUDGET_SECONDS;
}

let expectations: Map<string, string> | undefined;

/** The outcome part of `meetsBudget`: accepted when it should finish, else refused naming the limit. */
export function budgetOutcomeMet(r: RunResult): boolean {
  expectations ??= new Map(budgetCases().map((c) => [c.name, c.expect]));
  const expected = expectations.get(r.caseName) ?? 'finishes';
  return expected === 'finishes'
    ? r.outcome === 'accepted'
    : r.outcome === 'refused' && r.stderr.includes(expected);
}

/** The outcomes that fail a run. */
export const FAILURES: readonly Outcome[] = ['crash', 'hang', 'unclear', 'unsafe'];

/** Counts of each outcome. */
export function countOutcomes(results: readonly RunResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {
    refused: 0,
    accepted: 0,
    crash: 0,
    hang: 0,
    unclear: 0,
    unsafe: 0,
  };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const budgetOnly = process.argv.includes('--budget');
  const seed = Number(process.env.FUZZ_SEED ?? 18);
  const root = await mkdtemp(path.join(tmpdir(), 'nines-fuzz-'));
  const timeoutMs = Number(process.env.FUZZ_TIMEOUT_MS ?? 120_000);
  try {
    const cases = budgetOnly ? [] : hostileCorpus(seed, !quick);
    const started = new Date();
    process.stdout.write(
      `nines fuzz: seed ${seed}, ${cases.length} hostile cases, timeout ${timeoutMs / 1000} s per run\n`,
    );
    const results = await runCorpus(cases, {
      root,
      timeoutMs,
      parallel: 2,
      onResult: (r) => {
        if (FAILURES.includes(r.outcome)) {
          process.stdout.write(
            `  ${r.outcome.toUpperCase()}: ${r.caseName} × ${r.command} (exit ${r.code}): ${r.stderr}\n`,
          );
        }
      },
    });
    const counts = countOutcomes(results);
    const slowest = [...results].sort((a, b) => b.seconds - a.seconds)[0];
    process.stdout.write(
      [
        `${results.length} runs: ${counts.refused} clean refusals, ${counts.accepted} accepted, ${counts.crash} crashes, ${counts.hang} hangs, ${counts.unclear} unclear messages, ${counts.unsafe} unsafe outputs`,
        `slowest: ${slowest?.caseName} × ${slowest?.command}, ${slowest?.seconds.toFixed(1)} s`,
        '',
      ].join('\n'),
    );
    const budgetRuns = quick
      ? []
      : await runCorpus(budgetCases(), { root, timeoutMs: BUDGET_WATCHDOG_MS, parallel: 1 });
    const budgetMisses = budgetRuns.filter((r) => !meetsBudget(r));
    if (budgetRuns.length > 0) {
      process.stdout.write(
        `Budget cases (each must finish within ${BUDGET_SECONDS} s or be refused naming its limit):\n`,
      );
      for (const r of budgetRuns) {
        process.stdout.write(
          `  ${meetsBudget(r) ? 'ok  ' : 'MISS'} ${r.caseName} × ${r.command}: ${r.outcome}, ${r.seconds.toFixed(1)} s${r.outcome === 'accepted' ? '' : `: ${r.stderr.split('\n')[0]}`}\n`,
        );
      }
    }
    process.stdout.write(
      `started ${started.toISOString()}, took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s\n`,
    );
    return FAILURES.every((outcome) => counts[outcome] === 0) && budgetMisses.length === 0 ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

// Node names the main module by its real path (node_modules may be a link to elsewhere).
if (import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '.')).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
