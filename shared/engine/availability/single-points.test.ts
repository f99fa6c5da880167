import { describe, expect, it } from 'vitest';
import { dep, singleVariant } from '../../testing/builders';
import { bruteForce } from '../../testing/oracle';
import { evaluate } from '../index';
import type { ModelNode } from '../../model/types';

/**
 * Two DNS providers under a resolver-side choice over one service: `resolver` is a router at
 * `resolverAvailability`.
 */
function twoProviders(resolverAvailability: number) {
  const nodes: ModelNode[] = [
    { id: 'resolver', kind: 'router', availability: resolverAvailability },
    { id: 'dns-a', kind: 'router', availability: 0.9999 },
    { id: 'dns-b', kind: 'router', availability: 0.999 },
    { id: 'app', kind: 'service', availability: 0.99 },
  ];
  const edges = [
    dep('resolver', 'dns-a'),
    dep('resolver', 'dns-b'),
    dep('dns-a', 'app'),
    dep('dns-b', 'app'),
  ];
  return singleVariant('resolver', nodes, edges);
}

describe('single points of failure', () => {
  it('leaves out an event that cannot fail (a resolver-side choice at availability 1)', () => {
    const doc = twoProviders(1);
    const v = evaluate(doc).variants[0];
    expect(v?.singlePointsOfFailure).toEqual(['app']);
    // It is still a cut set (one that never happens), as the oracle counts it.
    expect(v?.cutSets.map((c) => c.events)).toContainEqual(['resolver']);
    expect(bruteForce(doc).cutSets).toContainEqual(['resolver']);
    const structural = v?.availability?.unavailability.structural ?? NaN;
    expect(Math.abs(structural - bruteForce(doc).unavailability)).toBeLessThan(1e-15);
    expect(structural).toBeCloseTo(1 - 0.99 * (1 - 0.0001 * 0.001), 15);
  });
  it('keeps one that can, however reliable', () => {
    const v = evaluate(twoProviders(0.9999999)).variants[0];
    expect(v?.singlePointsOfFailure).toEqual(['app', 'resolver']);
  });
});
