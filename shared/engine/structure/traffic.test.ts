import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../model/types';
import { dep, singleVariant, workedExample } from '../../testing/builders';
import { resolveGraph } from './graph';
import { trafficShares } from './traffic';

function shares(doc: NinesDocument) {
  const graph = resolveGraph(doc.variants[0] as NinesDocument['variants'][number], []);
  if (!graph) throw new Error('unresolved');
  return trafficShares(doc, graph);
}

const twoRegions: ModelNode[] = [
  { id: 'dns', kind: 'router' },
  { id: 'r1', kind: 'region' },
  { id: 'r2', kind: 'region' },
  { id: 'lb1', kind: 'router', parent: 'r1' },
  { id: 'a1', kind: 'service', parent: 'r1' },
  { id: 'b1', kind: 'service', parent: 'r1' },
  { id: 'a2', kind: 'service', parent: 'r2' },
  { id: 'db', kind: 'datastore' },
];
const edges = [
  dep('dns', 'lb1'),
  dep('dns', 'a2'),
  dep('lb1', 'a1'),
  dep('lb1', 'b1'),
  dep('a1', 'db'),
  dep('b1', 'db'),
  dep('a2', 'db'),
];

describe('trafficShares', () => {
  it('splits the worked example 50/50', () => {
    const t = shares(workedExample());
    expect(t.routed.get('dns>app-r1')).toBe(0.5);
    expect(t.node.get('app-r2')).toBe(0.5);
  });

  it('follows trafficShare through nested routers and counts a shared node once', () => {
    const t = shares(
      singleVariant('dns', twoRegions, edges, { trafficShare: { r1: 0.8, r2: 0.2 } }),
    );
    expect(t.routed.get('dns>lb1')).toBeCloseTo(0.8, 15);
    expect(t.routed.get('dns>a2')).toBeCloseTo(0.2, 15);
    // The regional balancer's targets share its region: an equal split of its 80 %.
    expect(t.routed.get('lb1>a1')).toBeCloseTo(0.4, 15);
    expect(t.split.get('lb1>b1')).toBeCloseTo(0.5, 15);
    expect(t.node.get('db')).toBeCloseTo(1, 15);
  });

  it('splits equally without shares, and when a target is global', () => {
    expect(shares(singleVariant('dns', twoRegions, edges)).routed.get('dns>a2')).toBe(0.5);
    const withGlobal = singleVariant('dns', twoRegions, [...edges, dep('dns', 'db')], {
      trafficShare: { r1: 1, r2: 0 },
    });
    expect(shares(withGlobal).split.get('dns>db')).toBeCloseTo(1 / 3, 15);
  });

  it('sends the requests of an active-passive group to its primary', () => {
    const t = shares(
      singleVariant(
        'app',
        [
          { id: 'app', kind: 'service' },
          { id: 'p', kind: 'datastore', replication: 'active-passive' },
          { id: 's', kind: 'datastore', replication: 'active-passive', role: 'primary' },
        ],
        [dep('app', 'p'), { from: 'p', to: 's', kind: 'replicates' }],
      ),
    );
    expect(t.node.get('s')).toBe(1);
    expect(t.node.has('p')).toBe(false);
  });
});
