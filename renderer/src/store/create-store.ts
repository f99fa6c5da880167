/**
 * The planner's state for one window: a zustand store built from slices. Each window (and each
 * test) creates its own store with `createPlannerStore()` and provides it through
 * `PlannerStoreProvider`; components read it with `usePlanner(selector)`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NinesDocument } from '../../../shared/model/types';
import { createCanvasSlice, type CanvasSlice } from './slices/canvas';
import { createDocumentSlice, type DocumentSlice } from './slices/document';
import { createFileSlice, type FileSlice } from './slices/file';
import { createHistorySlice, type HistorySlice } from './slices/history';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createUiSlice, type UiSlice } from './slices/ui';

/** A document ready to show, with where it came from. */
export interface LoadedDocument {
  readonly document: NinesDocument;
  /** The host's handle of the file, or null for a document not yet saved (a template). */
  readonly fileId: string | null;
  readonly name: string;
  /**
   * The document's serialization as it stands on disk (or as created), for the dirty check;
   * null for a document never written anywhere (a restored recovery copy), dirty from the start.
   */
  readonly savedText: string | null;
}

interface WindowActions {
  /**
   * Replaces the open document: first variant shown, nothing selected, no undo history, dialogs
   * closed.
   */
  openDocument: (loaded: LoadedDocument) => void;
}

export type PlannerState = DocumentSlice &
  HistorySlice &
  SelectionSlice &
  CanvasSlice &
  FileSlice &
  UiSlice &
  ScenarioSlice &
  WindowActions;

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
