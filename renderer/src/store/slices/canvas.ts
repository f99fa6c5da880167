import type { StateCreator } from 'zustand';
import type { PlannerState, CanvasSlice } from '../state';

export const createCanvasSlice: StateCreator<PlannerState, [], [], CanvasSlice> = (set) => ({
  clipboard: null,
  isSnapToGrid: true,
  setClipboard: (clipboard) => set({ clipboard }),
  setSnapToGrid: (isOn) => set({ isSnapToGrid: isOn }),
});

export type { CanvasSlice } from '../state';
