import type { StateCreator } from 'zustand';
import type { NinesDocument } from '../../../../shared/model/types';
import type { PlannerState } from '../create-store';

/** The open document and which of its variants the canvas shows. */
export interface DocumentSlice {
  document: NinesDocument | null;
  activeVariantId: string | null;
  /** Goes up by one each time a document is opened, so views can reset (fit the canvas). */
  openCount: number;
  /** Shows another variant; selection belongs to the variant shown, so it is cleared. */
  setActiveVariant: (variantId: string) => void;
}

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
