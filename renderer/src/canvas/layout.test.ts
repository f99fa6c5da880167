import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../shared/model/types';
import { CARD, dependencyDepth, layoutVariant, type Box } from './layout';

const variant: Variant = {
  id: 'v',
  name: 'Variant',
  entry: 'dns',
  nodes: [
    { id: 'dns', kind: 'router' },
    { id: 'r1', kind: 'region' },
    { id: 'r1-a', kind: 'zone', parent: 'r1' },
    { id: 'r1-b', kind: 'zone', parent: 'r1' },
    { id: 'lb', kind: 'router', parent: 'r1' },
    { id: 'app', kind: 'service', parent: 'r1' },
    { id: 'db-a', kind: 'datastore', parent: 'r1-a' },
    { id: 'db-b', kind: 'datastore', parent: 'r1-b' },
    { id: 'r2', kind: 'region' },
    { id: 'saas', kind: 'external' },
  ],
  edges: [
    { from: 'dns', to: 'lb', kind: 'depends' },
    { from: 'lb', to: 'app', kind: 'depends' },
    { from: 'app', to: 'db-a', kind: 'depends' },
    { from: 'app', to: 'saas', kind: 'depends' },
    { from: 'db-a', to: 'db-b', kind: 'replicates' },
  ],
};

const within = (inner: Box, outer: Box) =>
  inner.x >= 0 &&
  inner.y >= 0 &&
  inner.x + inner.width <= outer.width &&
  inner.y + inner.height <= outer.height;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutVariant', () => {
  const boxes = layoutVariant(variant);
  const box = (id: string): Box => {
    const found = boxes.get(id);
    if (!found) throw new Error(`no box for ${id}`);
    return found;
  };

  it('gives every node a box', () => {
    expect([...boxes.keys()].toSorted()).toEqual(variant.nodes.map((n) => n.id).toSorted());
  });

  it('keeps every child inside its container', () => {
    for (const node of variant.nodes) {
      if (node.parent) expect(within(box(node.id), box(node.parent)), node.id).toBe(true);
    }
  });

  it('does not overlap siblings', () => {
    const siblings = new Map<string | undefined, string[]>();
    for (const n of variant.nodes)
      siblings.set(n.parent, [...(siblings.get(n.parent) ?? []), n.id]);
    for (const ids of siblings.values()) {
      for (const a of ids) {
        for (const b of ids) {
          if (a < b) expect(overlaps(box(a), box(b)), `${a} and ${b}`).toBe(false);
        }
      }
    }
  });

  it('puts the global entry above the regions and other global nodes below', () => {
    expect(box('dns').y + CARD.height).toBeLessThanOrEqual(box('r1').y);
    expect(box('saas').y).toBeGreaterThanOrEqual(box('r1').y + box('r1').height);
  });

  it('stacks a region’s own components by dependency depth, above its zones', () => {
    expect(box('lb').y).toBeLessThan(box('app').y);
    expect(box('app').y + CARD.height).toBeLessThanOrEqual(box('r1-a').y);
    expect(box('r1-a').x).toBeLessThan(box('r1-b').x);
    expect(box('r1-a').height).toBe(box('r1-b').height);
  });

  it('gives a saved position precedence and grows the container to enclose it', () => {
    const moved = layoutVariant({ ...variant, layout: { app: { x: 900, y: 40 } } });
    expect(moved.get('app')).toMatchObject({ x: 900, y: 40 });
    const r1 = moved.get('r1');
    expect((r1?.width ?? 0) >= 900 + CARD.width).toBe(true);
  });

  it('is deterministic', () => {
    expect(layoutVariant(variant)).toEqual(layoutVariant(structuredClone(variant)));
  });
});

describe('dependencyDepth', () => {
  it('is the longest chain of depends edges leading to a node', () => {
    const depth = dependencyDepth(variant);
    expect(depth.get('dns')).toBe(0);
    expect(depth.get('lb')).toBe(1);
    expect(depth.get('db-a')).toBe(3);
    expect(depth.get('db-b')).toBe(0); // replication is not a dependency
  });
});
