import type { StateCreator } from 'zustand';
import type { PlannerState, SelectionSlice } from '../state';

export const createSelectionSlice: StateCreator<PlannerState, [], [], SelectionSlice> = (
  set,
  get,
) => ({
  selectedNodeId: null,
  selectedNodeIds: [],
  selectedEdgeIds: [],
  selectNode: (nodeId) => {
    const state = get();
    if (nodeId === state.selectedNodeId && state.selectedNodeIds.length <= 1) return;
    if (nodeId !== null) {
      const variant = state.document?.variants.find((v) => v.id === state.activeVariantId);
      if (!variant?.nodes.some((n) => n.id === nodeId)) return;
    }
    set({
      selectedNodeId: nodeId,
      selectedNodeIds: nodeId === null ? [] : [nodeId],
      selectedEdgeIds: [],
    });
  },
  setSelection: (nodeIds, edgeIds) => {
    const state = get();
    const variant = state.document?.variants.find((v) => v.id === state.activeVariantId);
    const known = new Set(variant?.nodes.map((n) => n.id));
    const nodes = nodeIds.filter((id) => known.has(id));
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    if (same(nodes, state.selectedNodeIds) && same(edgeIds, state.selectedEdgeIds)) return;
    set({
      selectedNodeIds: nodes,
      selectedEdgeIds: [...edgeIds],
      selectedNodeId: nodes.length === 1 ? (nodes[0] ?? null) : null,
    });
  },
});

export type { SelectionSlice } from '../state';
