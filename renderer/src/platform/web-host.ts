/**
 * HostApi in a browser: file pickers (the File System Access API where the browser has it, an
 * `<input type=file>` otherwise), downloads, and IndexedDB for recent files and the recovery
 * copy. The browser has no native menu, so `onMenuCommand` plays its part: it turns the
 * platform's keyboard shortcuts into the same commands the desktop menu sends.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { isTextEntry } from './focus';
import { parseDocumentText } from '../../../shared/schema/parse';
import type {
  ExportRequest,
  HostApi,
  HostErrorCode,
  MenuCommand,
  OpenedFile,
  RecentFile,
  Result,
  SaveRequest,
} from '../../../shared/ipc/contract';

/** How many recent files the web host remembers. */
export const MAX_RECENT = 10;

const PROJECT_TYPES = [
  { description: 'Nines project', accept: { 'application/json': ['.json'] } },
] as const;

/**
 * The save picker's file type for an export: the request's MIME type with the suggested name's
 * extension (`plan.pdf` → `.pdf`), so the picker offers and keeps that type; none when the name
 * has no extension.
 */
export function exportPickerTypes(
  suggestedName: string,
  mimeType: string,
): NonNullable<FilePickerOptions['types']> {
  const extension = /\.([a-z0-9]{1,15})$/i.exec(suggestedName)?.[1]?.toLowerCase();
  if (!extension) return [];
  return [
    { description: `${extension.toUpperCase()} file`, accept: { [mimeType]: [`.${extension}`] } },
  ];
}

interface FilePickerOptions {
  types?: readonly { description: string; accept: Record<string, readonly string[]> }[];
  suggestedName?: string;
}

/** The parts of the File System Access API this host uses (Chromium only, so not in lib.dom). */
interface FileAccessWindow {
  showOpenFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle>;
}

interface PermissionedHandle {
  queryPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
}

/** A remembered file: a handle when the browser gave one, else a copy of the text. */
interface RecentRecord {
  fileId: string;
  name: string;
  handle?: FileSystemFileHandle;
  text?: string;
}

const RECENT_KEY = 'recent';
const RECOVERY_KEY = 'recovery';

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

function fail<T>(code: HostErrorCode, message: string): Result<T> {
  return { ok: false, code, message };
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps a key press to the command the desktop menu gives the same accelerator. */
export function shortcutCommand(event: KeyboardEvent): MenuCommand | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'o' && !event.shiftKey) return 'file:open';
  if (key === 's') return event.shiftKey ? 'file:save-as' : 'file:save';
  if (key === 'n' && !event.shiftKey) return 'file:new';
  if (key === 'e' && !event.shiftKey) return 'file:export';
  if (key === 'f' && !event.shiftKey) return 'edit:find';
  if (isTextEntry(event.target)) return undefined; // text fields keep their own undo
  if (key === 'z') return event.shiftKey ? 'edit:redo' : 'edit:undo';
  if (key === 'y' && !event.shiftKey) return 'edit:redo';
  return undefined;
}

/** Creates the browser implementation of the host API. */
export function createWebHost(): HostApi {
  const pickers = window as unknown as FileAccessWindow;
  const db: UseStore = createStore('nines', 'host');
  /**
   * The files opened or saved in this session, by fileId: the handle when the browser gave one,
   * and the file's modification time as last read or written, to notice another program's change.
   */
  const session = new Map<
    string,
    { name: string; handle?: FileSystemFileHandle; lastModified?: number }
  >();
  let isDirty = false;

  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (isDirty) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  async function readRecent(): Promise<RecentRecord[]> {
    return (await get<RecentRecord[]>(RECENT_KEY, db)) ?? [];
  }

  /**
   * The recent files without `record`'s file: the same id, the same file behind a handle, or a
   * copy of the same name (copies have no path; the list shows only their name, so two copies
   * of one name could not be told apart there).
   */
  async function othersThan(record: RecentRecord): Promise<RecentRecord[]> {
    const rest: RecentRecord[] = [];
    for (const other of await readRecent()) {
      const isSame =
        other.fileId === record.fileId ||
        (record.handle !== undefined &&
          other.handle !== undefined &&
          (await other.handle.isSameEntry(record.handle))) ||
        (record.handle === undefined && other.handle === undefined && other.name === record.name);
      if (!isSame) rest.push(other);
    }
    return rest;
  }

  async function remember(record: RecentRecord): Promise<void> {
    await set(RECENT_KEY, [record, ...(await othersThan(record))].slice(0, MAX_RECENT), db);
  }

  async function forget(record: RecentRecord): Promise<void> {
    await set(RECENT_KEY, await othersThan(record), db);
  }

  /**
   * Lists the file read as `text` among the recent files only when it opens as a document: one
   * the window will refuse is not listed, and leaves the list if it was there.
   */
  async function rememberIfItOpens(record: RecentRecord, text: string): Promise<void> {
    if (parseDocumentText(text).ok) await remember(record);
    else await forget(record);
  }

  async function ensurePermission(
    handle: FileSystemFileHandle,
    mode: 'read' | 'readwrite',
  ): Promise<boolean> {
    const permissioned = handle as FileSystemFileHandle & PermissionedHandle;
    if (!permissioned.queryPermission || !permissioned.requestPermission) return true;
    if ((await permissioned.queryPermission({ mode })) === 'granted') return true;
    return (await permissioned.requestPermission({ mode })) === 'granted';
  }

  async function openWithHandle(handle: FileSystemFileHandle, fileId: string): Promise<OpenedFile> {
    const file = await handle.getFile();
    const text = await file.text();
    session.set(fileId, { name: file.name, handle, lastModified: file.lastModified });
    await rememberIfItOpens({ fileId, name: file.name, handle }, text);
    return { fileId, name: file.name, text };
  }

  function pickWithInput(): Promise<File | null> {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    });
  }

  async function writeWithPicker(
    suggestedName: string,
    data: Blob,
    types: FilePickerOptions['types'] = PROJECT_TYPES,
  ): Promise<FileSystemFileHandle | null> {
    try {
      const handle = await pickers.showSaveFilePicker!({ suggestedName, types });
      await writeHandle(handle, data);
      return handle;
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
  }

  /** The file's modification time in ms, or undefined when it is gone (it is written anew). */
  async function modifiedTime(handle: FileSystemFileHandle): Promise<number | undefined> {
    try {
      return (await handle.getFile()).lastModified;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotFoundError') return undefined;
      throw error;
    }
  }

  async function writeHandle(handle: FileSystemFileHandle, data: Blob): Promise<void> {
    const writable = await handle.createWritable();
    await writable.write(data);
    await writable.close();
  }

  function download(name: string, data: Blob): void {
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // The download has started once click() returns; the URL can go on the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return {
    kind: 'web',

    async openFile() {
      try {
        if (pickers.showOpenFilePicker) {
          let handles: FileSystemFileHandle[];
          try {
            handles = await pickers.showOpenFilePicker({ types: PROJECT_TYPES });
          } catch (error) {
            if (isAbort(error)) return ok(null);
            throw error;
          }
          const [handle] = handles;
          return ok(handle ? await openWithHandle(handle, crypto.randomUUID()) : null);
        }
        const file = await pickWithInput();
        if (!file) return ok(null);
        const text = await file.text();
        const fileId = crypto.randomUUID();
        session.set(fileId, { name: file.name });
        await rememberIfItOpens({ fileId, name: file.name, text }, text);
        return ok({ fileId, name: file.name, text });
      } catch (error) {
        return fail('io', `Could not read the file: ${describe(error)}`);
      }
    },

    async openRecent(fileId) {
      let record: RecentRecord | undefined;
      try {
        record = (await readRecent()).find((r) => r.fileId === fileId);
        if (!record) return fail('not-found', 'This file is no longer in the recent list.');
        if (record.handle) {
          if (!(await ensurePermission(record.handle, 'read'))) {
            return fail('forbidden', `The browser was not allowed to read ${record.name}.`);
          }
          return ok(await openWithHandle(record.handle, fileId));
        }
        const text = record.text ?? '';
        session.set(fileId, { name: record.name });
        await rememberIfItOpens(record, text);
        return ok({ fileId, name: record.name, text });
      } catch (error) {
        // A file that cannot be read any more leaves the list (a refused permission does not).
        if (record) await forget(record).catch(() => undefined);
        const removed = 'it was removed from the recent files.';
        if (error instanceof DOMException && error.name === 'NotFoundError') {
          return fail(
            'not-found',
            `${record?.name ?? 'The file'} was moved or deleted; ${removed}`,
          );
        }
        return fail('io', `Could not read the file: ${describe(error)}; ${removed}`);
      }
    },

    async listRecent() {
      try {
        const recent = await readRecent();
        return ok(
          recent.map((r): RecentFile => ({
            fileId: r.fileId,
            name: r.name,
            location: r.handle ? 'Local file' : 'Copy kept by this browser',
          })),
        );
      } catch (error) {
        return fail('io', `Could not read the recent files: ${describe(error)}`);
      }
    },

    async saveFile(request: SaveRequest) {
      const data = new Blob([request.text], { type: 'application/json' });
      try {
        const known = request.fileId === undefined ? undefined : session.get(request.fileId);
        if (request.fileId !== undefined && known?.handle && !request.saveAs) {
          if (!(await ensurePermission(known.handle, 'readwrite'))) {
            return fail('forbidden', `The browser was not allowed to write ${known.name}.`);
          }
          const onDisk = await modifiedTime(known.handle);
          const isChanged =
            onDisk !== undefined &&
            known.lastModified !== undefined &&
            onDisk !== known.lastModified;
          if (isChanged && request.force !== true) {
            return fail(
              'changed-on-disk',
              `${known.name} was changed by another program since Nines opened it. Save as a copy to keep both versions, or overwrite it.`,
            );
          }
          await writeHandle(known.handle, data);
          session.set(request.fileId, {
            ...known,
            lastModified: await modifiedTime(known.handle),
          });
          await remember({ fileId: request.fileId, name: known.name, handle: known.handle });
          return ok({ fileId: request.fileId, name: known.name });
        }
        const fileId = crypto.randomUUID();
        if (pickers.showSaveFilePicker) {
          const handle = await writeWithPicker(request.suggestedName, data);
          if (!handle) return ok(null);
          session.set(fileId, {
            name: handle.name,
            handle,
            lastModified: await modifiedTime(handle),
          });
          await remember({ fileId, name: handle.name, handle });
          return ok({ fileId, name: handle.name });
        }
        download(request.suggestedName, data);
        session.set(fileId, { name: request.suggestedName });
        await remember({ fileId, name: request.suggestedName, text: request.text });
        return ok({ fileId, name: request.suggestedName });
      } catch (error) {
        return fail('io', `Could not save the file: ${describe(error)}`);
      }
    },

    async exportFile(request: ExportRequest) {
      const part = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      const data = new Blob([part], { type: request.mimeType });
      try {
        if (pickers.showSaveFilePicker) {
          const handle = await writeWithPicker(
            request.suggestedName,
            data,
            exportPickerTypes(request.suggestedName, request.mimeType),
          );
          return ok(handle ? { name: handle.name } : null);
        }
        download(request.suggestedName, data);
        return ok({ name: request.suggestedName });
      } catch (error) {
        return fail('io', `Could not export: ${describe(error)}`);
      }
    },

    setDirty(dirty) {
      isDirty = dirty;
      return Promise.resolve(ok(undefined));
    },

    async writeRecovery(text) {
      try {
        await set(RECOVERY_KEY, text, db);
        return ok(undefined);
      } catch (error) {
        return fail('io', `Could not write the recovery copy: ${describe(error)}`);
      }
    },

    async readRecovery() {
      try {
        return ok((await get<string>(RECOVERY_KEY, db)) ?? null);
      } catch (error) {
        return fail('io', `Could not read the recovery copy: ${describe(error)}`);
      }
    },

    async clearRecovery() {
      try {
        await del(RECOVERY_KEY, db);
        return ok(undefined);
      } catch (error) {
        return fail('io', `Could not clear the recovery copy: ${describe(error)}`);
      }
    },

    onMenuCommand(listener) {
      const onKeyDown = (event: KeyboardEvent): void => {
        const command = shortcutCommand(event);
        if (!command) return;
        event.preventDefault();
        listener(command);
      };
      window.addEventListener('keydown', onKeyDown);
      return () => window.removeEventListener('keydown', onKeyDown);
    },
  };
}
