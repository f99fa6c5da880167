import type { StateCreator } from 'zustand';
import type { PlannerState } from '../create-store';

/** What the user has selected on the canvas. Selection never changes the document. */
export interface SelectionSlice {
  selectedNodeId: string | null;
  /** Selects a node of the active variant, or clears the selection with `null`. */
  selectNode: (nodeId: string | null) => void;
}

export const createSelectionSlice: StateCreator<PlannerState, [], [], SelectionSlice> = (
  set,
  get,
) => ({
  selectedNodeId: null,
  selectNode: (nodeId) => {
    if (nodeId === get().selectedNodeId) return;
    if (nodeId !== null) {
      const { document, activeVariantId } = get();
      const variant = document?.variants.find((v) => v.id === activeVariantId);
      if (!variant?.nodes.some((n) => n.id === nodeId)) return;
    }
    set({ selectedNodeId: nodeId });
  },
});
