/**
 * The planner's state for one window: a zustand store built from slices. Each window (and each
 * test) creates its own store with `createPlannerStore()` and provides it through
 * `PlannerStoreProvider`; components read it with `usePlanner(selector)`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCanvasSlice } from './slices/canvas';
import { createDocumentSlice } from './slices/document';
import { createFileSlice } from './slices/file';
import { createHistorySlice } from './slices/history';
import { createLayoutSlice } from './slices/layout';
import { createScenarioSlice } from './slices/scenario';
import { createSelectionSlice } from './slices/selection';
import { createUiSlice } from './slices/ui';
import type { PlannerState } from './state';

export type { CanvasView, LoadedDocument, PlannerState } from './state';

export type PlannerStore = StoreApi<PlannerState>;

/** Creates the store of one window, empty: no document open. */
export function createPlannerStore(): PlannerStore {
  return createStore<PlannerState>()((set, get, api) => ({
    ...createDocumentSlice(set, get, api),
    ...createHistorySlice(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createCanvasSlice(set, get, api),
    ...createFileSlice(set, get, api),
    ...createUiSlice(set, get, api),
    ...createScenarioSlice(set, get, api),
    ...createLayoutSlice(set, get, api),
    openDocument: ({ document, fileId, name, savedText }) =>
      set((state) => ({
        document,
        activeVariantId: document.variants[0]?.id ?? null,
        openCount: state.openCount + 1,
        selectedNodeId: null,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        past: [],
        future: [],
        gesture: null,
        file: { fileId, name, savedText },
        isGalleryOpen: false,
        isPlanOpen: false,
        problemReport: null,
        activeScenarioId: null,
        whatIf: null,
      })),
  }));
}
