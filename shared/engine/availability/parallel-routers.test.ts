import { describe, expect, it } from 'vitest';
import { applyFix } from '../../model/ops/fixes';
import type { NinesDocument } from '../../model/types';
import { workedExample } from '../../testing/builders';
import { bruteForce } from '../../testing/oracle';
import { evaluate } from '../index';

/** The worked example with capacity: each region's app carries 600 of the 1,000 requests/s. */
function withCapacity(): NinesDocument {
  const doc = workedExample();
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  variant.nodes = variant.nodes.map((n) =>
    n.kind === 'service' ? { ...n, instances: 2, minHealthy: 1, capacityRps: 300 } : n,
  );
  return { ...doc, workload: { ...doc.workload, requestsPerSecond: 1000 } };
}

/** The document with a second DNS provider beside `dns` under a resolver-side choice. */
function withSecondProvider(doc: NinesDocument): NinesDocument {
  return applyFix(doc, 'v', {
    kind: 'add-dns-provider',
    routerId: 'dns',
    newId: 'dns-2',
    resolverId: 'dns-resolvers',
  });
}

function figures(doc: NinesDocument) {
  const v = evaluate(doc).variants[0];
  if (!v?.availability) throw new Error(`not evaluated: ${JSON.stringify(v?.issues)}`);
  return v.availability;
}

describe('two DNS providers under a resolver-side choice', () => {
  it('has the structural unavailability of brute-force enumeration', () => {
    const fixed = withSecondProvider(withCapacity());
    const oracle = bruteForce(fixed);
    expect(Math.abs(figures(fixed).unavailability.structural - oracle.unavailability)).toBeLessThan(
      1e-15,
    );
    // The router alone was a cut set; now only both providers together are.
    expect(oracle.cutSets).toContainEqual(['dns', 'dns-2']);
    expect(oracle.cutSets).not.toContainEqual(['dns']);
  });
  it('splits the requests over the regions as one provider did (U_capacity unchanged)', () => {
    const doc = withCapacity();
    // The oracle enumerates U_capacity for a router whose targets are the capacity tiers.
    const oracle = bruteForce(doc).capacity;
    expect(oracle).toBeGreaterThan(1e-6);
    expect(Math.abs(figures(doc).unavailability.capacity - oracle)).toBeLessThan(1e-15);
    // Either provider splits a request over the same regions: the load on each is as before.
    const fixed = figures(withSecondProvider(doc)).unavailability.capacity;
    expect(Math.abs(fixed - oracle)).toBeLessThan(1e-15);
  });
});
