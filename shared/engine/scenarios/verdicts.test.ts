/**
 * Honest verdicts (docs/scenarios.md): a phase timeline per scenario kind, computed by hand on
 * the two-region fixture (3,000 requests/s split 50/50, app tiers of 1,000 requests/s per
 * instance, 10 GiB of data, a 100 Mbit/s link with a 1 h MTTR; targets RTO 120 s, RPO 1 s,
 * MTD 1 h; decisions 900 s and detection 1,800 s by default).
 */
import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../model/types';
import { activeActive, run, twoRegions } from '../../testing/two-regions';

/** Edits node `id` of the first variant. */
function edit(doc: NinesDocument, id: string, fields: Record<string, unknown>): NinesDocument {
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  variant.nodes = variant.nodes.map((n) => (n.id === id ? ({ ...n, ...fields } as ModelNode) : n));
  return doc;
}

/** All of r1's users shifted to r2, whose app runs 2 instances (2,000 of 3,000 requests/s). */
const shiftAll = { id: 'shift', shift: { from: 'r1', to: 'r2', share: 1 } };
const smallR2 = (fields: Record<string, unknown> = {}) =>
  edit(twoRegions(activeActive), 'app-r2', { instances: 2, minHealthy: 1, ...fields });

describe('traffic shift over capacity', () => {
  it('without scale-out: degraded at 2/3 for good, so full capacity and the RTO are unknown, never 0', () => {
    const result = run(smallR2(), shiftAll);
    expect(result.status).toBe('degraded');
    expect(result.servedShare).toBeCloseTo(2 / 3, 12);
    expect(result.timeToServiceSeconds).toBe(0);
    expect(result.timeToFullCapacitySeconds).toBeNull();
    expect(result.rtoSeconds).toBeNull();
    expect(result.rto.reason).toMatch(/traffic shift has no end.*app-r2 cannot grow/);
    expect(result.meetsRto).toBe(false);
    expect(result.meetsMtd).toBe(false);
    expect(result.downtimeCostUsd).toBeNull();
  });

  it('an autoscaling tier brings every request back after scaleOutSeconds', () => {
    const doc = smallR2({ maxInstances: 4 });
    doc.targets = { ...doc.targets, rtoSeconds: 300, downtimeCostPerHour: 36_000 };
    const result = run(doc, shiftAll);
    expect(result.rto.parts).toEqual([{ kind: 'scale-out', nodeId: 'app-r2', seconds: 300 }]);
    expect(result.rtoSeconds).toBe(300);
    expect(result.timeToFullCapacitySeconds).toBe(300);
    expect(result.meetsRto).toBe(true);
    expect(result.phases.map((p) => [p.kind, p.fromSeconds, p.toSeconds])).toEqual([
      ['degraded', 0, 300],
      ['full', 300, null],
    ]);
    // A third refused for 300 s at $36,000/h: 1/3 × 300 s × $10/s = $1,000.
    expect(result.downtimeCostUsd).toBeCloseTo(1_000, 9);
  });

  it('a tier a person scales out adds the decision time', () => {
    const result = run(smallR2({ maxInstances: 4, autoscaling: false }), shiftAll);
    expect(result.rto.parts.map((p) => [p.kind, p.seconds])).toEqual([
      ['decision', 900],
      ['scale-out', 300],
    ]);
    expect(result.rtoSeconds).toBe(1_200);
  });

  it('maxInstances too small to carry everything gives a second degraded phase', () => {
    // r2 takes all 3,000 requests/s: 2 instances of 900 serve 1,800 (60 %); grown to 3 they
    // serve 2,700 (90 %), and a shift has no repair that would bring the rest.
    const result = run(
      smallR2({ maxInstances: 3, capacityRps: 900, scaleOutSeconds: 120 }),
      shiftAll,
    );
    expect(result.servedShare).toBeCloseTo(1_800 / 3_000, 12);
    expect(result.phases.map((p) => [p.kind, p.fromSeconds, p.servedShare])).toEqual([
      ['degraded', 0, result.servedShare],
      ['degraded', 120, expect.closeTo(2_700 / 3_000, 12)],
    ]);
    expect(result.timeToFullCapacitySeconds).toBeNull();
  });

  it('targets.minServedShare: a partial service that reaches it counts as recovered', () => {
    const doc = smallR2();
    doc.targets = { ...doc.targets, minServedShare: 0.6 };
    const result = run(doc, shiftAll);
    expect(result.rtoSeconds).toBe(0);
    expect(result.meetsRto).toBe(true);
    // MTD is judged on full capacity, which never returns.
    expect(result.meetsMtd).toBe(false);
  });
});

describe('region outage', () => {
  it('degraded until the region is repaired: RTO and MTD judged on every request served', () => {
    // r2's 2 instances carry 2,000 of the 3,000 requests/s once DNS has moved r1's users.
    const result = run(smallR2(), { id: 'r', fail: ['r1'] });
    expect(result.status).toBe('degraded');
    expect(result.timeToServiceSeconds).toBe(10 * 3 + 30);
    expect(result.rto.parts).toEqual([{ kind: 'repair', nodeId: 'r1', seconds: 4 * 3600 }]);
    expect(result.timeToFullCapacitySeconds).toBe(14_400);
    expect(result.meetsMtd).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['rto-exceeds-mtd']);
    expect(result.phases.map((p) => [p.kind, p.fromSeconds, p.toSeconds])).toEqual([
      ['interruption', 0, 60],
      ['degraded', 60, 14_400],
      ['full', 14_400, null],
    ]);
  });

  it('is down, not degraded, when nothing is served', () => {
    const result = run(twoRegions(activeActive), { id: 'both', fail: ['r1', 'r2'] });
    expect(result.status).toBe('down');
    expect(result.servedShare).toBe(0);
    expect(result.survives).toBe(false);
  });
});

describe('logical corruption', () => {
  const withBackup = (doc: NinesDocument): NinesDocument => {
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes.push({ id: 'bk', kind: 'backup', parent: 'r1', intervalSeconds: 3600 });
    variant.edges.push({ from: 'bk', to: 'db-r1', kind: 'backs-up' });
    return doc;
  };
  const restore = (10 * 2 ** 30) / 100e6; // 10 GiB at the default 100 MB/s: 107.374 s

  it('the other members re-sync before they serve again, a part of its own', () => {
    // Each app tier carries 2,000 requests/s: while db-r2 re-syncs, r1 serves 2,000 of 3,000.
    const doc = withBackup(
      edit(edit(twoRegions(activeActive), 'app-r1', { instances: 2, minHealthy: 1 }), 'app-r2', {
        instances: 2,
        minHealthy: 1,
      }),
    );
    const result = run(doc, { id: 'c', corrupt: ['db-r1'] });
    // 10 GiB over the 100 Mbit/s link: 10 × 2^30 × 8 / 10^8 = 858.993 s.
    const resync = (10 * 2 ** 30 * 8) / 100e6;
    expect(result.rto.parts.map((p) => [p.kind, p.nodeId, p.seconds])).toEqual([
      ['detection', 'operations', 1800],
      ['decision', 'operations', 900],
      ['restore', 'bk', restore],
      ['resync', 'db-r2', resync],
    ]);
    expect(result.timeToServiceSeconds).toBeCloseTo(2_700 + restore, 9);
    expect(result.rtoSeconds).toBeCloseTo(2_700 + restore + resync, 9);
    expect(result.phases.map((p) => [p.kind, p.servedShare])).toEqual([
      ['interruption', 0],
      ['degraded', expect.closeTo(2 / 3, 12)],
      ['full', 1],
    ]);
  });

  it('detection and decision come from the document’s operations block', () => {
    const doc = withBackup(twoRegions(activeActive));
    doc.operations = { detectionSeconds: 60, decisionSeconds: 120 };
    const result = run(doc, { id: 'c', corrupt: ['db-r1'] });
    expect(result.rtoSeconds).toBeCloseTo(60 + 120 + restore, 9);
    expect(result.rpoSeconds).toBe(3600 + 60);
  });

  it('an unknown data set makes the restore time unknown: null with its reason, failing the target', () => {
    const doc = withBackup(twoRegions(activeActive));
    doc.workload = { ...doc.workload, dataSetGiB: undefined };
    const result = run(doc, { id: 'c', corrupt: ['db-r1'] });
    expect(result.rtoSeconds).toBeNull();
    expect(result.rto.reason).toBe(
      "the restore time of db-r1 is unknown: neither its memoryGiB nor the workload's dataSetGiB is given",
    );
    expect(result.meetsRto).toBe(false);
    expect(result.notes).toContain(result.rto.reason);
  });
});

describe('applicability', () => {
  it.each([
    [{ id: 's', shift: { from: 'r1', to: 'r9', share: 1 } }, 'names r9, which this variant lacks'],
    [
      { id: 'p', partition: [['r1', 'r9']] as [string, string][] },
      'names r9, which this variant lacks',
    ],
    [{ id: 'f', fail: ['app-r1#7'] }, 'names app-r1#7, which this variant lacks'],
    [{ id: 'c', corrupt: ['app-r1'] }, 'names app-r1, which this variant lacks'],
    [{ id: 'z', fail: ['r1-a', 'eu-x'] }, 'names eu-x, which this variant lacks'],
  ])('%o does not apply, and says why', (scenario, reason) => {
    const result = run(twoRegions(activeActive), scenario);
    expect(result.applies).toBe(false);
    expect(result.reason).toBe(reason);
    expect(result.status).toBeNull();
    expect(result.rtoSeconds).toBeNull();
  });

  it('a shift with no other region to go to does not apply', () => {
    const doc = twoRegions(activeActive);
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes = variant.nodes.filter((n) => !n.id.includes('r2') && n.id !== 'r2');
    variant.edges = variant.edges.filter((e) => !e.from.includes('r2') && !e.to.includes('r2'));
    variant.links = [];
    doc.workload = { ...doc.workload, trafficShare: { r1: 1 } };
    const result = run(doc, { id: 's', shift: { from: 'r1', share: 1 } });
    expect(result.applies).toBe(false);
    expect(result.reason).toBe("there is no other region to shift r1's traffic to");
  });
});
