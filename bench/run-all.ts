/**
 * `npm run bench [-- --json] [-- --no-build] [-- --only=index.ts,plan.ts]`: runs every benchmark in turn — the availability
 * engine (bench/index.ts), the CLI as a whole process against `node -e 0` and SCRAM
 * (bench/process.ts), the Monte Carlo simulation, the advisor and sensitivity (bench/review.ts),
 * the plan's PDF and DOCX and the canvas frame rate — each in its own process so that none warms
 * up another, with the load average before and after each. Then it writes the plan of the
 * three-region template once to count its pages, and records the run:
 * - bench/results.json: the machine, the date, the commit, each script's load and cases;
 * - bench/RESULTS.md: the same as tables (scripts/bench-record-markdown.ts).
 * It prints RESULTS.md, or with `--json` the record. `npm run docs:figures` then writes the
 * README's and docs/plan.md's figures from the record. Exits non-zero when a benchmark fails or
 * misses its target (the record is written all the same: a busy machine misses targets).
 * `--only` runs the scripts named and writes nothing: a partial run is no record.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, release, tmpdir, type as osType } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NINES } from './paired';
import { resultsMarkdown } from '../scripts/bench-record-markdown';
import type { BenchCase, BenchResults, LoadAverage, SuiteRun } from '../scripts/bench-record';

const SCRIPTS = ['index.ts', 'process.ts', 'simulate.ts', 'review.ts', 'plan.ts', 'frames.ts', 'import.ts'];
const PLAN_TEMPLATE = 'active-active-3-regions';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const load = (): LoadAverage => loadavg() as unknown as LoadAverage;

function runSuite(script: string, args: readonly string[]): SuiteRun {
  const loadBefore = load();
  process.stderr.write(`bench/${script} (load ${loadBefore[0].toFixed(1)})…\n`);
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', script), '--json', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(
    `bench/${script}: ${seconds.toFixed(0)} s, exit ${run.status ?? run.signal}\n`,
  );
  let cases: BenchCase[] = [];
  try {
    cases = (JSON.parse(run.stdout) as { cases: BenchCase[] }).cases;
  } catch {
    process.stderr.write(`bench/${script} printed no JSON:\n${run.stdout}\n`);
  }
  return {
    script,
    exitCode: run.status ?? 1,
    loadBefore,
    loadAfter: load(),
    seconds,
    cases,
  };
}

/** The pages of the three-region template's plan as `nines plan --pdf` writes it now. */
async function planPages(): Promise<BenchResults['plan']> {
  const dir = mkdtempSync(join(tmpdir(), 'nines-bench-pages-'));
  try {
    const pdf = join(dir, 'plan.pdf');
    const template = join(ROOT, 'assets/templates', `${PLAN_TEMPLATE}.nines.json`);
    const run = spawnSync(
      process.execPath,
      [NINES, 'plan', template, '--pdf', pdf, '--date', '2026-11-26'],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    if (run.status !== 0) {
      process.stderr.write(`nines plan failed, so the page count is not recorded: ${run.stderr}\n`);
      return null;
    }
    const document = await getDocument({ data: new Uint8Array(readFileSync(pdf)) }).promise;
    return { template: PLAN_TEMPLATE, pdfPages: document.numPages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The operating system's name (`PRETTY_NAME` of /etc/os-release), else its kernel. */
function operatingSystem(): string {
  try {
    const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (name?.[1]) return name[1];
  } catch {
    // Not Linux: the kernel's name below.
  }
  return `${osType()} ${release()}`;
}

/** The commit measured, `+` when the working tree has changes; null outside git. */
function commit(): string | null {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return `${head.stdout.trim()}${dirty.stdout.trim() === '' ? '' : '+'}`;
}

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const args = process.argv.slice(2).filter((a) => a !== '--json' && !a.startsWith('--only='));
const date = new Date().toISOString();
const measuredCommit = commit();
const suites = SCRIPTS.filter((script) => !only || only.includes(script)).map((script) =>
  runSuite(script, args),
);
const results: BenchResults = {
  format: 'nines-bench/1',
  date,
  commit: measuredCommit,
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    os: operatingSystem(),
    nice: getPriority(),
  },
  suites,
  plan: await planPages(),
};
const markdown = resultsMarkdown(results);
if (!only) {
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
}
process.stdout.write(
  process.argv.includes('--json') ? `${JSON.stringify(results, null, 2)}\n` : markdown,
);
process.exit(suites.every((s) => s.exitCode === 0) ? 0 : 1);
