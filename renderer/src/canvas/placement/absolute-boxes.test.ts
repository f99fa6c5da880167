import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../../shared/model/types';
import { generatedModel } from '../../../../shared/testing/generated-model';
import { BUNDLED_TEMPLATES } from '../../app/templates';
import { layoutVariant } from '../layout';
import { absoluteBox, absoluteBoxes } from './variant-geometry';

describe('absoluteBoxes', () => {
  const variants: Variant[] = [
    ...BUNDLED_TEMPLATES.flatMap((t) => (t.parsed.ok ? t.parsed.document.variants : [])),
    ...[3, 33].flatMap((regions) => generatedModel(regions).variants),
  ];

  it('gives every node the box absoluteBox gives it, in every template and generated design', () => {
    for (const variant of variants) {
      const boxes = layoutVariant(variant);
      const all = absoluteBoxes(variant, boxes);
      expect(all.size).toBe(variant.nodes.length);
      for (const node of variant.nodes) {
        expect(all.get(node.id)).toEqual(absoluteBox(variant, boxes, node.id));
      }
    }
  });

  it('ends the walk up at a parent that is also a descendant, as absoluteBox does', () => {
    const variant: Variant = {
      id: 'v',
      name: 'V',
      entry: 'a',
      nodes: [
        { id: 'a', kind: 'region', parent: 'b' },
        { id: 'b', kind: 'zone', parent: 'a' },
        { id: 'c', kind: 'service', parent: 'b' },
      ],
      edges: [],
    };
    const boxes = new Map([
      ['a', { x: 1, y: 2, width: 10, height: 10 }],
      ['b', { x: 10, y: 20, width: 5, height: 5 }],
      ['c', { x: 100, y: 200, width: 1, height: 1 }],
    ]);
    const all = absoluteBoxes(variant, boxes);
    for (const id of ['a', 'b', 'c']) expect(all.get(id)).toEqual(absoluteBox(variant, boxes, id));
  });
});
