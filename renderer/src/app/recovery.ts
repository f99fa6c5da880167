/**
 * The crash-recovery copy: while the open document has unsaved changes, its serialization is
 * written through the host at most `delayMs` after the first change, and at once when the page
 * is hidden or closed; when the document is clean again (saved, or replaced by one opened on
 * purpose) the copy is cleared. Only document and file changes count: selection, viewport and
 * dialogs never write a copy.
 */
import type { HostApi } from '../../../shared/ipc/contract';
import { serializeDocument } from '../../../shared/schema/serialize';
import type { PlannerState, PlannerStore } from '../store/create-store';
import { selectIsDirty } from '../store/selectors';
import { selectFileName } from './file-names';

/** How long after the first unsaved change the copy is written, ms (the promise is 2 s). */
export const RECOVERY_DELAY_MS = 1000;

const FORMAT = 'nines-recovery/1';

/** What the recovery copy holds: the document's text and where and when it was being edited. */
export interface RecoveryCopy {
  /** The file name the document had, or null when the copy does not say. */
  readonly fileName: string | null;
  /** When the copy was written, ms since 1970, or null when the copy does not say. */
  readonly writtenAtMs: number | null;
  /** The document's text, as a file would hold it. */
  readonly text: string;
}

/** The text stored as the recovery copy: the document's text wrapped with its name and time. */
export function encodeRecoveryCopy(copy: {
  fileName: string;
  writtenAtMs: number;
  text: string;
}): string {
  return JSON.stringify({
    format: FORMAT,
    fileName: copy.fileName,
    writtenAt: new Date(copy.writtenAtMs).toISOString(),
    text: copy.text,
  });
}

/**
 * Reads a stored recovery copy. Anything that is not a wrapped copy (a bare document, or text
 * damaged beyond reading) comes back whole as `text`, so nothing in it is lost.
 */
export function decodeRecoveryCopy(stored: string): RecoveryCopy {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { fileName: null, writtenAtMs: null, text: stored };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    !('format' in value) ||
    value.format !== FORMAT ||
    !('text' in value) ||
    typeof value.text !== 'string'
  ) {
    return { fileName: null, writtenAtMs: null, text: stored };
  }
  const fileName =
    'fileName' in value && typeof value.fileName === 'string' ? value.fileName : null;
  const time =
    'writtenAt' in value && typeof value.writtenAt === 'string' ? Date.parse(value.writtenAt) : NaN;
  return { fileName, writtenAtMs: Number.isNaN(time) ? null : time, text: value.text };
}

export interface RecoveryScheduler {
  /** Starts following the store (and writes at once if the document is already dirty). */
  start(): void;
  /** Writes a pending copy now instead of waiting. */
  flush(): void;
  /** Stops following the store; a pending copy is written first. */
  stop(): void;
}

export interface RecoverySchedulerOptions {
  readonly delayMs?: number;
  /** The clock, ms since 1970. */
  readonly now?: () => number;
}

/** Creates the scheduler of one window's recovery copy; it does nothing until `start`. */
export function createRecoveryScheduler(
  host: Pick<HostApi, 'writeRecovery' | 'clearRecovery'>,
  store: PlannerStore,
  { delayMs = RECOVERY_DELAY_MS, now = Date.now }: RecoverySchedulerOptions = {},
): RecoveryScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  /** A copy is on the host (or on its way) that a clean document must clear. */
  let hasCopy = false;

  function cancelTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  /** Writes the copy when the document is dirty, clears it when clean. */
  function settle(): void {
    cancelTimer();
    const state = store.getState();
    if (state.document && selectIsDirty(state)) {
      hasCopy = true;
      const text = encodeRecoveryCopy({
        fileName: selectFileName(state),
        writtenAtMs: now(),
        text: serializeDocument(state.document),
      });
      void host.writeRecovery(text);
    } else if (hasCopy) {
      hasCopy = false;
      void host.clearRecovery();
    }
  }

  function onChange(state: PlannerState, previous: PlannerState): void {
    if (state.file !== previous.file) {
      // Opened or saved: the copy follows at once (cleared when the result is clean).
      settle();
    } else if (state.document !== previous.document && timer === undefined) {
      // Later edits ride along with the first, so a copy is never more than delayMs old.
      timer = setTimeout(settle, delayMs);
    }
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'hidden') flush();
  }

  function flush(): void {
    if (timer !== undefined) settle();
  }

  return {
    start() {
      if (unsubscribe) return;
      unsubscribe = store.subscribe(onChange);
      window.addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', onVisibilityChange);
      const state = store.getState();
      if (state.document && selectIsDirty(state)) settle();
    },
    flush,
    stop() {
      flush();
      unsubscribe?.();
      unsubscribe = undefined;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
