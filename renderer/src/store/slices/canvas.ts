import type { StateCreator } from 'zustand';
import type { PlannerState, CanvasSlice } from '../state';

export const createCanvasSlice: StateCreator<PlannerState, [], [], CanvasSlice> = (set) => ({
  clipboard: null,
  isSnapToGrid: true,
  pointer: null,
  setClipboard: (clipboard) => set({ clipboard }),
  setSnapToGrid: (isOn) => set({ isSnapToGrid: isOn }),
  isCardFiguresShown: false,
  setCardFiguresShown: (isOn) => set({ isCardFiguresShown: isOn }),
  setPointer: (pointer) => set({ pointer }),
  readView: () => undefined,
  setViewReader: (read) => set({ readView: read }),
  viewRequest: null,
  clearViewRequest: () => set({ viewRequest: null }),
});

export type { CanvasSlice } from '../state';
