/**
 * What the web host keeps in the browser, read and written from a test the way a crashed earlier
 * session or another program would leave it: the recovery copy in IndexedDB (`nines` / `host`,
 * as idb-keyval stores it) and files in the origin-private file system standing in for files on
 * disk behind File System Access handles.
 */
import type { Page } from '@playwright/test';

/** Reads the recovery copy the web host wrote, or null when there is none. */
export function readRecoveryCopy(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    (window as unknown as HostStoreWindow).hostStore('readonly', (store) => store.get('recovery')),
  );
}

/** Leaves a recovery copy as a session that crashed would. */
export async function leaveRecoveryCopy(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (copy) =>
      (window as unknown as HostStoreWindow).hostStore('readwrite', (store) =>
        store.put(copy, 'recovery'),
      ),
    text,
  );
}

/**
 * Defines `hostStore(mode, request)` in every page: runs one request on the web host's object
 * store and answers its result (a string, or null when absent).
 */
export async function installHostStore(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as HostStoreWindow).hostStore = (
      mode: IDBTransactionMode,
      request: (store: IDBObjectStore) => IDBRequest,
    ) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('nines');
        open.onupgradeneeded = () => open.result.createObjectStore('host');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('host', mode);
          const req = request(tx.objectStore('host'));
          tx.oncomplete = () => {
            open.result.close();
            resolve((req.result as string | undefined) ?? null);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
  });
}

/** The page's window once `installHostStore` ran. */
interface HostStoreWindow {
  hostStore(
    mode: IDBTransactionMode,
    request: (store: IDBObjectStore) => IDBRequest,
  ): Promise<string | null>;
}

/**
 * Makes the File System Access pickers answer files of the origin-private file system: Open
 * answers `openName`, Save As answers `saveName`, so saving writes through a real handle.
 */
export async function usePrivateFileSystemPickers(
  page: Page,
  { openName, saveName }: { openName: string; saveName: string },
): Promise<void> {
  await page.addInitScript(
    ({ openName, saveName }) => {
      const file = async (name: string) =>
        (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
      Object.defineProperty(window, 'showOpenFilePicker', {
        value: async () => [await file(openName)],
        configurable: true,
      });
      Object.defineProperty(window, 'showSaveFilePicker', {
        value: () => file(saveName),
        configurable: true,
      });
    },
    { openName, saveName },
  );
}

/** Writes a file of the origin-private file system, as another program would write to disk. */
export async function writePrivateFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ name, text }) => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name, text },
  );
}

/** Reads a file of the origin-private file system, or null when there is none. */
export function readPrivateFile(page: Page, name: string): Promise<string | null> {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    try {
      return await (await (await root.getFileHandle(name)).getFile()).text();
    } catch {
      return null;
    }
  }, name);
}
