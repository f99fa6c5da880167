/**
 * The desktop Save: the file is replaced atomically by the CLI's writer (cli/atomic-write.ts:
 * temporary file in the same folder, flushed, renamed; permission bits kept; through a symbolic
 * link to the file it names; a file with other hard links is split from them), after the
 * version it replaces is kept as the newest of {@link BACKUP_GENERATIONS} backups beside it:
 * `<file>.bak` (the previous version), `<file>.bak.2` (the one before), … `<file>.bak.5`.
 *
 * Every step is a rename, a new hard link or a flushed copy renamed into place, so a crash at
 * any moment leaves every backup a whole earlier version (at worst two generations the same);
 * `<file>.bak` exists from the first replacement on. atomic-write.kill.test.ts kills a saver
 * mid-save many times to check both.
 */
import { copyFile, link, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  replaceFile,
  resolveTarget,
  syncFolder,
  temporaryPathBeside,
} from '../../../cli/atomic-write';

/** How many earlier versions Save keeps beside a file. */
export const BACKUP_GENERATIONS = 5;

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `<file>.bak`, shifting older backups down. */
  readonly keepBackup?: boolean;
}

/**
 * The path of backup `generation` of `file` (1, the newest, is `<file>.bak`; 2 to
 * {@link BACKUP_GENERATIONS} are `<file>.bak.2`…).
 */
export function backupPathOf(file: string, generation = 1): string {
  return generation === 1 ? `${file}.bak` : `${file}.bak.${generation}`;
}

/**
 * Writes `data` to `file` atomically; on failure the previous file is left untouched. With
 * `keepBackup`, backups are kept beside the file the path names (through a symbolic link).
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (options.keepBackup) await backUp(await resolveTarget(file));
  await replaceFile(file, data);
}

/** Shifts the backups of `file` down one generation and copies `file` to `<file>.bak`. */
async function backUp(file: string): Promise<void> {
  if (!(await exists(file))) return;
  // The oldest is overwritten by the one before it, and so on up to .bak.2.
  for (let g = BACKUP_GENERATIONS - 1; g >= 2; g -= 1) {
    if (await exists(backupPathOf(file, g))) {
      await rename(backupPathOf(file, g), backupPathOf(file, g + 1));
    }
  }
  const newest = backupPathOf(file);
  if (BACKUP_GENERATIONS >= 2 && (await exists(newest)))
    await secondName(newest, backupPathOf(file, 2));
  await copyFlushed(file, newest);
}

/**
 * Gives `from` the name `to` as well, replacing `to`: a hard link made under a temporary name and
 * renamed into place (`from` stays until the next step replaces it). File systems without hard
 * links (FAT, some network shares) get a flushed copy instead.
 */
async function secondName(from: string, to: string): Promise<void> {
  const temp = temporaryPathBeside(to);
  try {
    await link(from, temp);
  } catch {
    await copyFlushed(from, to);
    return;
  }
  try {
    await rename(temp, to);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Copies `from` over `to` through a flushed temporary file and a rename (mode kept). */
async function copyFlushed(from: string, to: string): Promise<void> {
  const temp = temporaryPathBeside(to);
  try {
    await copyFile(from, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, to);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(to));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
