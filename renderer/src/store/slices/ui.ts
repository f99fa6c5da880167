import type { StateCreator } from 'zustand';
import type { Problem } from '../../../../shared/model/invariants';
import type { PlannerState } from '../create-store';

/** Something that went wrong, shown in a dialog: what happened and, for a file, each problem. */
export interface ProblemReport {
  readonly title: string;
  readonly message: string;
  readonly problems: readonly Problem[];
}

/** The recovery copy a session that did not close cleanly left behind, offered back at start. */
export interface RecoveryOffer {
  /** File name the copy belonged to, or null when the copy does not say (an older copy). */
  readonly fileName: string | null;
  /** When the copy was written, ms since 1970, or null when the copy does not say. */
  readonly writtenAtMs: number | null;
  /** Why the copy cannot be opened; empty when it parses and can be restored. */
  readonly problems: readonly Problem[];
}

/** A question that protects work; the answer goes to the document actions, not the store. */
export type PendingQuestion =
  /** The open document has unsaved changes and another is about to replace it. */
  | { readonly kind: 'discard'; readonly documentName: string }
  /** Another program changed the file since it was read, and Save would overwrite it. */
  | { readonly kind: 'changed-on-disk'; readonly fileName: string };

/** Window state that is neither the document nor the selection. */
export interface UiSlice {
  /** The template gallery (New) is showing over the open document. */
  isGalleryOpen: boolean;
  /** The contingency plan's preview and export dialog (Plan, or File → Export…) is open. */
  isPlanOpen: boolean;
  problemReport: ProblemReport | null;
  recoveryOffer: RecoveryOffer | null;
  question: PendingQuestion | null;
  setGalleryOpen: (isOpen: boolean) => void;
  setPlanOpen: (isOpen: boolean) => void;
  showProblems: (report: ProblemReport) => void;
  dismissProblems: () => void;
  setRecoveryOffer: (offer: RecoveryOffer | null) => void;
  setQuestion: (question: PendingQuestion | null) => void;
}

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
