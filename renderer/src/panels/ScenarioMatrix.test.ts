/** How the matrix and the results column read a scenario's outcome (docs/scenarios.md). */
import { describe, expect, it } from 'vitest';
import { activeActive, run, twoRegions } from '../../../shared/testing/two-regions';
import { formatSurvival, scenarioStatus } from './ScenarioMatrix';

describe('a scenario in the matrix', () => {
  it('full service within every target passes', () => {
    const r = run(twoRegions(activeActive), { id: 'z', fail: ['r1-a'] });
    expect(formatSurvival(r)).toBe('full service');
    expect(scenarioStatus(r)).toBe('pass');
  });

  it('degraded reads the served share, and fails when every request comes back after the MTD', () => {
    // r2's app cut to 2 × 1,000 requests/s: 2,000 of 3,000 served until r1's 4 h repair.
    const doc = twoRegions(activeActive);
    const variant = doc.variants[0] as (typeof doc.variants)[number];
    variant.nodes = variant.nodes.map((n) =>
      n.id === 'app-r2' ? { ...n, instances: 2, minHealthy: 1 } : n,
    );
    doc.targets = { mtdSeconds: 3600 };
    const r = run(doc, { id: 'r', fail: ['r1'] });
    expect(r.meetsRto && r.meetsRpo).toBe(true);
    expect(r.meetsMtd).toBe(false);
    expect(formatSurvival(r)).toBe('degraded: 66.67\u00a0% served');
    expect(scenarioStatus(r)).toBe('fail');
  });

  it('a scenario that does not apply is neither pass nor fail', () => {
    const r = run(twoRegions(activeActive), { id: 's', shift: { from: 'r1', to: 'r9', share: 1 } });
    expect(scenarioStatus(r)).toBe('none');
    expect(scenarioStatus(undefined)).toBe('none');
  });

  it('down when nothing is served', () => {
    const r = run(twoRegions(activeActive), { id: 'both', fail: ['r1', 'r2'] });
    expect(formatSurvival(r)).toBe('goes down');
    expect(scenarioStatus(r)).toBe('fail');
  });
});
