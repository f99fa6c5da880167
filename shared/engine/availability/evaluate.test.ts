import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import { capacityModelArb, smallModelArb } from '../../testing/arbitraries';
import { dep, singleVariant, workedExample } from '../../testing/builders';
import { generatedModel } from '../../testing/generated-model';
import { bruteForce, CycleError } from '../../testing/oracle';
import { evaluate, evaluateScenario } from '../index';
import type { NinesDocument } from '../../model/types';

const SEED = 20261126;

function only(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  if (!v?.availability) throw new Error(`not evaluated: ${JSON.stringify(v?.issues)}`);
  return { ...v, availability: v.availability };
}

describe('DESIGN.md worked example', () => {
  const v = only(workedExample());
  it('has the exact structural availability', () => {
    expect(v.availability.structural).toBeCloseTo(0.99998994787, 12);
    expect(Math.abs(v.availability.structural - 0.99998994787)).toBeLessThan(1e-12);
  });
  it('has each region stack failing 0.50207 times a year and U_transition 9.5524e-7', () => {
    expect(v.transitions).toHaveLength(2);
    for (const t of v.transitions) {
      expect(t.failuresPerYear).toBeCloseTo(0.50207, 5);
      expect(t.seconds).toBe(60);
      expect(t.trafficShare).toBe(0.5);
    }
    expect(v.availability.unavailability.transition / 9.5524e-7 - 1).toBeLessThan(1e-4);
    expect(v.availability.transitionMinutesPerYear).toBeCloseTo(0.502, 3);
  });
  it('has request-weighted availability 0.999988992630 and 5.785 minutes a year', () => {
    expect(Math.abs(v.availability.requestWeighted - 0.99998899263)).toBeLessThan(1e-12);
    expect(v.availability.downtimeMinutesPerYear).toBeCloseTo(5.785, 3);
    expect(v.availability.capacityMinutesPerYear).toBe(0);
  });
  it('names the router as the single point of failure and ranks cut sets', () => {
    expect(v.singlePointsOfFailure).toEqual(['dns']);
    expect(v.cutSets[0]).toEqual({ events: ['dns'], probability: 1 - 0.99999 });
    expect(v.cutSets[1]?.events).toEqual(['r1', 'r2']);
    expect(v.importance[0]?.event).toBe('dns');
    expect(v.importance[0]?.fussellVesely).toBeGreaterThan(0.99);
  });
});

describe('engine against brute-force enumeration', () => {
  it('agrees on unavailability (1e-12), cut sets and Birnbaum importance on random small models', () => {
    fc.assert(
      fc.property(smallModelArb(14), (doc) => {
        const parsed = parseDocument(doc);
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
        let oracle;
        try {
          oracle = bruteForce(doc);
        } catch (error) {
          if (!(error instanceof CycleError)) throw error;
          const codes = evaluate(doc).variants[0]?.issues.map((i) => i.code);
          expect(codes).toContain('dependency-cycle');
          return;
        }
        const v = only(doc);
        expect(
          Math.abs(v.availability.unavailability.structural - oracle.unavailability),
        ).toBeLessThan(1e-12);
        const engineCuts = v.cutSets
          .map((c) => [...c.events].sort())
          .sort((a, b) => a.join(',').localeCompare(b.join(',')));
        expect(engineCuts).toEqual(oracle.cutSets);
        const listed = new Set(v.importance.map((i) => i.event));
        for (const i of v.importance) {
          expect(Math.abs(i.birnbaum - (oracle.birnbaum.get(i.event) as number))).toBeLessThan(
            1e-9,
          );
        }
        for (const [event, b] of oracle.birnbaum)
          if (!listed.has(event)) expect(Math.abs(b)).toBeLessThan(1e-12);
      }),
      { seed: SEED, numRuns: 300, verbose: true },
    );
  });
  it('agrees on U_capacity (1e-12) on random routed models with capacity', () => {
    fc.assert(
      fc.property(capacityModelArb(14), (doc) => {
        const parsed = parseDocument(doc);
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
        const oracle = bruteForce(doc);
        const v = only(doc);
        expect(oracle.capacity).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v.availability.unavailability.capacity - oracle.capacity)).toBeLessThan(
          1e-12,
        );
        expect(
          Math.abs(v.availability.unavailability.structural - oracle.unavailability),
        ).toBeLessThan(1e-12);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
  it('agrees on the worked example', () => {
    expect(
      Math.abs(
        only(workedExample()).availability.unavailability.structural -
          bruteForce(workedExample()).unavailability,
      ),
    ).toBeLessThan(1e-15);
  });
});

describe('properties', () => {
  it('is deterministic and independent of edge order', () => {
    fc.assert(
      fc.property(smallModelArb(12), (doc) => {
        expect(JSON.stringify(evaluate(doc))).toBe(JSON.stringify(evaluate(doc)));
        const first = evaluate(doc).variants[0];
        if (!first?.availability) {
          // A dependency through a replication group back to itself: reported, not evaluated.
          expect(first?.issues.map((i) => i.code)).toEqual(['dependency-cycle']);
          return;
        }
        const variant = doc.variants[0] as NinesDocument['variants'][number];
        const reversed = {
          ...doc,
          variants: [{ ...variant, edges: [...variant.edges].reverse() }],
        };
        const a = only(doc).availability;
        const b = only(reversed).availability;
        expect(Math.abs(a.structural - b.structural)).toBeLessThan(1e-12);
        expect(a.structural).toBeGreaterThanOrEqual(0);
        expect(a.structural).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
  it('gets better when a tier gets one more instance (monotone under added redundancy)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (n, k0) => {
        const k = Math.min(n, k0);
        const model = (instances: number) =>
          singleVariant('app', [
            { id: 'r', kind: 'region' },
            { id: 'z0', kind: 'zone', parent: 'r' },
            { id: 'z1', kind: 'zone', parent: 'r' },
            { id: 'app', kind: 'service', parent: 'r', instances, minHealthy: k },
          ]);
        expect(only(model(n + 1)).availability.structural).toBeGreaterThanOrEqual(
          only(model(n)).availability.structural,
        );
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

describe('semantics', () => {
  it('spreads a region tier round-robin over zones (zone i mod z)', () => {
    const doc = singleVariant('app', [
      { id: 'r', kind: 'region', availability: 1 },
      { id: 'a', kind: 'zone', parent: 'r', availability: 0.9 },
      { id: 'b', kind: 'zone', parent: 'r', availability: 0.8 },
      { id: 'app', kind: 'service', parent: 'r', instances: 3, minHealthy: 2, availability: 1 },
    ]);
    // Instances 0 and 2 in zone a, 1 in zone b: two working instances need zone a.
    expect(only(doc).availability.structural).toBeCloseTo(0.9, 14);
  });
  it('makes a cross-region dependency need the link, a global consumer none', () => {
    const nodes = [
      { id: 'r1', kind: 'region', availability: 1 },
      { id: 'r2', kind: 'region', availability: 1 },
      { id: 'app', kind: 'service', parent: 'r1', availability: 1 },
      { id: 'db', kind: 'datastore', parent: 'r2', availability: 1 },
    ] as const;
    const link = [{ a: 'r2', b: 'r1', availability: 0.99 }];
    const cross = only(singleVariant('app', [...nodes], [dep('app', 'db')], { links: link }));
    expect(cross.availability.structural).toBeCloseTo(0.99, 14);
    expect(cross.singlePointsOfFailure[0]).toBe('link:r1|r2');
    const global = only(
      singleVariant(
        'dns',
        [...nodes, { id: 'dns', kind: 'router', availability: 1 }],
        [dep('dns', 'db')],
        {
          links: link,
        },
      ),
    );
    expect(global.availability.structural).toBe(1);
  });
  it('lets an active-passive group fail over, automatically or by a person (manual takes longer)', () => {
    const group = (autoFailover: boolean) =>
      singleVariant(
        'app',
        [
          { id: 'app', kind: 'service', availability: 1 },
          {
            id: 'p',
            kind: 'datastore',
            mtbfHours: 900,
            mttrHours: 100,
            replication: 'active-passive',
            role: 'primary',
            autoFailover,
            failoverSeconds: 30,
          },
          {
            id: 's',
            kind: 'datastore',
            availability: 0.9,
            replication: 'active-passive',
            warmupSeconds: 600,
          },
        ],
        [dep('app', 'p'), { from: 'p', to: 's', kind: 'replicates' }],
      );
    const automatic = only(group(true));
    expect(automatic.availability.structural).toBeCloseTo(0.99, 14);
    expect(automatic.transitions).toHaveLength(1);
    expect(automatic.transitions[0]).toMatchObject({
      kind: 'failover',
      nodeIds: ['p', 's'],
      seconds: 30,
    });
    // Every failure of the primary (once per 1000 h) costs the failover time.
    expect(automatic.transitions[0]?.failuresPerYear).toBeCloseTo(8.76, 12);
    // Manual: the same structure (the standby serves once promoted); each failure of the primary
    // costs the people's decision (900 s by default), the promotion and the standby's warm-up.
    const manual = only(group(false));
    expect(manual.availability.structural).toBe(automatic.availability.structural);
    expect(manual.transitions).toHaveLength(1);
    expect(manual.transitions[0]).toMatchObject({
      kind: 'failover',
      nodeIds: ['p', 's'],
      seconds: 900 + 30 + 600,
    });
    // The document's operations.decisionSeconds is the decision.
    expect(
      only({ ...group(false), operations: { decisionSeconds: 120 } }).transitions[0]?.seconds,
    ).toBe(120 + 30 + 600);
    expect(manual.transitions[0]?.failuresPerYear).toBeCloseTo(8.76, 12);
    // Without failoverSeconds a manual promotion takes the documented 900 s (after the 900 s
    // decision), not the 30 s of an automatic one.
    const doc = group(false);
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes = variant.nodes.map((n) => {
      if (n.id !== 'p' || n.kind !== 'datastore') return n;
      const { failoverSeconds: _omitted, ...rest } = n;
      return rest;
    });
    expect(only(doc).transitions[0]?.seconds).toBe(900 + 900 + 600);
  });

  it('charges a manual failover between two regions w_p × (decision + failoverSeconds + warmupSeconds) × share', () => {
    // A global service calls a primary in r1 that a person promotes to a standby in r2. Regions:
    // MTBF 17,520 h, MTTR 4 h; everything else never fails.
    const doc = (autoFailover: boolean) =>
      singleVariant(
        'app',
        [
          { id: 'r1', kind: 'region', mtbfHours: 17520, mttrHours: 4 },
          { id: 'r2', kind: 'region', mtbfHours: 17520, mttrHours: 4 },
          { id: 'app', kind: 'service', availability: 1 },
          {
            id: 'db1',
            kind: 'datastore',
            parent: 'r1',
            availability: 1,
            replication: 'active-passive',
            role: 'primary',
            autoFailover,
            failoverSeconds: 900,
          },
          {
            id: 'db2',
            kind: 'datastore',
            parent: 'r2',
            availability: 1,
            replication: 'active-passive',
            role: 'standby',
            autoFailover,
            warmupSeconds: 600,
          },
        ],
        [dep('app', 'db1'), { from: 'db1', to: 'db2', kind: 'replicates' }],
      );
    const manual = only(doc(false));
    const automatic = only(doc(true));
    // Structure: the service is down only while both regions are: q = (4 / 17,524)².
    const q = 4 / 17524;
    expect(Math.abs(manual.availability.unavailability.structural - q * q)).toBeLessThan(1e-18);
    expect(manual.availability.structural).toBe(automatic.availability.structural);
    expect(manual.singlePointsOfFailure).not.toContain('r1');
    // w_p = 1 / (17,520 h + 4 h) (the primary fails with r1), d = the 900 s decision + 900 s
    // promotion + 600 s warm-up, share 1:
    // U_transition = 1 / 17,524 × 2,400 / 3,600 = 3.80430e-5 (19.995 min/yr).
    const w = 1 / 17524;
    const uManual = w * (2400 / 3600) * 1;
    expect(manual.transitions).toHaveLength(1);
    expect(manual.transitions[0]).toMatchObject({ kind: 'failover', seconds: 2400 });
    expect(manual.transitions[0]?.failuresPerYear).toBeCloseTo(8760 / 17524, 12);
    expect(Math.abs(manual.availability.unavailability.transition / uManual - 1)).toBeLessThan(
      1e-12,
    );
    expect(Math.abs(manual.availability.unavailability.transition - 3.8043e-5)).toBeLessThan(1e-9);
    expect(manual.availability.transitionMinutesPerYear).toBeCloseTo(19.995, 3);
    expect(Math.abs(manual.availability.requestWeighted - (1 - q * q - uManual))).toBeLessThan(
      1e-15,
    );
    // Automatic: the same term with failoverSeconds alone (no decision, the warm-up not charged).
    const uAutomatic = w * (900 / 3600);
    expect(automatic.transitions[0]).toMatchObject({ kind: 'failover', seconds: 900 });
    expect(
      Math.abs(automatic.availability.unavailability.transition / uAutomatic - 1),
    ).toBeLessThan(1e-12);
  });

  it('makes a synchronous member need the link to its peer region', () => {
    const doc = singleVariant(
      'db1',
      [
        { id: 'r1', kind: 'region', availability: 1 },
        { id: 'r2', kind: 'region', availability: 1 },
        {
          id: 'db1',
          kind: 'datastore',
          parent: 'r1',
          availability: 1,
          replication: 'active-active',
          sync: true,
        },
        {
          id: 'db2',
          kind: 'datastore',
          parent: 'r2',
          availability: 1,
          replication: 'active-active',
        },
      ],
      [{ from: 'db1', to: 'db2', kind: 'replicates' }],
      { links: [{ a: 'r1', b: 'r2', availability: 0.95 }] },
    );
    expect(only(doc).availability.structural).toBeCloseTo(0.95, 14);
  });
  it('counts a capacity shortfall after losing a region', () => {
    // Two regions each able to carry 60 % of the load: losing one refuses 40 % of requests.
    const doc = singleVariant(
      'dns',
      [
        { id: 'dns', kind: 'router', availability: 1, healthCheckSeconds: 1, failureThreshold: 1 },
        { id: 'r1', kind: 'region', availability: 0.99 },
        { id: 'r2', kind: 'region', availability: 0.99 },
        { id: 'a1', kind: 'service', parent: 'r1', availability: 1, capacityRps: 600 },
        { id: 'a2', kind: 'service', parent: 'r2', availability: 1, capacityRps: 600 },
      ],
      [dep('dns', 'a1'), dep('dns', 'a2')],
      { workload: { requestsPerSecond: 1000 } },
    );
    // Each survivor takes all 1000 rps with 600 of capacity when the other region is down.
    const expected = 2 * 0.99 * 0.01 * (400 / 1000);
    expect(only(doc).availability.unavailability.capacity).toBeCloseTo(expected, 15);
  });
});

describe('issues instead of exceptions', () => {
  it('reports a dependency cycle', () => {
    const doc = singleVariant(
      'a',
      [
        { id: 'a', kind: 'service' },
        { id: 'b', kind: 'service' },
      ],
      [dep('a', 'b'), dep('b', 'a')],
    );
    const v = evaluate(doc).variants[0];
    expect(v?.availability).toBeNull();
    expect(v?.issues.map((i) => i.code)).toEqual(['dependency-cycle']);
    expect(v?.issues[0]?.nodeIds).toEqual(['a', 'b']);
  });
  it('reports a missing entry and an unknown variant', () => {
    const doc = singleVariant('nope', [{ id: 'a', kind: 'service' }]);
    expect(evaluate(doc).variants[0]?.issues.map((i) => i.code)).toEqual(['missing-entry']);
    expect(evaluate(doc, 'other').issues.map((i) => i.code)).toEqual(['unknown-variant']);
  });
});

describe('generated large models', () => {
  it('evaluates 40 regions × 3 zones with issues empty and stable figures', () => {
    const v = only(generatedModel(40));
    expect(v.events).toBeGreaterThan(1200);
    expect(v.issues).toEqual([]);
    expect(v.singlePointsOfFailure).toContain('dns');
    expect(v.availability.structural).toBeGreaterThan(0.999);
  });
});

describe('the pilot-light template', () => {
  const file = new URL(
    '../../../assets/templates/pilot-light-2-regions.nines.json',
    import.meta.url,
  );
  const parsed = parseDocument(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error('pilot-light does not parse');
  const v = only(parsed.document);

  it('has no single point of failure in use1 (a person promotes the standby in euw1): only DNS and the global deploy', () => {
    expect(v.singlePointsOfFailure).toEqual(['cause:global-deploy', 'dns']);
    // The promotion is a transition: redis-use1's failures × (900 s decision + 900 s promotion +
    // 600 s warm-up) × all requests.
    const failover = v.transitions.find((t) => t.kind === 'failover');
    expect(failover).toMatchObject({
      nodeIds: ['redis-use1', 'redis-euw1'],
      seconds: 2400,
      trafficShare: 1,
    });
  });

  it('serves 10 % on the standby after the decision, promotion and warm-up, and all once a person scales out', () => {
    const outage = v.scenarios.find((s) => s.id === 'region-outage');
    expect(outage?.survives).toBe(true);
    // app-euw1: 1 instance × 2,000 requests/s for the 20,000 of use1: 10 % served.
    expect(outage?.status).toBe('degraded');
    expect(outage?.servedShare).toBeCloseTo(0.1, 12);
    expect(outage?.timeToServiceSeconds).toBe(900 + 900 + 600);
    // The person who promoted scales app-euw1 out to 15 (no second decision): + 300 s.
    expect(outage?.rto.parts.map((p) => [p.kind, p.nodeId, p.seconds])).toEqual([
      ['decision', 'operations', 900],
      ['promotion', 'redis-use1', 900],
      ['warm-up', 'redis-euw1', 600],
      ['scale-out', 'app-euw1', 300],
    ]);
    expect(outage?.timeToFullCapacitySeconds).toBe(2700);
    expect(outage?.meetsRto).toBe(false);
    expect(outage?.meetsMtd).toBe(true);
    expect(outage?.notes.some((n) => n.includes('a person decides to promote the standby'))).toBe(
      true,
    );
  });

  it('a traffic shift to the standby is degraded and fails its RTO: a person must scale out', () => {
    const shift = v.scenarios.find((s) => s.id === 'traffic-shift');
    expect(shift?.status).toBe('degraded');
    expect(shift?.servedShare).toBeCloseTo(0.1, 12);
    expect(shift?.rto.parts.map((p) => [p.kind, p.seconds])).toEqual([
      ['decision', 900],
      ['scale-out', 300],
    ]);
    expect(shift?.meetsRto).toBe(false);
    // 1,200 s at 90 % refused × $50,000/h = $15,000.
    expect(shift?.downtimeCostUsd).toBeCloseTo(15_000, 6);
  });
});

describe('evaluateScenario', () => {
  it("gives, for each template's own scenarios, exactly what evaluate gives", () => {
    const dir = new URL('../../../assets/templates/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const doc = parseDocument(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      if (!doc.ok) throw new Error(`${file} does not parse`);
      for (const variant of doc.document.variants) {
        const expected = evaluate(doc.document, variant.id).variants[0]?.scenarios;
        const scenarios = doc.document.scenarios ?? [];
        expect(scenarios.length, file).toBeGreaterThan(0);
        expect(
          scenarios.map((s) => evaluateScenario(doc.document, variant.id, s)),
          `${file} ${variant.id}`,
        ).toEqual(expected);
      }
    }
  });

  it('runs a what-if that is not in the document, and nothing for an unknown variant', () => {
    const doc = workedExample();
    const variantId = doc.variants[0]?.id ?? '';
    const result = evaluateScenario(doc, variantId, {
      id: 'w',
      name: 'What if r1 fails',
      fail: ['r1'],
    });
    expect(result?.applies).toBe(true);
    expect(result?.survives).toBe(true);
    expect(evaluateScenario(doc, 'nope', { id: 'w', name: 'w', fail: ['r1'] })).toBeUndefined();
  });
});
