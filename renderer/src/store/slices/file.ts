import type { StateCreator } from 'zustand';
import type { PlannerState, FileSlice } from '../state';

export const createFileSlice: StateCreator<PlannerState, [], [], FileSlice> = (set) => ({
  file: { fileId: null, name: '', savedText: null },
  markSaved: ({ fileId, name, text }) => set({ file: { fileId, name, savedText: text } }),
});

export type { FileState, FileSlice } from '../state';
