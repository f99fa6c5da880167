/**
 * The host API: everything the renderer asks of the machine it runs on (files, dialogs, menus,
 * exports). The Electron preload implements it over IPC; the web host implements it with file
 * pickers, downloads and IndexedDB. Main owns file paths: the renderer holds only an opaque
 * `fileId` handed out by the host, never a path to write to.
 *
 * IPC channel names follow `domain:verb-noun`; every call answers a `Result` so that errors
 * keep their codes across the bridge.
 */

/** Error codes a host call can answer with. */
export type HostErrorCode =
  | 'cancelled'
  | 'not-found'
  | 'invalid-request'
  | 'invalid-document'
  | 'io'
  | 'changed-on-disk'
  | 'forbidden';

/** The answer of every host call: a value, or an error with its code and a message for people. */
export type Result<T> =
  { ok: true; value: T } | { ok: false; code: HostErrorCode; message: string };

/** A document read from disk: its text (not yet parsed) and the handle to save it back. */
export interface OpenedFile {
  /** Opaque handle of the file, valid for this session of the host. */
  readonly fileId: string;
  /** File name to show, e.g. `checkout.nines.json`. */
  readonly name: string;
  readonly text: string;
}

/** A file the user opened recently. */
export interface RecentFile {
  readonly fileId: string;
  readonly name: string;
  /** Folder to show beside the name (for people, not for writing). */
  readonly location: string;
}

/** Asks the host to write a document. Without `fileId`, or with `saveAs`, the host asks where. */
export interface SaveRequest {
  readonly fileId?: string;
  readonly saveAs?: boolean;
  /**
   * Overwrite the file behind `fileId` even if another program changed it since it was read
   * (otherwise the host answers `changed-on-disk`). Only after the user chose to overwrite.
   */
  readonly force?: boolean;
  readonly suggestedName: string;
  readonly text: string;
}

/** Asks the desktop host for the open file as it is at a git revision. */
export interface RevisionRequest {
  /** The open file's handle. */
  readonly fileId: string;
  /** A git revision: a branch, a tag, a commit, `HEAD~1`, `origin/main`… */
  readonly ref: string;
}

/**
 * What a revision in a {@link RevisionRequest} may be: no option-like start, no spaces or
 * control characters (git's own names have none), at most {@link MAX_REVISION_LENGTH} characters.
 */
export const REVISION_PATTERN = /^[^-\s\p{Cc}][^\s\p{Cc}]*$/u;

/** Longest revision accepted, in characters. */
export const MAX_REVISION_LENGTH = 256;

/** A file as it is at a git revision: read-only, with no handle to save it back. */
export interface RevisionFile {
  /** The file's name, e.g. `checkout.nines.json`. */
  readonly name: string;
  /** The revision as asked. */
  readonly ref: string;
  /** The commit it named, abbreviated (e.g. `3f2a9c1`). */
  readonly commit: string;
  readonly text: string;
}

/** Asks the host to save an export (plan, CSV, image) where the user chooses. */
export interface ExportRequest {
  readonly suggestedName: string;
  /** e.g. `application/pdf`, `text/markdown`. */
  readonly mimeType: string;
  readonly data: string | Uint8Array;
}

/** Commands the native menu sends to the renderer (the web host makes them from shortcuts). */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:save-as'
  | 'file:export'
  | 'edit:undo'
  | 'edit:redo'
  | 'edit:select-all'
  | 'edit:find'
  | 'help:docs'
  | 'help:shortcuts';

/** The one object the renderer uses to reach its host. */
export interface HostApi {
  /** Which host this is: the Electron desktop app or a browser. */
  readonly kind: 'desktop' | 'web';
  /** Shows an open dialog; `null` when the user cancels. */
  openFile(): Promise<Result<OpenedFile | null>>;
  /** Reopens a recent file by its handle. */
  openRecent(fileId: string): Promise<Result<OpenedFile>>;
  listRecent(): Promise<Result<RecentFile[]>>;
  /** Writes atomically; answers the handle and name written, `null` when the user cancels. */
  saveFile(request: SaveRequest): Promise<Result<{ fileId: string; name: string } | null>>;
  /** Saves an export where the user chooses; `null` when the user cancels. */
  exportFile(request: ExportRequest): Promise<Result<{ name: string } | null>>;
  /** Tells the host whether the document has unsaved changes (title marker, close prompt). */
  setDirty(isDirty: boolean): Promise<Result<void>>;
  /** Writes the crash-recovery copy of the open document. */
  writeRecovery(text: string): Promise<Result<void>>;
  /** Reads the recovery copy left by a session that did not close cleanly, if any. */
  readRecovery(): Promise<Result<string | null>>;
  clearRecovery(): Promise<Result<void>>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Subscribes to files the operating system asks the app to open (a double-clicked
   * `.nines.json`, a path on the command line); returns the unsubscribe function. Files that
   * arrive before the first subscription are held and delivered to it. Hosts that cannot
   * receive such files (the web) leave it out.
   */
  onFileOpened?(listener: (file: OpenedFile) => void): () => void;
  /**
   * Reads the open file as it is at a git revision of the repository that holds it (`git show`,
   * the working tree untouched). Only the desktop host can run git; the web leaves it out.
   */
  readRevision?(request: RevisionRequest): Promise<Result<RevisionFile>>;
}

/** IPC channel names, one per request kind (`domain:verb-noun`). */
export const CHANNELS = {
  openFile: 'file:open-file',
  openRecent: 'file:open-recent',
  listRecent: 'file:list-recent',
  saveFile: 'file:save-file',
  exportFile: 'file:export-file',
  readRevision: 'file:read-revision',
  setDirty: 'window:set-dirty',
  writeRecovery: 'recovery:write-copy',
  readRecovery: 'recovery:read-copy',
  clearRecovery: 'recovery:clear-copy',
  menuCommand: 'menu:command',
  fileOpened: 'file:opened',
} as const;
