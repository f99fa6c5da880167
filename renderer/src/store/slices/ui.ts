import type { StateCreator } from 'zustand';
import type { PlannerState, UiSlice } from '../state';

export const createUiSlice: StateCreator<PlannerState, [], [], UiSlice> = (set) => ({
  isGalleryOpen: false,
  isPlanOpen: false,
  problemReport: null,
  recoveryOffer: null,
  question: null,
  setGalleryOpen: (isOpen) => set({ isGalleryOpen: isOpen }),
  setPlanOpen: (isOpen) => set({ isPlanOpen: isOpen }),
  showProblems: (report) => set({ problemReport: report }),
  dismissProblems: () => set({ problemReport: null }),
  setRecoveryOffer: (offer) => set({ recoveryOffer: offer }),
  setQuestion: (question) => set({ question }),
});

export type { ProblemReport, RecoveryOffer, PendingQuestion, UiSlice } from '../state';
