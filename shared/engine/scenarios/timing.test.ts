import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
  restoreSeconds,
  routerDetection,
} from './timing';

interface RefCase {
  id: string;
  parameters: Record<string, unknown>;
  expected: Record<string, unknown>;
}
const refcases = JSON.parse(
  readFileSync(new URL('../../../data/refcases/refcases.json', import.meta.url), 'utf8'),
) as RefCase[];
const ref = (id: string): RefCase => {
  const found = refcases.find((c) => c.id === id);
  if (!found) throw new Error(`missing reference case ${id}`);
  return found;
};

describe('routerDetection (REF-23, Azure Traffic Manager FAQ)', () => {
  const { parameters, expected } = ref('REF-23-RTO-DNS-TRAFFIC-MANAGER');
  it.each(['default', 'fast'] as const)('%s settings: interval × threshold + TTL', (name) => {
    const p = parameters[name] as {
      probe_interval_s: number;
      unhealthy_threshold: number;
      ttl_s: number;
    };
    const { detectionSeconds, dnsTtlSeconds } = routerDetection({
      id: 'tm',
      kind: 'router',
      healthCheckSeconds: p.probe_interval_s,
      failureThreshold: p.unhealthy_threshold,
      dnsTtlSeconds: p.ttl_s,
    });
    expect(detectionSeconds + dnsTtlSeconds).toBe(expected[`${name}_rto_formula_s`]);
  });

  it('uses the documented defaults (10 s × 3, no TTL) when the router says nothing', () => {
    expect(routerDetection({ id: 'lb', kind: 'router' })).toEqual({
      detectionSeconds: 30,
      dnsTtlSeconds: 0,
    });
  });
});

describe('restoreSeconds (REF-25, AWS Snowball table; REF-26, NIST SP 800-34)', () => {
  const { parameters, expected } = ref('REF-25-RTO-RESTORE-THROUGHPUT');
  const TB_IN_GIB = 1e12 / 2 ** 30;
  for (const rate of parameters.rates_MBps as number[]) {
    it(`42 TB and 72 TB at ${rate} MB/s`, () => {
      const row = expected[`rate_${rate}MBps`] as Record<string, number>;
      for (const tb of [42, 72, 40, 70]) {
        const days = restoreSeconds(tb * TB_IN_GIB, rate) / 86400;
        expect(Math.abs(days - (row[`t_${tb}TB_days`] as number)) / days).toBeLessThan(1e-9);
      }
    });
  }

  it('plan B of REF-26 (30 + 10 min + 42 TB at 100 MB/s) exceeds a 4 h MTD', () => {
    const { expected: e } = ref('REF-26-RTO-VS-MTD-NIST');
    const restore = restoreSeconds(42 * TB_IN_GIB, 100);
    expect(restore).toBeCloseTo(e.planB_restore_s as number, 6);
    const rtoMinutes = 30 + 10 + restore / 60;
    expect(rtoMinutes).toBeCloseTo(e.planB_rto_min as number, 9);
    expect(rtoMinutes <= (e.mtd_min as number)).toBe(false);
  });
});

describe('replication', () => {
  it('lag is half the link round trip plus the engine delay', () => {
    const member = { id: 'r', kind: 'datastore', replicationDelayMs: 2 } as const;
    expect(replicationLagSeconds(member, { a: 'x', b: 'y', rttMs: 80 })).toBeCloseTo(0.042, 12);
    expect(replicationLagSeconds(member, undefined)).toBeCloseTo(0.002, 12);
  });

  it('writes lost at a given lag follow REF-21 (W × L)', () => {
    const { parameters, expected } = ref('REF-21-RPO-ASYNC-REPLICATION');
    const writes = parameters.write_rate_per_s as number;
    expect(writes * (parameters.redis_aa_lag_tolerance_s as number)).toBeCloseTo(
      expected.redis_aa_gate_max_writes_lost as number,
      9,
    );
  });

  it('traffic is writes × bytes × 8 × peers in Mbit/s', () => {
    expect(replicationMbps({ writesPerSecond: 4000, avgWriteBytes: 1024 }, 2)).toBeCloseTo(
      65.536,
      12,
    );
    expect(replicationMbps(undefined, 3)).toBe(0);
  });
});

describe('persistenceWindowSeconds', () => {
  it('follows the Redis persistence modes', () => {
    const store = (persistence?: 'none' | 'aof-always' | 'aof-everysec' | 'snapshot') =>
      persistenceWindowSeconds({ id: 'r', kind: 'datastore', persistence });
    expect(store('aof-always')).toBe(0);
    expect(store('aof-everysec')).toBe(1);
    expect(store('snapshot')).toBe(3600);
    expect(store('none')).toBeUndefined();
    expect(store()).toBeUndefined();
  });
});
