import type { StateCreator } from 'zustand';
import type { Problem } from '../../../../shared/model/invariants';
import type { PlannerState } from '../create-store';

/** Something that went wrong, shown in a dialog: what happened and, for a file, each problem. */
export interface ProblemReport {
  readonly title: string;
  readonly message: string;
  readonly problems: readonly Problem[];
}

/** Window state that is neither the document nor the selection. */
export interface UiSlice {
  /** The template gallery (New) is showing over the open document. */
  isGalleryOpen: boolean;
  problemReport: ProblemReport | null;
  setGalleryOpen: (isOpen: boolean) => void;
  showProblems: (report: ProblemReport) => void;
  dismissProblems: () => void;
}

export const createUiSlice: StateCreator<PlannerState, [], [], UiSlice> = (set) => ({
  isGalleryOpen: false,
  problemReport: null,
  setGalleryOpen: (isOpen) => set({ isGalleryOpen: isOpen }),
  showProblems: (report) => set({ problemReport: report }),
  dismissProblems: () => set({ problemReport: null }),
});
