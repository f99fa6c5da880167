/**
 * Replacing a file, for the desktop Save and every file the CLI writes. The file is replaced so
 * that a crash, a kill, a full disk or a power cut leaves either the old file or the new one,
 * never a mix: the new bytes go to a temporary file in the file's own folder, are flushed to the
 * disk and renamed over it (a rename within one file system is atomic), then the folder is
 * flushed. What the file was is kept: its permission
 * bits (a 0600 file stays 0600), and a symbolic link stays a link (the file it points to is
 * replaced). A file with other hard links is split from them: the other names keep the
 * previous version (a rename cannot write through a hard link, and writing in place would give
 * up atomicity).
 *
 * With `keepBackup` (the desktop Save), the version being replaced is first kept as the newest of {@link BACKUP_GENERATIONS}
 * backups beside the file: `<file>.bak` (the previous version), `<file>.bak.2` (the one
 * before), … `<file>.bak.5`.
 *
 * Every step is a rename, a new hard link or a flushed copy renamed into place, so a crash at
 * any moment leaves every backup a whole earlier version (at worst two generations the same);
 * `<file>.bak` exists from the first replacement on. atomic-write.kill.test.ts kills a saver
 * mid-save many times to check both; cli/plan-kill.test.ts kills `nines plan` at random moments.
 */
import path from 'node:path';

/**
 * node:fs/promises, loaded at the first write, not with this folder, which every command imports
 * (it and the modules it loads cost a command that writes nothing about a millisecond at start).
 */
const fsPromises = () => import('node:fs/promises');

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

/** Permission bits of a file created where none was (before the umask). */
const NEW_FILE_MODE = 0o644;

/**
 * Writes `data` to `file` atomically, through a symbolic link to the file it names, keeping the
 * replaced file's permission bits; resolves to the path actually written. On failure the
 * previous file is left untouched and no temporary file is left behind. With `keepBackup`,
 * backups are kept beside the file written.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const { open, rename, unlink } = await fsPromises();
  const target = await resolveTarget(file);
  if (options.keepBackup) await backUp(target);
  const mode = await modeOf(target);
  const temp = await temporaryPathBeside(target);
  try {
    const handle = await open(temp, 'wx', mode ?? NEW_FILE_MODE);
    try {
      // The mode given to open is reduced by the umask: the replaced file's bits are restored.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(target));
  return target;
}

/**
 * The file `file` names: itself, or the end of its chain of symbolic links (a dangling link
 * names the file to create, read from the link's folder).
 */
async function resolveTarget(file: string): Promise<string> {
  const { lstat, readlink, realpath } = await fsPromises();
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let current = absolute;
  for (let hops = 0; hops < 40; hops += 1) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${file}`), { code: 'ELOOP' });
}

/** The permission bits of `file`, or undefined when there is no such file. */
async function modeOf(file: string): Promise<number | undefined> {
  const { stat } = await fsPromises();
  try {
    return (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A hidden temporary name beside `file`: `.<name>.<12 hex digits>.tmp`. The crypto module is
 * loaded at the first write, not with this folder, which every command imports (its 16 modules
 * cost a command that writes nothing a few milliseconds at start).
 */
async function temporaryPathBeside(file: string): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  const name = `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Flushes a folder's entries (a rename); folders cannot be opened for syncing on Windows. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { open } = await fsPromises();
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Shifts the backups of `file` down one generation and copies `file` to `<file>.bak`. */
async function backUp(file: string): Promise<void> {
  const { rename } = await fsPromises();
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
  const { link, rename, unlink } = await fsPromises();
  const temp = await temporaryPathBeside(to);
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
  const { copyFile, open, rename, unlink } = await fsPromises();
  const temp = await temporaryPathBeside(to);
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
  const { stat } = await fsPromises();
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
