import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type LoadedDocument } from './create-store';
import { selectActiveVariant, selectIsDirty, selectSelectedNode } from './selectors';

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Two variants',
  variants: [
    {
      id: 'one',
      name: 'One',
      entry: 'app',
      nodes: [
        { id: 'r', kind: 'region' },
        { id: 'app', kind: 'service', parent: 'r' },
      ],
      edges: [],
    },
    {
      id: 'two',
      name: 'Two',
      entry: 'api',
      nodes: [{ id: 'api', kind: 'service' }],
      edges: [],
    },
  ],
};

const loaded = (doc: NinesDocument = document): LoadedDocument => ({
  document: doc,
  fileId: 'f1',
  name: 'two.nines.json',
  savedText: serializeDocument(doc),
});

describe('createPlannerStore', () => {
  it('starts empty', () => {
    const state = createPlannerStore().getState();
    expect(state.document).toBeNull();
    expect(selectActiveVariant(state)).toBeUndefined();
    expect(selectIsDirty(state)).toBe(false);
  });

  it('gives each window its own state', () => {
    const a = createPlannerStore();
    const b = createPlannerStore();
    a.getState().openDocument(loaded());
    expect(b.getState().document).toBeNull();
  });

  it('opens a document on its first variant, nothing selected, dialogs closed', () => {
    const store = createPlannerStore();
    store.getState().setGalleryOpen(true);
    store.getState().showProblems({ title: 't', message: 'm', problems: [] });
    store.getState().openDocument(loaded());
    const state = store.getState();
    expect(state.document).toBe(document);
    expect(state.activeVariantId).toBe('one');
    expect(state.selectedNodeId).toBeNull();
    expect(state.file).toEqual({
      fileId: 'f1',
      name: 'two.nines.json',
      savedText: loaded().savedText,
    });
    expect(state.isGalleryOpen).toBe(false);
    expect(state.problemReport).toBeNull();
    expect(state.openCount).toBe(1);
    expect(selectIsDirty(state)).toBe(false);
  });

  it('selects nodes of the active variant only', () => {
    const store = createPlannerStore();
    store.getState().openDocument(loaded());
    store.getState().selectNode('app');
    expect(selectSelectedNode(store.getState())?.id).toBe('app');
    store.getState().selectNode('api'); // belongs to the other variant
    expect(store.getState().selectedNodeId).toBe('app');
    store.getState().selectNode(null);
    expect(selectSelectedNode(store.getState())).toBeUndefined();
  });

  it('switches variants, clearing the selection, and ignores unknown ids', () => {
    const store = createPlannerStore();
    store.getState().openDocument(loaded());
    store.getState().selectNode('app');
    store.getState().setActiveVariant('two');
    expect(selectActiveVariant(store.getState())?.id).toBe('two');
    expect(store.getState().selectedNodeId).toBeNull();
    store.getState().setActiveVariant('three');
    expect(store.getState().activeVariantId).toBe('two');
  });

  it('is dirty when the document differs from the text last saved, until it is saved', () => {
    const store = createPlannerStore();
    store.getState().openDocument({ ...loaded(), savedText: '{}' });
    expect(selectIsDirty(store.getState())).toBe(true);
    store
      .getState()
      .markSaved({ fileId: 'f2', name: 'other.nines.json', text: serializeDocument(document) });
    expect(selectIsDirty(store.getState())).toBe(false);
    expect(store.getState().file.fileId).toBe('f2');
  });
});
