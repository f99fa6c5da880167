/**
 * The public reference cases of data/refcases (refcases.md / refcases.json) that describe a
 * topology or a formula this engine implements, each expressed as a nines/1 model. Expected
 * values are the recomputed (exact) ones of refcases.md; unavailability is compared with a
 * relative tolerance of 1e-9 as the cases prescribe. REF-21 (RPO), REF-25 and REF-26 (restore
 * time, RTO vs MTD) belong to the scenario engine and are not tested here.
 */
import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../model/types';
import { dep, singleVariant } from '../../testing/builders';
import { evaluate } from '../index';

function result(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  if (!v?.availability) throw new Error(JSON.stringify(v?.issues));
  return { ...v, availability: v.availability };
}

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** A global component chain: the first depends on every other (series). */
function series(availabilities: number[]): NinesDocument {
  const nodes: ModelNode[] = availabilities.map((a, i) => ({
    id: `c${i}`,
    kind: 'external',
    availability: a,
  }));
  return singleVariant(
    'c0',
    nodes,
    nodes.slice(1).map((n) => dep('c0', n.id)),
  );
}

/** A global tier of n instances, k needed, each with availability a. */
function tier(n: number, k: number, a: number): NinesDocument {
  return singleVariant('t', [
    { id: 't', kind: 'service', instances: n, minHealthy: k, availability: a },
  ]);
}

describe('REF-01-NINES-SRE: nines to allowed downtime (Google SRE book, Appendix A)', () => {
  it.each([
    [0.9, 3153600],
    [0.99, 315360],
    [0.999, 31536],
    [0.9999, 3153.6],
    [0.99999, 315.36],
  ])('%f gives %f s a year', (a, seconds) => {
    const v = result(series([a]));
    expectRelative(v.availability.downtimeMinutesPerYear * 60, seconds);
  });
});

describe('REF-04-SERIES-3-AWS: three hard dependencies at 99.99 % (AWS Reliability Pillar)', () => {
  it('gives 0.999700029999 and 157.664 min/yr', () => {
    const v = result(series([0.9999, 0.9999, 0.9999]));
    expectRelative(v.availability.unavailability.structural, 0.000299970001);
    expectRelative(v.availability.structuralMinutesPerYear, 157.6642325256);
  });
});

describe('REF-05-SERIES-2: App Service → SQL Database (Azure WAF); two five-nines modules (QNX)', () => {
  it('case a: 99.95 % × 99.99 %', () => {
    const v = result(series([0.9995, 0.9999]));
    expectRelative(v.availability.unavailability.structural, 0.00059995);
    expectRelative(v.availability.structuralMinutesPerYear, 315.33372);
  });
  it('case b: 99.999 % × 99.999 %', () => {
    const v = result(series([0.99999, 0.99999]));
    expectRelative(v.availability.unavailability.structural, 1.99999e-5);
    expectRelative(v.availability.structuralMinutesPerYear * 60, 630.7168464);
  });
});

describe('REF-08-PARALLEL-2: two redundant components (AWS, QNX)', () => {
  it.each([
    [0.999, 1e-6],
    [0.99, 1e-4],
    [0.99999, 1e-10],
  ])('two at %f leave U = %f', (a, u) => {
    expectRelative(result(tier(2, 1, a)).availability.unavailability.structural, u);
  });
});

describe('REF-09-PARALLEL-3-SPARES: 1-of-3 and 1-of-11 at 99.5 % (AWS Availability and Beyond, Eq. 7)', () => {
  it('n = 3: U = 1.25e-7, 3.942 s a year', () => {
    const v = result(tier(3, 1, 0.995));
    expectRelative(v.availability.unavailability.structural, 1.25e-7);
    expectRelative(v.availability.structuralMinutesPerYear * 60, 3.942);
  });
  it("n = 11: U = 4.8828125e-26, 25.31 nines (not the source's 25.5)", () => {
    const v = result(tier(11, 1, 0.995));
    expectRelative(v.availability.unavailability.structural, 4.8828125e-26);
    expectRelative(v.availability.nines as number, 25.3113, 1e-5);
  });
});

describe('REF-11-KOFN-AZ-STATIC-STABILITY: 2 AZs × 10 vs 3 AZs × 5, 10 needed (AWS)', () => {
  const zoned = (zones: number, instances: number, need: number) =>
    singleVariant('web', [
      { id: 'r', kind: 'region', availability: 1 },
      ...Array.from({ length: zones }, (_, i): ModelNode => ({
        id: `az${i}`,
        kind: 'zone',
        parent: 'r',
        availability: 0.995,
      })),
      { id: 'web', kind: 'service', parent: 'r', instances, minHealthy: need, availability: 1 },
    ]);
  it('option A (1-of-2 zones): U = 2.5e-5, 13.14 min/yr', () => {
    const v = result(zoned(2, 20, 10));
    expectRelative(v.availability.unavailability.structural, 2.5e-5);
    expectRelative(v.availability.structuralMinutesPerYear, 13.14);
  });
  it('option B (2-of-3 zones): U = 7.475e-5, 39.2886 min/yr', () => {
    const v = result(zoned(3, 15, 10));
    expectRelative(v.availability.unavailability.structural, 7.475e-5);
    expectRelative(v.availability.structuralMinutesPerYear, 39.2886);
  });
  it('option B when reduced capacity counts as up (1-of-3 zones): U = 1.25e-7', () => {
    expectRelative(result(zoned(3, 15, 5)).availability.unavailability.structural, 1.25e-7);
  });
});

describe('REF-13-COMMON-CAUSE-ZONE: replicas in one zone vs spread over zones (AWS)', () => {
  const replicas = (zones: number, instances: number, inOneZone: boolean) =>
    singleVariant('db', [
      { id: 'r', kind: 'region', availability: 1 },
      ...Array.from({ length: zones }, (_, i): ModelNode => ({
        id: `z${i}`,
        kind: 'zone',
        parent: 'r',
        availability: 0.9995,
      })),
      {
        id: 'db',
        kind: 'datastore',
        parent: inOneZone ? 'z0' : 'r',
        instances,
        minHealthy: 1,
        availability: 0.999,
      },
    ]);
  it('same zone: U = 5.009995e-4, 263.325 min/yr', () => {
    const v = result(replicas(2, 2, true));
    expectRelative(v.availability.unavailability.structural, 0.0005009995);
    expectRelative(v.availability.structuralMinutesPerYear, 263.3253372);
  });
  it('two zones: U = 2.24850025e-6, 1.18181 min/yr; ~223 times better', () => {
    const v = result(replicas(2, 2, false));
    expectRelative(v.availability.unavailability.structural, 2.24850025e-6);
    expectRelative(v.availability.structuralMinutesPerYear, 1.1818117314);
    const ratio =
      result(replicas(2, 2, true)).availability.unavailability.structural /
      v.availability.unavailability.structural;
    expectRelative(ratio, 222.815, 1e-5);
  });
  it('three zones: U = 3.371626125e-9', () => {
    expectRelative(
      result(replicas(3, 3, false)).availability.unavailability.structural,
      3.371626125e-9,
    );
  });
  it('naive (no zone): U = 1e-6', () => {
    expectRelative(result(tier(2, 1, 0.999)).availability.unavailability.structural, 1e-6);
  });
});

describe('REF-14-ACTIVE-ACTIVE-MULTIREGION-ROUTER: regions behind Traffic Manager 99.99 % (Azure)', () => {
  const regions = (count: number, router: number) =>
    singleVariant(
      'tm',
      [
        { id: 'tm', kind: 'router', availability: router },
        ...Array.from({ length: count }, (_, i): ModelNode[] => [
          { id: `r${i}`, kind: 'region', availability: 1 },
          { id: `web${i}`, kind: 'service', parent: `r${i}`, availability: 0.9995 },
          { id: `sql${i}`, kind: 'datastore', parent: `r${i}`, availability: 0.9999 },
        ]).flat(),
      ],
      Array.from({ length: count }, (_, i) => [
        dep('tm', `web${i}`),
        dep(`web${i}`, `sql${i}`),
      ]).flat(),
    );
  it('two regions: U = 1.003599040085e-4 with the router, 3.599400025e-7 without', () => {
    const v = result(regions(2, 0.9999));
    expectRelative(v.availability.unavailability.structural, 0.0001003599040085);
    expectRelative(v.availability.structuralMinutesPerYear, 52.7491655468675);
    expectRelative(result(regions(2, 1)).availability.unavailability.structural, 3.599400025e-7);
  });
  it('three regions: U = 1.0000021592441e-4 with the router, 2.159460045e-10 without', () => {
    expectRelative(
      result(regions(3, 0.9999)).availability.unavailability.structural,
      0.00010000021592441,
    );
    expectRelative(result(regions(3, 1)).availability.unavailability.structural, 2.159460045e-10);
  });
  it('WAF example: 1 − (1 − 0.9995)^4 = 1 − 6.25e-14, not the printed 99.999999 %', () => {
    expectRelative(result(tier(4, 1, 0.9995)).availability.unavailability.structural, 6.25e-14);
  });
});

describe('REF-16-MTBF-MTTR: MTBF 1000 h with MTTR 1 h vs 6 min (QNX; AWS)', () => {
  const component = (mttrHours: number) =>
    singleVariant(
      'lb',
      [
        { id: 'lb', kind: 'router', availability: 1 },
        { id: 'c', kind: 'service', mtbfHours: 1000, mttrHours },
      ],
      [dep('lb', 'c')],
    );
  it('case a: A = 0.999000999, 525.075 min/yr, 8.7512 failures/yr', () => {
    const v = result(component(1));
    expectRelative(v.availability.structural, 0.999000999000999);
    expectRelative(v.availability.structuralMinutesPerYear, 525.074925074925);
    expectRelative(v.transitions[0]?.failuresPerYear as number, 8.75124875124875);
  });
  it('case b: A = 0.99990001, ten times better (9.991 in unavailability)', () => {
    const a = result(component(1)).availability.unavailability.structural;
    const b = result(component(0.1)).availability;
    expectRelative(b.structural, 0.999900009999);
    expectRelative(b.structuralMinutesPerYear, 52.5547445255474);
    expectRelative(a / b.unavailability.structural, 9.99100899100899);
  });
});

describe('REF-19-ACTIVE-PASSIVE-FAILOVER-TIME: downtime = failover rate × duration (RDS Multi-AZ)', () => {
  // Four primary failures a year: MTBF + MTTR = 2190 h for the primary instance.
  const database = (failoverSeconds: number) =>
    singleVariant('db', [
      {
        id: 'db',
        kind: 'datastore',
        replication: 'primary-replica',
        sync: true,
        instances: 2,
        minHealthy: 1,
        mtbfHours: 2189.5,
        mttrHours: 0.5,
        failoverSeconds,
      },
    ]);
  it.each([
    [120, 480, 0.999984779299848],
    [60, 240, 0.999992389649924],
    [35, 140, 0.999995560629122],
  ])('τ = %i s: %i s a year, A = %f', (tau, seconds, availability) => {
    const v = result(database(tau));
    expect(v.transitions).toHaveLength(1);
    expectRelative(v.transitions[0]?.failuresPerYear as number, 4);
    expectRelative(v.availability.transitionMinutesPerYear * 60, seconds);
    expectRelative(v.availability.unavailability.transition, 1 - availability, 1e-6);
  });
});

describe('REF-23-RTO-DNS-TRAFFIC-MANAGER: interval × threshold + TTL (Azure Traffic Manager)', () => {
  const router = (healthCheckSeconds: number, failureThreshold: number, dnsTtlSeconds: number) =>
    singleVariant(
      'tm',
      [
        {
          id: 'tm',
          kind: 'router',
          availability: 1,
          healthCheckSeconds,
          failureThreshold,
          dnsTtlSeconds,
        },
        { id: 'ep', kind: 'service' },
      ],
      [dep('tm', 'ep')],
    );
  it('default settings: 30 s × 4 + 30 s = 150 s', () => {
    expect(result(router(30, 4, 30)).transitions[0]?.seconds).toBe(150);
    expect(result(router(30, 4, 0)).transitions[0]?.seconds).toBe(120);
  });
  it('fast settings: 10 s × 1 + 0 s = 10 s', () => {
    expect(result(router(10, 1, 0)).transitions[0]?.seconds).toBe(10);
  });
});
