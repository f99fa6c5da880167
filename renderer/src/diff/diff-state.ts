/**
 * Whether the diff view is open, and with which other side: a small store of its own, so that
 * "Compare with…" in the File menu and the window's layout share it without the planner's store
 * knowing about diffs. The open document is one side; `otherIsBase` says which.
 */
import { useSyncExternalStore } from 'react';
import type { OpenedFile, RevisionFile } from '../../../shared/ipc/contract';
import type { NinesDocument } from '../../../shared/model/types';

/** The other side of an open diff: where it comes from and its parsed document. */
export interface DiffTarget {
  /** The other side's name in the view: its file name, or `name at REF (commit)`. */
  readonly label: string;
  /**
   * The other file with its handle (it opens in the editor as that file), or null for a file
   * read at a git revision (it opens as a new, unsaved document).
   */
  readonly file: OpenedFile | null;
  /** For a git revision: the name its copy gets when opened, e.g. `a (HEAD~1).nines.json`. */
  readonly copyName: string;
  readonly document: NinesDocument;
  /** True: the other side is the base (before) and the open document the head (after). */
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
  set({ label: file.name, file, copyName: file.name, document, otherIsBase: true });
}

/** Opens the diff view against the open file as it is at a git revision, that as the base. */
export function openRevisionDiff(revision: RevisionFile, document: NinesDocument): void {
  set({
    label: `${revision.name} at ${revision.ref} (${revision.commit})`,
    file: null,
    copyName: revisionCopyName(revision.name, revision.ref),
    document,
    otherIsBase: true,
  });
}

/**
 * The name a revision's copy is opened under: the revision before the extension,
 * `checkout.nines.json` at `HEAD~1` → `checkout (HEAD~1).nines.json` (slashes become hyphens).
 */
export function revisionCopyName(name: string, ref: string): string {
  const dot = name.endsWith('.nines.json') ? name.length - '.nines.json'.length : name.length;
  return `${name.slice(0, dot)} (${ref.replace(/[\\/]/g, '-')})${name.slice(dot)}`;
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
