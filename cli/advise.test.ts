import { describe, expect, it } from 'vitest';
import type { AdviceReport } from '../shared/engine';
import { fixture, runCli, template } from './testing';

describe('nines advise', () => {
  it('prints the findings as JSON in the FORMAT.md shape and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(
      'advise',
      template('warm-standby-2-regions'),
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AdviceReport;
    expect(report.variants.map((v) => v.id)).toEqual(['warm-standby']);
    const findings = report.variants[0]?.findings ?? [];
    const capacity = findings.find((f) => f.code === 'capacity-after-region-loss');
    expect(capacity).toMatchObject({
      severity: 'medium',
      nodeIds: ['app-euw1', 'use1'],
      fix: { op: { kind: 'scale-tier', nodeId: 'app-euw1', instances: 10 } },
    });
    expect(capacity?.effect?.availabilityAfter).toBeGreaterThan(
      capacity?.effect?.availabilityBefore ?? 1,
    );
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining([
          'code',
          'severity',
          'nodeIds',
          'message',
          'fix',
          'effect',
          'availabilityCeiling',
        ]),
      );
      // Measured only when the fix is a model operation: otherwise null, never "unchanged".
      if (f.fix.op === null) expect(f.effect).toBeNull();
      else {
        expect(Object.keys(f.effect ?? {})).toEqual(
          expect.arrayContaining(['availabilityBefore', 'availabilityAfter', 'monthlyCostDelta']),
        );
      }
    }
    // The one DNS provider: a second one is a model operation, measured, so no ceiling.
    const dns = findings.find((f) => f.code === 'single-point-of-failure');
    expect(dns).toMatchObject({
      nodeIds: ['dns'],
      fix: {
        op: {
          kind: 'add-dns-provider',
          routerId: 'dns',
          newId: 'dns-2',
          resolverId: 'dns-resolvers',
        },
      },
      availabilityCeiling: null,
    });
    // A hosted zone, two health checks and their fast feature: $3.50 a month more.
    expect(dns?.effect?.monthlyCostDelta).toBeCloseTo(3.5, 9);
    expect(dns?.effect?.availabilityAfter).toBeGreaterThan(dns?.effect?.availabilityBefore ?? 1);
  });

  it('prints a readable list: severity, title, nodes, effect with minutes and cost', async () => {
    const { code, stdout } = await runCli('advise', template('warm-standby-2-regions'));
    expect(code).toBe(0);
    expect(stdout).toContain('warm-standby — Warm standby, two regions: 8\u00a0findings');
    // Prose names nodes as the person named them; the nodes line keeps their ids.
    expect(stdout).toContain(
      'MEDIUM Checkout API (eu-west-1) cannot carry the load after losing US East (N. Virginia)',
    );
    expect(stdout).toContain('      nodes: app-euw1, use1\n');
    expect(stdout).toContain('MEDIUM Route 53 is a single point of failure');
    expect(stdout).toContain(
      "fix: Add a second DNS provider beside Route 53, both in the domain's delegation\n" +
        '      effect: 99.9760\u00a0% → 99.9770\u00a0% (−5.23\u00a0min/yr), +$4/month\n',
    );
    expect(stdout).toMatch(
      /effect: 99\.9760\u00a0% → 99\.9957\u00a0% \(−103\.63\u00a0min\/yr\), \+\$492\/month/,
    );
    // The corruption drill's RTO is mostly people: not a model change, not measured.
    expect(stdout).toContain('(not a model change)\n      effect: not measured\n');
    expect(stdout).toContain(
      'Region outage (us-east-1): 40\u00a0% → 100\u00a0% of requests served',
    );
  });

  it('selects one variant', async () => {
    const { code, stdout } = await runCli(
      'advise',
      template('ha-options'),
      '--variant',
      'aa3',
      '--json',
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as AdviceReport).variants.map((v) => v.id)).toEqual(['aa3']);
  });

  it('exits 1 on an invalid file or an unknown variant, 2 without a file', async () => {
    const broken = await runCli('advise', fixture('broken.nines.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).not.toBe('');
    const unknown = await runCli('advise', template('ha-options'), '--variant', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no variant "nope"');
    expect((await runCli('advise')).code).toBe(2);
  });
});
