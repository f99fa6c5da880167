// "Move to…" from the keyboard offers the containers a drag could drop the node in, and the move
// lands inside the chosen one, as one undo step, covering nothing.
import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText } from '../../../shared/schema/parse';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import { storeWith } from '../store/testing';
import { selectActiveVariant } from '../store/selectors';
import { moveNodeInto } from './editor-commands';
import { layoutVariant } from './layout';
import { moveTargets, TOP_LEVEL_LABEL } from './move-targets';
import { absoluteBox, isInside } from './placement';
import { overlapsIn } from './placement/overlaps.testing';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const document = parsed.document;
const variant = document.variants[0]!;
const targetsOf = (id: string) => moveTargets(variant, id).map((t) => t.parentId ?? 'top');

describe('moveTargets', () => {
  it('offers a component every zone and region but its own, and the top level', () => {
    // app-use1 sits in the region us-east-1 (use1), beside its three zones.
    expect(targetsOf('app-use1')).toEqual([
      'use1-a',
      'use1-b',
      'use1-c',
      'euw1',
      'euw1-a',
      'euw1-b',
      'euw1-c',
      'top',
    ]);
  });

  it('offers a zone the other regions only, a region nothing, a global node no top level', () => {
    expect(targetsOf('use1-a')).toEqual(['euw1']);
    expect(targetsOf('use1')).toEqual([]);
    expect(targetsOf('dns')).toEqual([
      'use1',
      'use1-a',
      'use1-b',
      'use1-c',
      'euw1',
      'euw1-a',
      'euw1-b',
      'euw1-c',
    ]);
  });

  it('names each choice by the container, with its kind and place', () => {
    const labels = moveTargets(variant, 'app-use1').map((t) => t.label);
    expect(labels[0]).toBe('into Zone use1-a (US East (N. Virginia))');
    expect(labels[3]).toBe('into Region Europe (Ireland)');
    expect(labels.at(-1)).toBe(TOP_LEVEL_LABEL);
  });
});

describe('moveNodeInto', () => {
  const cases: [string, string | undefined][] = [
    ['app-use1', 'use1-b'],
    ['app-use1', 'euw1'],
    ['app-use1', undefined],
    ['use1-a', 'euw1'],
    ['dns', 'euw1-c'],
  ];
  for (const [nodeId, parentId] of cases) {
    it(`moves ${nodeId} into ${parentId ?? 'the top level'}: inside it, covering nothing, one step`, () => {
      const store = storeWith(document);
      moveNodeInto(store, nodeId, parentId);
      const state = store.getState();
      expect(state.past.map((s) => s.label)).toEqual(['Move']);
      expect(parseDocument(structuredClone(state.document)).ok).toBe(true);
      const after = selectActiveVariant(state)!;
      expect(after.nodes.find((n) => n.id === nodeId)?.parent).toBe(parentId);
      expect(overlapsIn(after)).toEqual([]);
      if (parentId !== undefined) {
        const boxes = layoutVariant(after);
        const box = absoluteBox(after, boxes, nodeId);
        expect(isInside(box, absoluteBox(after, boxes, parentId))).toBe(true);
      }
      state.undo();
      expect(store.getState().document).toEqual(document);
    });
  }
});
