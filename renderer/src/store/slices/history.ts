import type { StateCreator } from 'zustand';
import { withNewDrills } from '../../../../shared/engine';
import type { NinesDocument } from '../../../../shared/model/types';
import type { PlannerState, HistoryStep, HistorySlice } from '../state';

/** Most steps kept for undo; the oldest go first. */
export const HISTORY_LIMIT = 200;

const capped = (steps: readonly HistoryStep[]): readonly HistoryStep[] =>
  steps.length > HISTORY_LIMIT ? steps.slice(steps.length - HISTORY_LIMIT) : steps;

/** The view state that must follow a document restored by undo or redo. */
function followDocument(state: PlannerState, document: NinesDocument): Partial<PlannerState> {
  const variant =
    document.variants.find((v) => v.id === state.activeVariantId) ?? document.variants[0];
  const ids = new Set(variant?.nodes.map((n) => n.id));
  const selectedNodeIds = state.selectedNodeIds.filter((id) => ids.has(id));
  return {
    document,
    activeVariantId: variant?.id ?? null,
    selectedNodeIds,
    selectedNodeId: selectedNodeIds.length === 1 ? (selectedNodeIds[0] ?? null) : null,
    selectedEdgeIds: [],
  };
}

/**
 * The step that takes `step` back: the document as it is now, and, for a step that moved the
 * view, the view the canvas shows now.
 */
function opposite(state: PlannerState, step: HistoryStep): HistoryStep {
  const document = state.document as NinesDocument;
  const view = step.view && state.readView();
  return view ? { document, label: step.label, view } : { document, label: step.label };
}

/** For a step that moved the view, the request that the canvas show the step's view again. */
function followView(state: PlannerState, step: HistoryStep): Partial<PlannerState> {
  if (!step.view) return {};
  return { viewRequest: { view: step.view, seq: (state.viewRequest?.seq ?? 0) + 1 } };
}

export const createHistorySlice: StateCreator<PlannerState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  gesture: null,
  commit: (label, fn, view) => {
    const { document, gesture, past } = get();
    if (!document) return;
    // The standard drills of what the step brings in (a region, a zone, a datastore, a link
    // between regions) join the same step, so one undo takes both away.
    const next = withNewDrills(document, fn(document));
    if (next === document) return;
    if (gesture) {
      set({ document: next });
      return;
    }
    const step: HistoryStep = view ? { document, label, view } : { document, label };
    set({ document: next, past: capped([...past, step]), future: [] });
  },
  commitEdit: (label, fn) => {
    const { document } = get();
    if (!document) return null;
    const result = fn(document);
    if (!result.ok) return result.message;
    get().commit(label, () => result.document);
    return null;
  },
  beginGesture: (label) => {
    const { document, gesture } = get();
    if (!document || gesture) return;
    set({ gesture: { document, label } });
  },
  endGesture: () => {
    const { document, gesture, past } = get();
    if (!gesture) return;
    if (!document || document === gesture.document) {
      set({ gesture: null });
      return;
    }
    set({ gesture: null, past: capped([...past, gesture]), future: [] });
  },
  undo: () => {
    const state = get();
    const step = state.past.at(-1);
    if (!step || !state.document || state.gesture) return;
    set({
      ...followDocument(state, step.document),
      ...followView(state, step),
      past: state.past.slice(0, -1),
      future: [...state.future, opposite(state, step)],
    });
  },
  redo: () => {
    const state = get();
    const step = state.future.at(-1);
    if (!step || !state.document || state.gesture) return;
    set({
      ...followDocument(state, step.document),
      ...followView(state, step),
      future: state.future.slice(0, -1),
      past: [...state.past, opposite(state, step)],
    });
  },
});

export type { HistoryStep, HistorySlice } from '../state';
