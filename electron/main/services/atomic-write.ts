/**
 * Replacing a file so that a crash, a full disk or a power cut leaves either the old file or
 * the new one, never a mix: write a temporary file in the same folder, flush it to the disk,
 * then rename it over the target (a rename within one file system is atomic). The backup is
 * made the same way, so a crash while it is copied leaves the previous `.bak` whole.
 * atomic-write.kill.test.ts kills a writer mid-save many times to check both.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Copy the file being replaced to `<file>.bak` first (when there is one). */
  readonly keepBackup?: boolean;
}

/** The path of the backup `writeFileAtomic` keeps of `file`. */
export function backupPathOf(file: string): string {
  return `${file}.bak`;
}

/** Writes `data` to `file` atomically; on failure the previous file is left untouched. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempPathOf(file);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.keepBackup) await backUp(file);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/** A hidden temporary name beside `file`: `.<name>.<12 hex digits>.tmp`. */
function tempPathOf(file: string): string {
  const name = `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Copies `file` to its `.bak` through a flushed temporary file and a rename. */
async function backUp(file: string): Promise<void> {
  const backup = backupPathOf(file);
  const temp = tempPathOf(backup);
  try {
    await copyFile(file, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, backup);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    // Nothing to back up the first time a file is written.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Flushes the rename itself; folders cannot be opened for syncing on Windows. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
