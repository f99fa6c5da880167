/**
 * Whether the diff view is open, and with which other file: a small store of its own, so that
 * "Compare with…" in the File menu and the window's layout share it without the planner's store
 * knowing about diffs. The open document is one side; `otherIsBase` says which.
 */
import { useSyncExternalStore } from 'react';
import type { OpenedFile } from '../../../shared/ipc/contract';
import type { NinesDocument } from '../../../shared/model/types';

/** The other side of an open diff: the file chosen and its parsed document. */
export interface DiffTarget {
  readonly file: OpenedFile;
  readonly document: NinesDocument;
  /** True: the chosen file is the base (before) and the open document the head (after). */
  readonly otherIsBase: boolean;
}

let current: DiffTarget | null = null;
const listeners = new Set<() => void>();

function set(next: DiffTarget | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Opens the diff view against `file` (its document already parsed), the file as the base. */
export function openDiff(file: OpenedFile, document: NinesDocument): void {
  set({ file, document, otherIsBase: true });
}

/** Closes the diff view. */
export function closeDiff(): void {
  set(null);
}

/** Swaps base and head. */
export function swapDiffSides(): void {
  if (current) set({ ...current, otherIsBase: !current.otherIsBase });
}

/** The open diff's target, or null; re-renders on change. */
export function useDiffTarget(): DiffTarget | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
