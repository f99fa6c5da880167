import type { StateCreator } from 'zustand';
import type { Clipboard } from '../../../../shared/model/ops/paste';
import type { PlannerState } from '../create-store';

/** Editor state of the canvas that is not the document: the clipboard and snapping. */
export interface CanvasSlice {
  /** What Copy took, for Paste; kept per window, outside the document. */
  clipboard: Clipboard | null;
  /** Dragged and dropped nodes snap to a 10 px grid. */
  isSnapToGrid: boolean;
  setClipboard: (clipboard: Clipboard) => void;
  setSnapToGrid: (isOn: boolean) => void;
}

export const createCanvasSlice: StateCreator<PlannerState, [], [], CanvasSlice> = (set) => ({
  clipboard: null,
  isSnapToGrid: true,
  setClipboard: (clipboard) => set({ clipboard }),
  setSnapToGrid: (isOn) => set({ isSnapToGrid: isOn }),
});
