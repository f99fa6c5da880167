import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../shared/model/types';
import { createFlowViewCache } from './flow-cache';

const variant: Variant = {
  id: 'v',
  name: 'V',
  entry: 'api',
  nodes: [
    { id: 'r', kind: 'region' },
    { id: 'api', kind: 'service', parent: 'r' },
  ],
  edges: [],
};

describe('createFlowViewCache', () => {
  it('hands back the same node objects when only the selection elsewhere changes', () => {
    const cache = createFlowViewCache();
    const first = cache.view(variant, null);
    const second = cache.view(variant, 'api');
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    const third = cache.view(variant, 'api');
    expect(third.nodes).toEqual(second.nodes);
    third.nodes.forEach((node, i) => expect(node).toBe(second.nodes[i]));
  });

  it('keeps one cache per canvas', () => {
    const a = createFlowViewCache();
    const b = createFlowViewCache();
    expect(b.view(variant, null).nodes[0]).not.toBe(a.view(variant, null).nodes[0]);
  });
});
