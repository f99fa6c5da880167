import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../shared/engine';
import { workedExample } from '../shared/testing/builders';
import { runCli, template } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'nines-evaluate-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const WORKED = file('worked.nines.json', workedExample());
const BROKEN = file('broken.nines.json', {
  ...workedExample(),
  variants: [
    {
      ...workedExample().variants[0],
      nodes: [{ id: 'dns', kind: 'router', minTargets: 0 }],
      edges: [{ from: 'dns', to: 'nowhere', kind: 'depends' }],
    },
  ],
});

describe('nines evaluate', () => {
  it('prints FORMAT.md JSON with the worked example figures', async () => {
    const { code, stdout, stderr } = await runCli('evaluate', WORKED, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvaluationReport;
    expect(report.format).toBe('nines/1');
    const v = report.variants[0];
    expect(Object.keys(v ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'availability',
        'singlePointsOfFailure',
        'cutSets',
        'importance',
        'cost',
        'scenarios',
      ]),
    );
    expect(v?.availability?.structural).toBeCloseTo(0.99998994787, 12);
    expect(v?.availability?.requestWeighted).toBeCloseTo(0.99998899263, 12);
    expect(v?.availability?.downtimeMinutesPerYear).toBeCloseTo(5.785, 3);
    expect(v?.availability?.nines).toBeCloseTo(4.958, 3);
    expect(v?.singlePointsOfFailure).toEqual(['dns']);
    expect(v?.cutSets[0]).toEqual({ events: ['dns'], probability: expect.closeTo(1e-5, 15) });
    expect(v?.importance[0]).toMatchObject({ event: 'dns' });
    expect(v?.cost).toMatchObject({ currency: 'USD', monthly: 0, isComplete: false });
    expect(v?.scenarios).toEqual([]);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await runCli('evaluate', template('active-active-2-regions'));
    expect(code).toBe(0);
    expect(stdout).toContain('aa2 — ');
    expect(stdout).toMatch(/request-weighted\s+99\.99\d+\u00a0%/);
    expect(stdout).toContain('single points of failure: cause:global-deploy, dns');
    expect(stdout).toContain('most probable cut sets:');
  });

  it('evaluates one variant with --variant, and refuses an unknown one', async () => {
    const one = await runCli('evaluate', template('ha-options'), '--variant', 'aa3', '--json');
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as EvaluationReport).variants.map((v) => v.id)).toEqual(['aa3']);
    const unknown = await runCli('evaluate', template('ha-options'), '--variant', 'nope', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no variant "nope"');
  });

  it('exits 1 with the path of each problem for an invalid file', async () => {
    const { code, stderr, stdout } = await runCli('evaluate', BROKEN, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('variants[0].nodes[0].minTargets');
    expect(stderr).toContain('variants[0].edges[0].to');
  });

  it('exits 2 on a usage error', async () => {
    expect((await runCli('evaluate')).code).toBe(2);
    expect((await runCli('evaluate', WORKED, '--bogus')).code).toBe(2);
  });
});

describe('nines export-mef', () => {
  it('writes an MEF fault tree whose top event is the service being down', async () => {
    const { code, stdout } = await runCli('export-mef', WORKED);
    expect(code).toBe(0);
    expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<opsa-mef>')).toBe(true);
    expect(stdout).toContain('<define-gate name="service-down">');
    expect(stdout).toContain('<label>app-r1#0</label>');
    expect(stdout).toContain('<define-basic-event name="dns">');
  });

  it('exports the chosen variant and refuses an unknown one', async () => {
    const aa3 = await runCli('export-mef', template('ha-options'), '--variant', 'aa3');
    expect(aa3.code).toBe(0);
    expect(aa3.stdout).toContain('<label>app-usw2#0</label>');
    expect((await runCli('export-mef', template('ha-options'), '--variant', 'x')).code).toBe(1);
  });

  it('exits 1 for an invalid file and 2 without a file', async () => {
    const bad = await runCli('export-mef', BROKEN);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('variants[0].edges[0].to');
    expect((await runCli('export-mef')).code).toBe(2);
  });
});

describe('nines evaluate on a template', () => {
  it('prices each variant and runs every scenario of the document', async () => {
    const run = await runCli('evaluate', '--json', template('active-active-3-regions'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as EvaluationReport;
    const [v] = report.variants;
    expect(v?.cost?.priceBookAsOf).toBe('2026-11-26');
    expect(v?.cost?.monthly).toBeGreaterThan(0);
    expect(v?.scenarios.map((s) => [s.id, s.status, s.rtoSeconds])).toEqual([
      ['zone-outage', 'full', 30], // the Redis primary shard in zone a is promoted (30 s) while the ALB drops the zone (20 s)
      ['region-outage', 'full', 90],
      ['split-brain', 'full', 0],
      ['traffic-shift', 'full', 0],
      // Detection 1,800 s + decision 900 s + restore of 50 GiB at 200 MB/s, then the two other
      // members re-sync 50 GiB over 1 Gbit/s (us-east-1 alone cannot carry everything meanwhile).
      ['corruption', 'down', 1800 + 900 + (50 * 2 ** 30) / 200e6 + (50 * 2 ** 30 * 8) / 1e9],
    ]);
    const corruption = v?.scenarios.find((s) => s.id === 'corruption');
    expect(corruption?.rto.parts.map((p) => p.kind)).toEqual([
      'detection',
      'decision',
      'restore',
      'resync',
    ]);
    // Backups every hour, noticed after 30 minutes: 90 minutes of writes at risk.
    expect(corruption?.rpoSeconds).toBe(5400);
  });

  it('prints the price book date and the scenarios in the table', async () => {
    const run = await runCli('evaluate', template('active-active-3-regions'));
    expect(run.stdout).toMatch(
      /^Prices as of 2026-11-26 \(source snapshots \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)\./,
    );
    expect(run.stdout.replace(/\u00a0/g, ' ')).toContain(
      'Region outage (us-east-1): full service; first requests after 90 s, every request after 90 s; RTO 90 s (ok), RPO 38.5 ms (ok), MTD ok',
    );
  });
});
