/**
 * Replacing a file so that a crash, a kill, a full disk or a power cut leaves either the old
 * file or the new one, never a mix: the new bytes go to a temporary file in the target's own
 * folder, are flushed to the disk, and the temporary file is renamed over the target (a rename
 * within one file system is atomic), then the folder is flushed so that the rename itself lasts.
 *
 * What the target was is kept: its permission bits (a 0600 file stays 0600, a new file gets
 * 0644 less the umask), and a symbolic link stays a link: the file it points to is replaced. A
 * file with other hard links is split from them (the other names keep the previous version): a
 * rename cannot write through a hard link, and writing in place would give up atomicity.
 *
 * `nines plan` writes with it; the desktop shell's Save does the same, with backups
 * (electron/main/services/atomic-write.ts: main and the CLI may not import each other).
 * cli/plan-kill.test.ts kills `nines plan` at random moments to check it.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Permission bits of a file created where none was (before the umask). */
const NEW_FILE_MODE = 0o644;

/**
 * Writes `data` to `file` atomically, through a symbolic link to the file it names, keeping the
 * replaced file's permission bits; resolves to the path actually written. On failure the
 * previous file is left untouched and no temporary file is left behind.
 */
export async function replaceFile(file: string, data: string | Uint8Array): Promise<string> {
  const target = await resolveTarget(file);
  const mode = await modeOf(target);
  const temp = temporaryPathBeside(target);
  try {
    const handle = await open(temp, 'wx', mode ?? NEW_FILE_MODE);
    try {
      // The mode given to open is reduced by the umask; an existing file's bits are restored.
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
 * The file `file` names: itself, or the end of its chain of symbolic links (a link to a file
 * that does not exist yet names the file to create). Relative link targets are read from the
 * link's folder.
 */
async function resolveTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // No such file: a dangling link names where to create it; anything else is created as named.
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
  try {
    return (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A hidden temporary name beside `file`: `.<name>.<12 hex digits>.tmp`. */
function temporaryPathBeside(file: string): string {
  const name = `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Flushes a folder's entries (a rename); folders cannot be opened for syncing on Windows. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
