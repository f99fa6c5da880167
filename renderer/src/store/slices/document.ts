import type { StateCreator } from 'zustand';
import type { PlannerState, DocumentSlice } from '../state';

export const createDocumentSlice: StateCreator<PlannerState, [], [], DocumentSlice> = (
  set,
  get,
) => ({
  document: null,
  activeVariantId: null,
  openCount: 0,
  setActiveVariant: (variantId) => {
    const { document, activeVariantId } = get();
    if (variantId === activeVariantId || !document?.variants.some((v) => v.id === variantId)) {
      return;
    }
    set({
      activeVariantId: variantId,
      selectedNodeId: null,
      selectedNodeIds: [],
      selectedEdgeIds: [],
    });
  },
});

export type { DocumentSlice } from '../state';
