import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../schema/parse';
import { evaluate } from '../availability';
import { singleVariant, workedExample } from '../../testing/builders';
import { activeActive, run, twoRegions } from '../../testing/two-regions';
import type { ScenarioResult } from './result';

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
  it('Active-Active members keep serving; under last-write-wins the partition is the data at risk', () => {
    const result = run(twoRegions(activeActive), { id: 's', partition: [['r1', 'r2']] });
    expect(result.survives).toBe(true);
    expect(result.status).toBe('full');
    // Concurrent writes to one key on both sides lose one of them: RPO = the link's MTTR (1 h).
    expect(result.rpoSeconds).toBe(3600);
    expect(result.rpo.parts).toEqual([{ kind: 'partition', nodeId: 'link:r1|r2', seconds: 3600 }]);
    expect(result.notes.join(' ')).toMatch(/keep serving reads and writes.*last write wins/);
  });

  it('CRDT types merge without loss: RPO 0', () => {
    const result = run(twoRegions({ ...activeActive, conflictResolution: 'crdt' }), {
      id: 's',
      partition: [['r1', 'r2']],
    });
    expect(result.rpoSeconds).toBe(0);
    expect(result.notes.join(' ')).toMatch(/merge without loss/);
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
      /needs 160\u00a0Mbit\/s but the r1–r2 link carries 100\u00a0Mbit\/s/,
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
  it('costs detection, decision and a restore of the data set; RPO = backup interval + detection', () => {
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
    expect(result.status).toBe('down');
    // Worst case the corruption began just after a backup and was noticed 1,800 s later.
    expect(result.rpoSeconds).toBe(3600 + 1800);
    expect(result.rpo.parts.map((p) => p.kind)).toEqual(['backup-interval', 'detection']);
    // 1,800 s to notice, 900 s to decide, 10 GiB at 100 MB/s = 107.374 s to restore; r2's users
    // go to r1 (4 × 1,000 requests/s carry all 3,000) while db-r2 re-syncs, so no re-sync part.
    expect(result.rto.parts.map((p) => [p.kind, p.seconds])).toEqual([
      ['detection', 1800],
      ['decision', 900],
      ['restore', (10 * 2 ** 30) / 100e6],
    ]);
    expect(result.rtoSeconds).toBeCloseTo(1800 + 900 + (10 * 2 ** 30) / 100e6, 9);
    expect(result.meetsRto).toBe(false);
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
    expect(result.notes.join(' ')).toMatch(/20\u00a0% of requests exceed the capacity/);
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
    // r2 holds 4 × 1,000 requests/s for all 3,000: full once promoted.
    expect(result.rtoSeconds).toBe(900 + 900 + 300);
    expect(result.rto.parts).toEqual([
      { kind: 'decision', nodeId: 'operations', seconds: 900 },
      { kind: 'promotion', nodeId: 'db-r1', seconds: 900 },
      { kind: 'warm-up', nodeId: 'db-r2', seconds: 300 },
    ]);
    expect(result.notes).toContain(
      'service returns when a person decides to promote the standby of db-r1 and does it (manual failover, as the runbook says), before db-r1 itself is repaired',
    );
    // The same chain as an automatic failover with the same times, without the person.
    const automatic = twoRegions({
      replication: 'active-passive',
      failoverSeconds: 900,
      warmupSeconds: 300,
    });
    automatic.workload = manual.workload;
    const auto = run(automatic, { id: 'r', fail: ['r1'] });
    expect(auto.rto.parts).toEqual(result.rto.parts.slice(1));
    expect(auto.notes.some((n) => n.includes('a person'))).toBe(false);
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
