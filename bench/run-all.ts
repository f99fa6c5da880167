/**
 * `npm run bench [-- --json]`: runs every benchmark in turn — the availability engine
 * (bench/index.ts), the CLI as a whole process against `node -e 0` and SCRAM
 * (bench/process.ts), the Monte Carlo simulation, the advisor and sensitivity (bench/review.ts),
 * the plan's PDF and the canvas frame rate — each in its own process so that none warms up
 * another. With `--json` each prints
 * `{"cases": [...]}` and this script prints one object with all their cases, in that order.
 * Exits non-zero when a benchmark fails or misses its target.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = ['index.ts', 'process.ts', 'simulate.ts', 'review.ts', 'plan.ts', 'frames.ts', 'import.ts'];
const args = process.argv.slice(2);
const isJson = args.includes('--json');
const cases: unknown[] = [];
let failed = false;

for (const script of SCRIPTS) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...args], {
    stdio: isJson ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (run.status !== 0) failed = true;
  if (isJson && run.stdout) {
    try {
      cases.push(...(JSON.parse(run.stdout) as { cases: unknown[] }).cases);
    } catch {
      process.stderr.write(`bench/${script} printed no JSON:\n${run.stdout}\n`);
      failed = true;
    }
  }
}
if (isJson) process.stdout.write(`${JSON.stringify({ cases }, null, 2)}\n`);
process.exit(failed ? 1 : 0);
