/** `nines check-run`: measurements against the predictions of `evaluate --json`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../shared/engine';
import type { CheckedRun } from '../shared/chaos';
import { runCli, template } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'nines-check-run-'));
const FILE = template('active-active-2-regions');

function resultsFile(runs: unknown[], name = 'results.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'nines-chaos-results/1', runs }));
  return path;
}

async function predicted(scenario: string) {
  const report = JSON.parse((await runCli('evaluate', FILE, '--json')).stdout) as EvaluationReport;
  const result = report.variants[0]?.scenarios.find((s) => s.id === scenario);
  if (!result) throw new Error(scenario);
  return result;
}

describe('nines check-run', () => {
  it('holds a measurement within the prediction and misses one beyond it, with the gap', async () => {
    const zone = await predicted('zone-outage');
    const rto = zone.rtoSeconds as number;
    const file = resultsFile([
      {
        variant: 'aa2',
        scenario: 'zone-outage',
        interruptionSeconds: rto + 12,
        dataLossSeconds: 0,
        servedShare: 1,
      },
      { variant: 'aa2', scenario: 'zone-outage', interruptionSeconds: rto, dataLossSeconds: 5 },
      { variant: 'aa2', scenario: 'nope', interruptionSeconds: 1 },
    ]);
    const run = await runCli('check-run', FILE, '--results', file, '--json');
    expect(run.code, run.stderr).toBe(0);
    const runs = (JSON.parse(run.stdout) as { runs: CheckedRun[] }).runs;
    const [late, lossy, unknown] = runs;
    expect(late?.figures.find((f) => f.figure === 'rto')).toMatchObject({
      held: false,
      gap: 12,
      predicted: rto,
    });
    expect(late?.figures.find((f) => f.figure === 'rpo')).toMatchObject({
      held: true,
      measured: 0,
    });
    expect(late?.figures.find((f) => f.figure === 'servedShare')).toMatchObject({
      held: true,
      gap: 0,
    });
    expect(lossy?.figures.find((f) => f.figure === 'rto')).toMatchObject({ held: true, gap: 0 });
    expect(lossy?.figures.find((f) => f.figure === 'rpo')?.held).toBe(
      zone.rpoSeconds !== null && 5 <= zone.rpoSeconds,
    );
    expect(lossy?.figures.find((f) => f.figure === 'servedShare')).toMatchObject({
      held: null,
      reason: 'not measured',
    });
    expect(unknown).toMatchObject({ figures: [], reason: 'no such scenario on this variant' });
    const text = await runCli('check-run', FILE, '--results', file);
    // Numbers and units are joined by a no-break space (docs/conventions.md).
    const plain = text.stdout.replace(/\u00a0/g, ' ');
    expect(plain).toContain(
      'aa2/zone-outage: RTO MISSED (measured 42 s, predicted 30 s, 12 s over)',
    );
    expect(plain).toContain('3 held, 2 missed, 1 not judged.');
  });

  it('exit 1 for a results file that is not JSON or not the format, naming the path; 2 without --results', async () => {
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{');
    expect((await runCli('check-run', FILE, '--results', notJson)).code).toBe(1);
    const wrong = resultsFile(
      [{ variant: 'aa2', scenario: 'zone-outage', interruptionSeconds: -1 }],
      'wrong.json',
    );
    const run = await runCli('check-run', FILE, '--results', wrong);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('runs.0.interruptionSeconds');
    expect((await runCli('check-run', FILE)).code).toBe(2);
  });
});
