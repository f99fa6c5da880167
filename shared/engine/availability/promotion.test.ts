/**
 * Promotion across a replication edge (docs/availability.md "Active-passive data"): a
 * `replicates` edge's `failover` and `failoverSeconds` override the primary's in-region settings
 * for the promotion to the standby across it, in the transition term, the region-outage RTO and
 * the simulation alike.
 */
import { describe, expect, it } from 'vitest';
import type { Edge, ModelNode, NinesDocument } from '../../model/types';
import { parseDocument } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import { evaluate, evaluateScenario } from '../index';
import { simulate } from '../simulation';

const DECISION = 900;

/**
 * A global datastore as ElastiCache Global Datastore runs it: a primary in r1 that fails over
 * inside its region automatically in 10 s, replicating to a standby group in r2.
 */
function globalDatastore(edge: Partial<Edge> = {}): NinesDocument {
  const store = (id: string, region: string, role: 'primary' | 'standby'): ModelNode => ({
    id,
    kind: 'datastore',
    parent: region,
    replication: 'active-passive',
    role,
    instances: 2,
    autoFailover: true,
    failoverSeconds: 10,
    mtbfHours: 500,
    mttrHours: 2,
  });
  return singleVariant(
    'dns',
    [
      { id: 'dns', kind: 'router', availability: 0.99999 },
      { id: 'r1', kind: 'region', mtbfHours: 1000, mttrHours: 4 },
      { id: 'r2', kind: 'region', mtbfHours: 1000, mttrHours: 4 },
      { id: 'app1', kind: 'service', parent: 'r1', instances: 2 },
      { id: 'app2', kind: 'service', parent: 'r2', instances: 2 },
      store('db1', 'r1', 'primary'),
      store('db2', 'r2', 'standby'),
    ],
    [
      dep('dns', 'app1'),
      dep('dns', 'app2'),
      dep('app1', 'db1'),
      dep('app2', 'db1'),
      { from: 'db1', to: 'db2', kind: 'replicates', ...edge },
    ],
    { links: [{ a: 'r1', b: 'r2', availability: 0.9999 }], trafficShare: { r1: 1, r2: 0 } },
  );
}

const regionOutage = { id: 'r1-out', name: 'r1 fails', fail: ['r1'] };

function failover(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  return v?.transitions.find((t) => t.kind === 'failover');
}

describe('promotion across a replication edge', () => {
  it('without edge settings, the primary’s automatic 10 s failover is the cross-region promotion', () => {
    const doc = globalDatastore();
    expect(failover(doc)?.seconds).toBe(10);
    // The 10 s promotion runs beside the router's detection (10 s × 3 checks), the longer one.
    const rto = evaluateScenario(doc, 'v', regionOutage)?.rto;
    expect(rto?.seconds).toBe(30);
    expect(rto?.parts.some((p) => p.kind === 'decision')).toBe(false);
  });

  it('a manual edge: a person decides and promotes, in its failoverSeconds; the in-region failover stays automatic', () => {
    const doc = globalDatastore({ failover: 'manual', failoverSeconds: 600 });
    expect(parseDocument(doc).ok).toBe(true);
    // The transition term: w_p × (decision + 600 s) × the share that needs it.
    expect(failover(doc)?.seconds).toBe(DECISION + 600);
    const rto = evaluateScenario(doc, 'v', regionOutage)?.rto;
    expect(rto?.parts.filter((p) => p.kind === 'decision' || p.kind === 'promotion')).toEqual([
      { kind: 'decision', nodeId: 'operations', seconds: DECISION },
      { kind: 'promotion', nodeId: 'db1', seconds: 600 },
    ]);
    expect(rto?.seconds).toBe(DECISION + 600);
    // Losing db1's primary instance inside r1 is still the automatic 10 s failover.
    const local = evaluateScenario(doc, 'v', { id: 'i', name: 'db1#0', fail: ['db1#0'] });
    expect(local?.rto.parts).toContainEqual({ kind: 'promotion', nodeId: 'db1', seconds: 10 });
  });

  it('a manual edge without seconds takes the documented manual promotion (900 s)', () => {
    expect(failover(globalDatastore({ failover: 'manual' }))?.seconds).toBe(DECISION + 900);
  });

  it('an automatic edge over manual members: automatic, in its own seconds', () => {
    const doc = globalDatastore({ failover: 'automatic', failoverSeconds: 45 });
    doc.variants[0]?.nodes.forEach((n) => {
      if (n.kind === 'datastore') n.autoFailover = false;
    });
    expect(failover(doc)?.seconds).toBe(45);
  });

  it('is refused on an edge that is not replicates', () => {
    const doc = globalDatastore();
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.edges[0] = { ...variant.edges[0], failover: 'manual' } as Edge;
    const parsed = parseDocument(doc);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      'variants[0].edges[0].failover',
    ]);
  });

  it('simulated through time, the 95 % interval holds the exact figure with a manual edge', () => {
    const doc = globalDatastore({ failover: 'manual', failoverSeconds: 600 });
    const exact = evaluate(doc).variants[0]?.availability?.requestWeighted as number;
    const v = simulate(doc, { years: 3000, seed: 3 }).variants[0];
    const [lo, hi] = v?.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo <= exact && exact <= hi, `[${lo}, ${hi}] against ${exact}`).toBe(true);
  });
});
