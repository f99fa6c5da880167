import { describe, expect, it } from 'vitest';
import { addNode } from '../../../shared/model/ops/add-node';
import { moveNodes } from '../../../shared/model/ops/move';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore } from './create-store';
import { HISTORY_LIMIT } from './slices/history';

function openEmpty() {
  const store = createPlannerStore();
  const document = emptyDocument();
  store.getState().openDocument({
    document,
    fileId: null,
    name: 'untitled.nines.json',
    savedText: serializeDocument(document),
  });
  return store;
}

const addService = (store: ReturnType<typeof openEmpty>) =>
  store
    .getState()
    .commit('Add service', (d) => addNode(d, 'v1', 'service', undefined, { x: 0, y: 0 }).document);

describe('history', () => {
  it('undoes and redoes one step per commit', () => {
    const store = openEmpty();
    const start = store.getState().document;
    addService(store);
    const added = store.getState().document;
    expect(added?.variants[0]?.nodes).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document).toBe(start);
    store.getState().redo();
    expect(store.getState().document).toBe(added);
  });

  it('adds the standard drills of a new region in the same step, so one undo takes both', () => {
    const store = openEmpty();
    const start = store.getState().document;
    store
      .getState()
      .commit('Add region', (d) => addNode(d, 'v1', 'region', undefined, { x: 0, y: 0 }).document);
    expect(store.getState().document?.scenarios).toEqual([
      { id: 'region-outage-region-1', name: 'Region outage (region-1)', fail: ['region-1'] },
    ]);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document).toBe(start);
  });

  it('records a whole drag as one step', () => {
    const store = openEmpty();
    addService(store);
    const before = store.getState().document;
    store.getState().beginGesture('Move');
    for (const x of [10, 20, 30, 40]) {
      store
        .getState()
        .commit('Move', (d) =>
          moveNodes(
            d,
            'v1',
            [{ nodeId: 'app-1', parentId: undefined, absolute: { x, y: 0 } }],
            new Map(),
          ),
        );
    }
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().document).toBe(before);
  });

  it('records nothing for selection, for an unchanged document or an empty gesture', () => {
    const store = openEmpty();
    addService(store);
    store.getState().selectNode('app-1');
    store.getState().setSelection([], []);
    store.getState().commit('Nothing', (d) => d);
    store.getState().beginGesture('Move');
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(1);
  });

  it('keeps a refused edit out of the document and returns the reason', () => {
    const store = openEmpty();
    addService(store);
    const message = store
      .getState()
      .commitEdit('Instances', (d) => updateNodeField(d, 'v1', 'app-1', 'instances', 0));
    expect(message).toBe('must be a positive integer');
    expect(store.getState().past).toHaveLength(1);
  });

  it('clears the redo stack on a new step, drops selected nodes that undo removes, keeps at most the limit', () => {
    const store = openEmpty();
    addService(store);
    store.getState().selectNode('app-1');
    store.getState().undo();
    expect(store.getState().selectedNodeIds).toEqual([]);
    addService(store);
    expect(store.getState().future).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) addService(store);
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('starts a fresh history for each opened document', () => {
    const store = openEmpty();
    addService(store);
    const document = emptyDocument('Other');
    store.getState().openDocument({ document, fileId: null, name: 'o', savedText: '' });
    expect(store.getState().past).toEqual([]);
  });

  it('a step that moved the view brings the view back with its document (auto-layout)', () => {
    // Issue 17: undoing Auto-layout put the positions back but left the fitted view.
    const store = openEmpty();
    addService(store);
    const before = { x: -80, y: 210, zoom: 0.54 };
    const fitted = { x: 12, y: 232, zoom: 0.6 };
    const id = store.getState().document?.variants[0]?.nodes[0]?.id ?? '';
    const laidOut = (d: NinesDocument) =>
      moveNodes(
        d,
        'v1',
        [{ nodeId: id, parentId: undefined, absolute: { x: 300, y: 40 } }],
        new Map(),
      );
    store.getState().commit('Auto-layout', laidOut, before);
    store.getState().setViewReader(() => fitted);
    store.getState().undo();
    expect(store.getState().viewRequest?.view).toEqual(before);
    store.getState().clearViewRequest();
    store.getState().setViewReader(() => before);
    store.getState().redo();
    expect(store.getState().viewRequest?.view).toEqual(fitted);
  });

  it('a step that did not move the view leaves the view alone', () => {
    const store = openEmpty();
    addService(store);
    store.getState().setViewReader(() => ({ x: 1, y: 2, zoom: 1 }));
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().viewRequest).toBeNull();
  });
});
