import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import type { NinesDocument, Variant } from '../../../shared/model/types';
import { layoutVariant } from './layout';
import { absoluteBox, centreOf, placeNode } from './placement';
import { revealCentre } from './reveal-new';

const only = (doc: NinesDocument): Variant => doc.variants[0] as Variant;

describe('revealCentre', () => {
  const empty = emptyDocument();
  const vid = only(empty).id;
  const first = placeNode(empty, vid, 'region', undefined, { x: 200, y: 200 });
  const second = placeNode(first.document, vid, 'region', undefined, { x: 2000, y: 200 });
  const variant = only(second.document);
  const known = new Set(only(first.document).nodes.map((n) => n.id));
  const newBox = absoluteBox(variant, layoutVariant(variant), second.nodeId);

  it('centres a new selected node that is out of view', () => {
    const view = { x: 0, y: 0, width: 800, height: 600 };
    expect(revealCentre(variant, [second.nodeId], known, view)).toEqual(centreOf(newBox));
  });

  it('leaves the view alone when the new node is in view, or the selection is not new', () => {
    const wide = { x: 0, y: 0, width: 4000, height: 2000 };
    expect(revealCentre(variant, [second.nodeId], known, wide)).toBeNull();
    const view = { x: 0, y: 0, width: 800, height: 600 };
    const all = new Set(variant.nodes.map((n) => n.id));
    expect(revealCentre(variant, [second.nodeId], all, view)).toBeNull();
    expect(revealCentre(variant, [], known, view)).toBeNull();
  });
});
