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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedModel } from '../shared/testing/generated-model';
import {
  NINES,
  NODE_E_0,
  formatPairedCase,
  machine,
  nines,
  paired,
  type PairedCase,
  type SkippedCase,
} from './paired';

const ROOT = new URL('..', import.meta.url).pathname;
const TEMPLATE = join(ROOT, 'assets/templates/single-region-3az.nines.json');

function hasScram(): boolean {
  return spawnSync('scram', ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(): { before: string; after: string; cases: (PairedCase | SkippedCase)[] } {
  const before = machine();
  const cases: (PairedCase | SkippedCase)[] = [
    paired('validate a template vs node -e 0', nines('validate', TEMPLATE), NODE_E_0, 15, 1.6),
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
  const lines = [`Machine: ${result.before}`, 'Whole process, wall time min / median / max:'];
  for (const c of result.cases) {
    if ('skipped' in c) {
      lines.push(`${c.name}: skipped (${c.skipped})`);
      continue;
    }
    lines.push(...formatPairedCase(c));
  }
  lines.push(`Load average after: ${result.after.replace(/.*load average /, '')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(missed ? 1 : 0);
