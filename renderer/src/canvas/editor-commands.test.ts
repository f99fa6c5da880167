import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/schema/parse';
import { serializeDocument } from '../../../shared/schema/serialize';
import { BUNDLED_TEMPLATES } from '../app/templates';
import { createPlannerStore } from '../store/create-store';
import {
  addNodeAt,
  connectNodes,
  copySelection,
  deleteSelection,
  dropDragged,
  duplicateSelection,
  nudgeSelection,
  pasteClipboard,
  selectAll,
} from './editor-commands';
import { layoutVariant } from './layout';
import { absoluteBox } from './placement';
import { overlapsIn } from './placement/overlaps.testing';

function openTemplate(stem: string) {
  const template = BUNDLED_TEMPLATES.find((t) => t.stem === stem);
  if (!template?.parsed.ok) throw new Error(`no template ${stem}`);
  const store = createPlannerStore();
  const { document } = template.parsed;
  store.getState().openDocument({
    document,
    fileId: null,
    name: `${stem}.nines.json`,
    savedText: serializeDocument(document),
  });
  return store;
}

const variant = (store: ReturnType<typeof openTemplate>) =>
  store.getState().document?.variants.find((v) => v.id === store.getState().activeVariantId);
const isValid = (store: ReturnType<typeof openTemplate>) =>
  parseDocument(structuredClone(store.getState().document)).ok;

describe('editor commands', () => {
  it('adds a node in the deepest container under the point that may hold it', () => {
    const store = openTemplate('active-active-2-regions');
    // The first zone of us-east-1 sits at the bottom of the region; aim inside it.
    const zone = addNodeAt(store, 'zone', { x: 40, y: 300 });
    expect(variant(store)?.nodes.find((n) => n.id === zone)?.parent).toBe('use1');
    const outside = addNodeAt(store, 'zone', { x: -500, y: -500 });
    expect(outside).toBeNull();
    const global = addNodeAt(store, 'external', { x: -500, y: -500 });
    expect(variant(store)?.nodes.find((n) => n.id === global)?.parent).toBeUndefined();
    expect(store.getState().selectedNodeId).toBe(global);
    expect(isValid(store)).toBe(true);
  });

  it('copies and pastes the selection with fresh ids as one step, then deletes it', () => {
    const store = openTemplate('active-active-2-regions');
    store.getState().setSelection(['use1'], []);
    expect(copySelection(store)).toBe(true);
    expect(pasteClipboard(store)).toBe(true);
    const count = variant(store)?.nodes.length ?? 0;
    // The copy of the region is selected, not also everything in it.
    expect(store.getState().selectedNodeIds).toEqual(['region-1']);
    expect(store.getState().past).toHaveLength(1);
    expect(isValid(store)).toBe(true);
    expect(deleteSelection(store)).toBe(true);
    expect(variant(store)?.nodes.some((n) => n.id === 'region-1')).toBe(false);
    expect(variant(store)?.nodes.length).toBeLessThan(count);
    expect(store.getState().past).toHaveLength(2);
  });

  it('duplicates a region right of the rightmost region and selects only the copy', () => {
    const store = openTemplate('active-active-2-regions');
    const boxOf = (id: string) => {
      const v = variant(store);
      if (!v) throw new Error('no variant');
      return absoluteBox(v, layoutVariant(v), id);
    };
    const [east, west] = [boxOf('use1'), boxOf('euw1')];
    store.getState().setSelection(['use1'], []);
    expect(duplicateSelection(store)).toBe(true);
    const [copy, ...more] = store.getState().selectedNodeIds;
    expect(more).toEqual([]);
    expect(variant(store)?.nodes.find((n) => n.id === copy)?.kind).toBe('region');
    const box = boxOf(copy ?? '');
    expect(box.x).toBeGreaterThanOrEqual(Math.max(east.x + east.width, west.x + west.width));
    expect(box.y).toBe(east.y);
    const after = variant(store);
    expect(after && overlapsIn(after)).toEqual([]);
    expect(store.getState().past).toHaveLength(1);
    expect(isValid(store)).toBe(true);
  });

  it('nudges the selection, selects all, and moves a dragged node out of its region', () => {
    const store = openTemplate('active-active-2-regions');
    store.getState().selectNode('dns');
    const before = variant(store)?.layout?.dns;
    nudgeSelection(store, { x: 10, y: 0 });
    expect(variant(store)?.layout?.dns?.x).toBe((before?.x ?? 0) + 10);
    selectAll(store);
    expect(store.getState().selectedNodeIds).toHaveLength(variant(store)?.nodes.length ?? -1);
    dropDragged(store, [
      { id: 'app-use1', absolute: { x: -800, y: -800 }, width: 200, height: 72 },
    ]);
    expect(variant(store)?.nodes.find((n) => n.id === 'app-use1')?.parent).toBeUndefined();
    expect(isValid(store)).toBe(true);
  });

  it('draws replication between datastores and never a cycle', () => {
    const store = openTemplate('active-active-2-regions');
    const edges = variant(store)?.edges.length ?? 0;
    connectNodes(store, 'redis-use1', 'app-use1'); // app depends on redis: would close a cycle
    expect(variant(store)?.edges).toHaveLength(edges);
    connectNodes(store, 'app-use1', 'app-euw1');
    expect(variant(store)?.edges).toContainEqual({
      from: 'app-use1',
      to: 'app-euw1',
      kind: 'depends',
    });
  });
});
