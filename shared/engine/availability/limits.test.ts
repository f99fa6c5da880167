/**
 * The engine's work limits: shapes that used to blow up are evaluated exactly (checked against
 * brute force or a closed form), and shapes past a stated limit are refused before any analysis
 * with an issue that names the limit.
 */
import { describe, expect, it } from 'vitest';
import type { ModelNode } from '../../model/types';
import { bruteForce } from '../../testing/oracle';
import { sharedDependencies } from '../../testing/budget-models';
import { dep, singleVariant } from '../../testing/builders';
import { generatedModel } from '../../testing/generated-model';
import { MAX_PATH_LENGTH, MAX_REQUEST_CLASSES } from '../structure';
import { MAX_SCENARIO_NODES, evaluate } from './evaluate';

const region: ModelNode = { id: 'r', kind: 'region', availability: 0.9999 };

describe('engine work limits', () => {
  it('a k-of-n whose arguments share dependencies equals brute force', () => {
    const doc = sharedDependencies(4, 2, 3);
    const v = evaluate(doc).variants[0];
    const oracle = bruteForce(doc);
    expect(v?.availability?.unavailability.structural).toBeCloseTo(oracle.unavailability, 13);
    expect(v?.cutSets.map((c) => [...c.events].sort().join(' ')).sort()).toEqual(
      oracle.cutSets.map((c) => c.join(' ')).sort(),
    );
  });

  it('a k-of-n over 300 services that share 300 datastores equals its closed form', () => {
    const doc = sharedDependencies(300, 150, 300);
    const v = evaluate(doc).variants[0];
    // Up = region · router · every datastore · P(Binomial(300, 0.99) ≥ 150).
    let dist = [1];
    for (let i = 0; i < 300; i++) {
      dist = [...dist, 0].map((w, c) => 0.01 * w + 0.99 * (c > 0 ? (dist[c - 1] as number) : 0));
    }
    const enough = dist.slice(150).reduce((a, b) => a + b, 0);
    const up = 0.9999 * 0.9999 * 0.999 ** 300 * enough;
    expect(v?.availability?.structural).toBeCloseTo(up, 12);
  });

  it('builds the diagram of a router over regions region by region, not level by level', () => {
    // The regions share the database in the first two: conjoined pairwise, every level rebuilt
    // the regions' nodes (150,385 nodes for 12 regions × 3 zones, 573,213 for 40).
    const nodes = (regions: number): number => {
      let count = 0;
      evaluate(generatedModel(regions), undefined, { onDiagramNodes: (n) => (count = n) });
      return count;
    };
    expect(nodes(12)).toBeLessThan(100_000);
    expect(nodes(40)).toBeLessThan(260_000);
  });

  it('refuses a request path longer than the limit, naming it', () => {
    const n = MAX_PATH_LENGTH + 1;
    const nodes = Array.from({ length: n }, (_, i): ModelNode => ({
      id: `s${i}`,
      kind: 'service',
      parent: 'r',
    }));
    const doc = singleVariant(
      's0',
      [region, ...nodes],
      nodes.slice(1).map((s, i) => dep(`s${i}`, s.id)),
    );
    const v = evaluate(doc).variants[0];
    expect(v?.availability).toBeNull();
    expect(v?.issues).toContainEqual(
      expect.objectContaining({
        code: 'over-limit',
        severity: 'error',
        message: expect.stringContaining(`${n}\u00a0nodes`),
      }),
    );
    // One node fewer is evaluated.
    const shorter = singleVariant(
      's0',
      [region, ...nodes.slice(0, -1)],
      nodes.slice(1, -1).map((s, i) => dep(`s${i}`, s.id)),
    );
    expect(evaluate(shorter).variants[0]?.availability).not.toBeNull();
  });

  it('refuses routers whose choices multiply the routes past the limit, naming it', () => {
    // Six layers of eight routers, each needing 4 of the next layer's 8: 8^6 routes.
    const nodes: ModelNode[] = [region];
    const edges = [];
    for (let layer = 0; layer < 6; layer++) {
      for (let j = 0; j < 8; j++) {
        nodes.push({ id: `l${layer}r${j}`, kind: 'router', parent: 'r', minTargets: 4 });
        if (layer > 0)
          for (let k = 0; k < 8; k++) edges.push(dep(`l${layer - 1}r${k}`, `l${layer}r${j}`));
      }
    }
    nodes.push(
      { id: 'top', kind: 'router', parent: 'r', minTargets: 4 },
      { id: 'app', kind: 'service', parent: 'r' },
    );
    for (let k = 0; k < 8; k++) edges.push(dep('top', `l0r${k}`), dep(`l5r${k}`, 'app'));
    const v = evaluate(singleVariant('top', nodes, edges)).variants[0];
    expect(8 ** 6).toBeGreaterThan(MAX_REQUEST_CLASSES);
    expect(v?.availability).toBeNull();
    expect(v?.issues).toContainEqual(
      expect.objectContaining({ code: 'over-limit', message: expect.stringContaining('250,000') }),
    );
  });

  it('refuses more scenarios × nodes than the limit, naming it', () => {
    const doc = sharedDependencies(2, 1, 1);
    const nodes = doc.variants[0]?.nodes.length as number;
    const count = Math.floor(MAX_SCENARIO_NODES / nodes) + 1;
    doc.scenarios = Array.from({ length: count }, (_, i) => ({
      id: `x${i}`,
      name: `x${i}`,
      fail: ['s0'],
    }));
    const v = evaluate(doc).variants[0];
    expect(v?.availability).toBeNull();
    expect(v?.issues).toContainEqual(
      expect.objectContaining({
        code: 'over-limit',
        message: expect.stringContaining('1,000,000'),
      }),
    );
  });

  it('lists the most probable cut sets of a 1,000-instance tier and counts the rest', () => {
    const doc = singleVariant('app', [
      region,
      {
        id: 'app',
        kind: 'service',
        parent: 'r',
        instances: 1000,
        minHealthy: 998,
        availability: 0.999,
      },
    ]);
    const v = evaluate(doc, undefined, { maxCutSets: 5 }).variants[0];
    expect(v?.cutSets).toHaveLength(5);
    expect(v?.cutSets[0]?.events).toEqual(['r']);
    expect(v?.cutSetCount).toEqual({ total: 1 + (1000 * 999 * 998) / 6, maxOrder: 3 });
    expect(v?.cutSets[1]?.events).toEqual(['app#0', 'app#1', 'app#2']);
  });
});
