import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../schema/parse';
import { evaluate } from '../availability';
import type { ModelNode, NinesDocument, Scenario } from '../../model/types';
import { dep, singleVariant, workedExample } from '../../testing/builders';
import { resolveGraph, buildStructure, trafficShares } from '../structure';
import { runScenario } from './scenario';
import type { ScenarioResult } from './types';

function run(doc: NinesDocument, scenario: Omit<Scenario, 'name'>): ScenarioResult {
  const variant = doc.variants[0];
  if (!variant) throw new Error('no variant');
  const graph = resolveGraph(variant, []);
  if (!graph) throw new Error('unresolvable');
  const structure = buildStructure(graph, []);
  return runScenario(
    { doc, graph, structure, traffic: trafficShares(doc, graph) },
    { name: scenario.id, ...scenario },
  );
}

/** Two regions behind a DNS router, each an app over two zones and a datastore of `store`. */
function twoRegions(
  store: Partial<Record<string, unknown>>,
  extra: Partial<NinesDocument> = {},
): NinesDocument {
  const nodes: ModelNode[] = [
    {
      id: 'dns',
      kind: 'router',
      availability: 0.99999,
      healthCheckSeconds: 10,
      failureThreshold: 3,
      dnsTtlSeconds: 30,
    },
  ];
  for (const r of ['r1', 'r2']) {
    nodes.push(
      { id: r, kind: 'region', mtbfHours: 17520, mttrHours: 4 },
      { id: `${r}-a`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      { id: `${r}-b`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      {
        id: `app-${r}`,
        kind: 'service',
        parent: r,
        instances: 4,
        minHealthy: 2,
        capacityRps: 1000,
      },
      { id: `db-${r}`, kind: 'datastore', parent: r, instances: 2, ...store } as ModelNode,
    );
  }
  const doc = singleVariant(
    'dns',
    nodes,
    [
      dep('dns', 'app-r1'),
      dep('dns', 'app-r2'),
      dep('app-r1', 'db-r1'),
      dep('app-r2', 'db-r2'),
      { from: 'db-r1', to: 'db-r2', kind: 'replicates' },
    ],
    {
      links: [{ a: 'r1', b: 'r2', rttMs: 80, bandwidthMbps: 100, mtbfHours: 4380, mttrHours: 1 }],
      workload: {
        requestsPerSecond: 3000,
        writesPerSecond: 1000,
        avgWriteBytes: 1000,
        dataSetGiB: 10,
        trafficShare: { r1: 0.5, r2: 0.5 },
      },
    },
  );
  return { ...doc, targets: { rtoSeconds: 120, rpoSeconds: 1, mtdSeconds: 3600 }, ...extra };
}

const activeActive = { replication: 'active-active', persistence: 'aof-everysec' };

describe('region outage behind a DNS router (DESIGN.md worked example)', () => {
  it('is survived, with RTO = health checks × threshold + DNS TTL', () => {
    const result = run(workedExample(), { id: 'r', fail: ['r1'] });
    expect(result.survives).toBe(true);
    expect(result.rtoSeconds).toBe(10 * 3 + 30);
    expect(result.rto.parts).toEqual([
      { kind: 'detection', nodeId: 'dns', seconds: 30 },
      { kind: 'dns-ttl', nodeId: 'dns', seconds: 30 },
    ]);
    expect(result.stops).toEqual(['r1', 'app-r1']);
  });
});

describe('zone outage', () => {
  it('that nothing takes over is not survived and costs the zone repair time', () => {
    const doc = singleVariant('app', [
      { id: 'r', kind: 'region' },
      { id: 'z', kind: 'zone', parent: 'r', mttrHours: 2, mtbfHours: 8760 },
      { id: 'app', kind: 'service', parent: 'z', instances: 3 },
    ]);
    const result = run(doc, { id: 'z', fail: ['z'] });
    expect(result.survives).toBe(false);
    expect(result.rtoSeconds).toBe(7200);
    expect(result.rto.parts).toEqual([{ kind: 'repair', nodeId: 'z', seconds: 7200 }]);
    expect(result.capacityShare).toBe(0);
  });

  it('of the zone holding the primary shard costs a local promotion, and replication lag', () => {
    const result = run(twoRegions({ ...activeActive, failoverSeconds: 90 }), {
      id: 'z',
      fail: ['r1-a'],
    });
    expect(result.survives).toBe(true);
    // The DNS router also drops the zone's app instances (30 s + 30 s), in parallel.
    expect(result.rto.parts).toEqual([{ kind: 'promotion', nodeId: 'db-r1', seconds: 90 }]);
    expect(result.rpo.parts).toEqual([
      { kind: 'replication-lag', nodeId: 'db-r1', seconds: 0.001 },
    ]);
    expect(result.stops).toEqual(['r1-a']);
    const quick = run(twoRegions({ ...activeActive, failoverSeconds: 15 }), {
      id: 'z',
      fail: ['r1-a'],
    });
    expect(quick.rtoSeconds).toBe(60);
  });
});

describe('split-brain', () => {
  it('Active-Active members keep serving; the note says how they converge', () => {
    const result = run(twoRegions(activeActive), { id: 's', partition: [['r1', 'r2']] });
    expect(result.survives).toBe(true);
    expect(result.rpoSeconds).toBe(0);
    expect(result.notes.join(' ')).toMatch(/keep serving reads and writes.*last-write-wins/);
  });

  it('active-passive with automatic failover and no witness is flagged as two primaries', () => {
    const doc = twoRegions({ replication: 'active-passive' });
    const primary = doc.variants[0]!.nodes.find((n) => n.id === 'db-r1');
    if (primary?.kind === 'datastore') primary.role = 'primary';
    const result = run(doc, { id: 's', partition: [['r1', 'r2']] });
    expect(result.notes.some((n) => n.startsWith('risk of two primaries: db-r1'))).toBe(true);
    const withWitness = twoRegions({ replication: 'active-passive', witness: true });
    expect(run(withWitness, { id: 's', partition: [['r1', 'r2']] }).notes.join(' ')).toMatch(
      /without the quorum stops/,
    );
  });
});

describe('RPO', () => {
  it('an asynchronous region loss loses the one-way latency plus the replication delay', () => {
    const result = run(twoRegions({ ...activeActive, replicationDelayMs: 2 }), {
      id: 'r',
      fail: ['r1'],
    });
    expect(result.rpoSeconds).toBeCloseTo(0.042, 12);
    expect(result.latencyChangeMs).toBe(80);
    expect(result.meetsRpo).toBe(true);
  });

  it('synchronous replication loses nothing', () => {
    expect(
      run(twoRegions({ ...activeActive, sync: true }), { id: 'r', fail: ['r1'] }).rpoSeconds,
    ).toBe(0);
  });

  it('replication above the link bandwidth is unbounded lag', () => {
    const doc = twoRegions(activeActive);
    doc.workload = { ...doc.workload, writesPerSecond: 20000, avgWriteBytes: 1000 };
    const result = run(doc, { id: 'r', fail: ['r1'] });
    expect(result.rpoSeconds).toBeNull();
    expect(result.meetsRpo).toBe(false);
    expect(result.notes.join(' ')).toMatch(
      /needs 160\.0 Mbit\/s but the r1–r2 link carries 100 Mbit\/s/,
    );
  });

  it('a lone node loses its persistence window', () => {
    const doc = singleVariant('db', [
      { id: 'db', kind: 'datastore', persistence: 'aof-everysec', mttrHours: 1, mtbfHours: 1000 },
    ]);
    const result = run(doc, { id: 'f', fail: ['db'] });
    expect(result.rpoSeconds).toBe(1);
    expect(result.rtoSeconds).toBe(3600);
  });
});

describe('corruption', () => {
  it('costs the backup interval and a restore of the data set', () => {
    const doc = twoRegions(activeActive);
    const variant = doc.variants[0]!;
    variant.nodes.push({
      id: 'bk',
      kind: 'backup',
      parent: 'r1',
      intervalSeconds: 3600,
      restoreThroughputMBps: 100,
    });
    variant.edges.push({ from: 'bk', to: 'db-r1', kind: 'backs-up' });
    const result = run(doc, { id: 'c', corrupt: ['db-r1'] });
    expect(result.survives).toBe(false);
    expect(result.rpoSeconds).toBe(3600);
    expect(result.rtoSeconds).toBeCloseTo((10 * 2 ** 30) / 100e6, 9);
    expect(result.meetsRto).toBe(true);
    expect(result.meetsRpo).toBe(false);
  });

  it('without a backup is unbounded, and an RTO above the MTD is an error', () => {
    const result = run(twoRegions(activeActive), { id: 'c', corrupt: ['db-r1'] });
    expect(result.rtoSeconds).toBeNull();
    expect(result.rpoSeconds).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['rto-exceeds-mtd']);
  });
});

describe('traffic shift', () => {
  it('over capacity refuses the excess share of requests', () => {
    // r2 has 4 × 1000 rps; all 3000 rps go there after shifting r1 entirely: served.
    expect(
      run(twoRegions(activeActive), { id: 't', shift: { from: 'r1', to: 'r2', share: 1 } })
        .capacityShare,
    ).toBe(1);
    const doc = twoRegions(activeActive);
    doc.workload = { ...doc.workload, requestsPerSecond: 5000 };
    const result = run(doc, { id: 't', shift: { from: 'r1', to: 'r2', share: 1 } });
    expect(result.capacityShare).toBeCloseTo(1 - 1000 / 5000, 12);
    expect(result.latencyChangeMs).toBe(80);
    expect(result.notes.join(' ')).toMatch(/20\.0 % of requests exceed the capacity/);
  });
});

describe('requests per edge', () => {
  const shares = (result: ScenarioResult) =>
    Object.fromEntries(
      result.edgeTraffic.map((e) => [`${e.from}>${e.to}`, [e.share, e.normalShare]]),
    );

  it('a half shift moves a quarter of all requests from one region to the other', () => {
    const result = run(twoRegions(activeActive), {
      id: 't',
      shift: { from: 'r1', to: 'r2', share: 0.5 },
    });
    // r1's users are half the requests; half of them move: r1 keeps 0.25, r2 serves 0.75.
    expect(shares(result)).toEqual({
      'dns>app-r1': [0.25, 0.5],
      'dns>app-r2': [0.75, 0.5],
      'app-r1>db-r1': [0.25, 0.5],
      'app-r2>db-r2': [0.75, 0.5],
    });
  });

  it('a region outage sends every request to the region left, and none on the lost edges', () => {
    const result = run(twoRegions(activeActive), { id: 'r', fail: ['r1'] });
    expect(shares(result)).toEqual({
      'dns>app-r1': [0, 0.5],
      'dns>app-r2': [1, 0.5],
      'app-r1>db-r1': [0, 0.5],
      'app-r2>db-r2': [1, 0.5],
    });
  });

  it('a zone outage that the tiers absorb moves nothing', () => {
    const result = run(twoRegions(activeActive), { id: 'z', fail: ['r1-a'] });
    for (const edge of result.edgeTraffic) expect(edge.share).toBe(edge.normalShare);
  });

  it('a scenario that names nothing in the variant lists no traffic', () => {
    expect(run(twoRegions(activeActive), { id: 'x', fail: ['elsewhere'] }).edgeTraffic).toEqual([]);
  });
});

describe('manual failover', () => {
  it('survives on the standby after a person promotes it: promotion and warm-up, not the region repair', () => {
    const manual = twoRegions({
      replication: 'active-passive',
      autoFailover: false,
      failoverSeconds: 900,
      warmupSeconds: 300,
    });
    manual.workload = { ...manual.workload, trafficShare: { r1: 1, r2: 0 } };
    const result = run(manual, { id: 'r', fail: ['r1'] });
    expect(result.survives).toBe(true);
    expect(result.rtoSeconds).toBe(1200);
    expect(result.rto.parts).toEqual([
      { kind: 'promotion', nodeId: 'db-r1', seconds: 900 },
      { kind: 'warm-up', nodeId: 'db-r2', seconds: 300 },
    ]);
    expect(result.notes).toContain(
      'service returns when a person promotes the standby of db-r1 (manual failover, as the runbook says), before db-r1 itself is repaired',
    );
    // The same chain as an automatic failover with the same times, without the person.
    const automatic = twoRegions({
      replication: 'active-passive',
      failoverSeconds: 900,
      warmupSeconds: 300,
    });
    automatic.workload = manual.workload;
    const auto = run(automatic, { id: 'r', fail: ['r1'] });
    expect(auto.rto).toEqual(result.rto);
    expect(auto.notes.some((n) => n.includes('a person promotes'))).toBe(false);
  });
});

describe('every template', () => {
  const dir = new URL('../../../assets/templates/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.nines.json'));
  it.each(files)('%s: evaluate returns one result per scenario for each variant', (file) => {
    const parsed = parseDocumentText(readFileSync(new URL(file, dir), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const report = evaluate(parsed.document);
    for (const v of report.variants) {
      expect(v.scenarios.map((s) => s.id)).toEqual(
        (parsed.document.scenarios ?? []).map((s) => s.id),
      );
      for (const s of v.scenarios.filter((x) => x.applies)) {
        expect(s.capacityShare).toBeGreaterThanOrEqual(0);
        expect(s.capacityShare).toBeLessThanOrEqual(1);
        expect(s.rtoSeconds === null || s.rtoSeconds >= 0).toBe(true);
        expect(s.rpoSeconds === null || s.rpoSeconds >= 0).toBe(true);
      }
    }
  });
});

describe('applicability', () => {
  it('a scenario naming nothing of the variant does not apply', () => {
    const result = run(workedExample(), { id: 'x', fail: ['elsewhere'] });
    expect(result.applies).toBe(false);
    expect(result.survives).toBe(true);
  });
});
