import type { StateCreator } from 'zustand';
import type { LayoutSlice, PlannerState } from '../state';

export const createLayoutSlice: StateCreator<PlannerState, [], [], LayoutSlice> = (set) => ({
  wideChart: null,
  helpPage: null,
  isShortcutSheetOpen: false,
  isNodeSearchOpen: false,
  nodeSearchFocus: 0,
  setWideChart: (chart) => set({ wideChart: chart }),
  setHelpPage: (page) => set({ helpPage: page }),
  setShortcutSheetOpen: (isOpen) => set({ isShortcutSheetOpen: isOpen }),
  openNodeSearch: () =>
    set((state) => ({ isNodeSearchOpen: true, nodeSearchFocus: state.nodeSearchFocus + 1 })),
  closeNodeSearch: () => set({ isNodeSearchOpen: false }),
});

export type { LayoutSlice, WideChart } from '../state';
