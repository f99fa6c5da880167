import { describe, expect, it } from 'vitest';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { findCrossings, type Box } from '../../../shared/diagram/routing';
import { toFlow, type PlanFlowNode } from './to-flow';

/** Absolute boxes of the view's nodes (positions are relative to the parent). */
function absoluteOf(flow: readonly PlanFlowNode[]): Map<string, Box> {
  const byId = new Map(flow.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  const resolve = (n: PlanFlowNode): Box => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const origin = parent ? resolve(parent) : { x: 0, y: 0 };
    const box = {
      x: origin.x + n.position.x,
      y: origin.y + n.position.y,
      width: n.width ?? 0,
      height: n.height ?? 0,
    };
    out.set(n.id, box);
    return box;
  };
  flow.forEach(resolve);
  return out;
}

const nodes: ModelNode[] = [
  // Children listed before their parents on purpose: the view must reorder them.
  { id: 'app', kind: 'service', parent: 'use1-a', instances: 2 },
  { id: 'use1-a', kind: 'zone', parent: 'use1' },
  { id: 'dns', kind: 'router', dnsTtlSeconds: 30 },
  { id: 'use1', kind: 'region', provider: 'aws', location: 'us-east-1' },
  { id: 'euw1', kind: 'region' },
  { id: 'db-euw1', kind: 'datastore', parent: 'euw1' },
  { id: 'db-use1', kind: 'datastore', parent: 'use1' },
];

const variant: Variant = {
  id: 'v',
  name: 'Variant',
  entry: 'dns',
  nodes,
  edges: [
    { from: 'dns', to: 'app', kind: 'depends' },
    { from: 'app', to: 'db-use1', kind: 'depends' },
    { from: 'app', to: 'db-euw1', kind: 'depends' },
    { from: 'db-use1', to: 'db-euw1', kind: 'replicates' },
  ],
  layout: {
    use1: { x: 40, y: 200, width: 500, height: 300 },
    'use1-a': { x: 16, y: 120, width: 232, height: 150 },
    app: { x: 16, y: 34 },
  },
};

describe('toFlow', () => {
  it('puts every container before the nodes inside it', () => {
    const { nodes: flow } = toFlow(variant, null);
    const index = new Map(flow.map((n, i) => [n.id, i]));
    for (const node of flow) {
      if (node.parentId === undefined) continue;
      expect(index.get(node.parentId), `${node.parentId} before ${node.id}`).toBeLessThan(
        index.get(node.id) ?? -1,
      );
    }
    expect(flow.map((n) => n.id).toSorted()).toEqual(nodes.map((n) => n.id).toSorted());
  });

  it('uses the saved layout, relative to the parent, with container sizes', () => {
    const byId = new Map(toFlow(variant, null).nodes.map((n) => [n.id, n]));
    expect(byId.get('use1')).toMatchObject({
      position: { x: 40, y: 200 },
      width: 500,
      height: 300,
      type: 'region',
    });
    expect(byId.get('use1-a')).toMatchObject({
      position: { x: 16, y: 120 },
      parentId: 'use1',
      width: 232,
      height: 150,
      type: 'zone',
    });
    expect(byId.get('app')).toMatchObject({
      position: { x: 16, y: 34 },
      parentId: 'use1-a',
      type: 'service',
    });
  });

  it('lays out nodes the saved layout leaves out inside their containers', () => {
    const byId = new Map(toFlow(variant, null).nodes.map((n) => [n.id, n]));
    const euw1 = byId.get('euw1');
    const db = byId.get('db-euw1');
    expect(db?.parentId).toBe('euw1');
    expect(db?.position.x).toBeGreaterThanOrEqual(0);
    expect(db?.position.y).toBeGreaterThanOrEqual(0);
    expect((db?.position.x ?? 0) + (db?.width ?? 0)).toBeLessThanOrEqual(euw1?.width ?? 0);
    expect((db?.position.y ?? 0) + (db?.height ?? 0)).toBeLessThanOrEqual(euw1?.height ?? 0);
  });

  it('keeps the identity of nodes and edges that did not change', () => {
    const first = toFlow(variant, null);
    const resized: ModelNode = { id: 'app', kind: 'service', parent: 'use1-a', instances: 3 };
    const next: Variant = { ...variant, nodes: [resized, ...nodes.slice(1)] };
    const second = toFlow(next, null, first);
    for (const node of second.nodes) {
      const before = first.nodes.find((n) => n.id === node.id);
      if (node.id === 'app') {
        expect(node).not.toBe(before);
        expect(node.data.model).toBe(resized);
      } else expect(node, node.id).toBe(before);
    }
    second.edges.forEach((edge, i) => expect(edge).toBe(first.edges[i]));
  });

  it('replaces only the nodes whose selection changed', () => {
    const first = toFlow(variant, null);
    const second = toFlow(variant, 'dns', first);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['dns']);
    expect(second.nodes.find((n) => n.id === 'dns')?.selected).toBe(true);
  });

  it('keeps the labels where they were while routes and labels stay, and places them again after', () => {
    const first = toFlow(variant, null);
    expect(first.labelSpots?.size).toBe(1);
    // A new selection: same routes, same labels.
    expect(toFlow(variant, 'app', first).labelSpots).toBe(first.labelSpots);
    // A label's text changed (sync replication is wider): placed again, on the same route.
    const sync: Variant = {
      ...variant,
      nodes: nodes.map((n) => (n.id === 'db-use1' ? { ...n, kind: 'datastore', sync: true } : n)),
    };
    const relabelled = toFlow(sync, null, first);
    expect(relabelled.routing).toBe(first.routing);
    expect(relabelled.labelSpots).not.toBe(first.labelSpots);
    expect(relabelled.edges.find((e) => e.type === 'replicates')?.data?.label).toBe('sync');
  });

  it('highlights the edges of the selected node and keeps the others', () => {
    const first = toFlow(variant, null);
    const second = toFlow(variant, 'app', first);
    const highlighted = second.edges.filter((e) => e.data?.isHighlighted).map((e) => e.id);
    expect(highlighted).toEqual(['depends:dns>app', 'depends:app>db-use1', 'depends:app>db-euw1']);
    const replication = second.edges.find((e) => e.type === 'replicates');
    expect(replication).toBe(first.edges.find((e) => e.type === 'replicates'));
  });

  it('marks a dependency between two regions as cross-region, and only that one', () => {
    const { edges } = toFlow(variant, null);
    const cross = edges.filter((e) => e.data?.isCrossRegion).map((e) => e.id);
    // dns is global: reaching a region from outside every region is not a cross-region call.
    expect(cross).toEqual(['depends:app>db-euw1']);
  });

  it('labels replication with its mode and draws edges by kind', () => {
    const { edges } = toFlow(variant, null);
    const replication = edges.find((e) => e.type === 'replicates');
    expect(replication).toMatchObject({ source: 'db-use1', target: 'db-euw1' });
    expect(replication?.data?.label).toBe('async');
    const sync: Variant = {
      ...variant,
      nodes: nodes.map((n) => (n.id === 'db-use1' ? { ...n, kind: 'datastore', sync: true } : n)),
    };
    expect(toFlow(sync, null).edges.find((e) => e.type === 'replicates')?.data?.label).toBe('sync');
  });

  it('routes every edge around the cards, by the handles on the sides its route uses', () => {
    const { nodes: flow, edges } = toFlow(variant, null);
    const boxes = absoluteOf(flow);
    const cards = flow.filter((n) => n.type !== 'region' && n.type !== 'zone');
    for (const edge of edges) {
      const route = edge.data?.route;
      expect(route, edge.id).toBeDefined();
      const points = route ?? [];
      // dns sits in the band above the regions, app in a zone of us-east-1 with the datastore
      // card above it: the route goes round, never through a card.
      expect(
        findCrossings(
          [points],
          cards.map((c) => boxes.get(c.id)!),
        ),
        edge.id,
      ).toEqual([]);
      const side = (id: string, p: readonly [number, number]) => {
        const b = boxes.get(id)!;
        if (p[1] === b.y) return 'top';
        if (p[1] === b.y + b.height) return 'bottom';
        return p[0] === b.x ? 'left' : 'right';
      };
      expect(edge.sourceHandle).toBe(side(edge.source, points[0]!));
      expect(edge.targetHandle).toBe(side(edge.target, points[points.length - 1]!));
    }
    // The one label (async replication) sits on its route, outside every card.
    const replication = edges.find((e) => e.type === 'replicates');
    const at = replication?.data?.labelAt;
    const route = replication?.data?.route ?? [];
    expect(at).toBeDefined();
    const [x, y] = at ?? [NaN, NaN];
    const onRoute = route.slice(1).some((b, k) => {
      const a = route[k]!;
      const within = (v: number, p: number, q: number) =>
        v >= Math.min(p, q) && v <= Math.max(p, q);
      return within(x, a[0], b[0]) && within(y, a[1], b[1]);
    });
    expect(onRoute).toBe(true);
    const inside = cards.some((c) => {
      const b = boxes.get(c.id)!;
      return x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
    });
    expect(inside).toBe(false);
  });

  it('in scenario mode dims edges to stopped nodes and draws those between survivors', () => {
    const marks = new Map([
      ['dns', 'survivor'],
      ['app', 'survivor'],
      ['db-use1', 'stopped'],
      ['db-euw1', 'survivor'],
    ] as const);
    const selection = { nodes: new Set<string>(), edges: new Set<string>(), marks };
    const view = toFlow(variant, selection);
    const classOf = (from: string, to: string) =>
      view.edges.find((e) => e.source === from && e.target === to)?.className;
    expect(classOf('dns', 'app')).toBe('is-surviving');
    expect(classOf('app', 'db-euw1')).toBe('is-surviving');
    expect(classOf('app', 'db-use1')).toBe('is-stopped');
    expect(classOf('db-use1', 'db-euw1')).toBe('is-stopped');
    // Leaving scenario mode gives the edges back without a class.
    const after = toFlow(variant, null, view);
    expect(after.edges.every((e) => e.className === undefined)).toBe(true);
  });
});
