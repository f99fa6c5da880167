import type { StateCreator } from 'zustand';
import type { PlannerState } from '../create-store';

/** Where the open document lives and what was last written there. */
export interface FileState {
  /** The host's handle of the file; null until the document is saved or when it is new. */
  fileId: string | null;
  /** File name to show, e.g. `checkout.nines.json`. */
  name: string;
  /**
   * Serialized text of the document as last opened or saved; the document is dirty when its
   * serialization differs (see `selectIsDirty`). Null when it was never written (a restored
   * recovery copy), so it stays dirty until saved.
   */
  savedText: string | null;
}

export interface FileSlice {
  file: FileState;
  /** Records a successful save: the file's handle, its name and the text written. */
  markSaved: (saved: { fileId: string; name: string; text: string }) => void;
}

export const createFileSlice: StateCreator<PlannerState, [], [], FileSlice> = (set) => ({
  file: { fileId: null, name: '', savedText: null },
  markSaved: ({ fileId, name, text }) => set({ file: { fileId, name, savedText: text } }),
});
