/**
 * The recent files list, kept as JSON in the user data folder (`recent-files.json`), most
 * recent first, each file once (by its normalised path, `recentKey`). A missing or damaged list
 * is treated as empty: it is a convenience, never a reason to fail.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../../system';
import { createSerialQueue } from './serial';

/** How many files the list remembers. */
export const MAX_RECENT_FILES = 10;

const storedSchema = z.object({
  version: z.literal(1),
  paths: z.array(z.string().min(1)),
});

/**
 * What tells two paths of the recent list apart: the absolute path with `.` and `..` resolved,
 * and on Windows and macOS (whose file systems ignore case by default) in lower case.
 */
export function recentKey(file: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(file);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

/** `paths` with each file once (its first, most recent, mention), resolved. */
function unique(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of paths) {
    const key = recentKey(file);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(path.resolve(file));
  }
  return out;
}

export class RecentFiles {
  /** Two quick updates must not interleave their read and write. */
  private readonly serial = createSerialQueue();

  constructor(private readonly storeFile: string) {}

  /** Absolute paths, most recent first. */
  list(): Promise<string[]> {
    return this.serial(() => this.read());
  }

  /** Puts `file` at the top of the list. */
  add(file: string): Promise<void> {
    return this.update((paths) => unique([file, ...paths]));
  }

  /** Forgets `file` (e.g. after it was found missing). */
  remove(file: string): Promise<void> {
    return this.update((paths) => paths.filter((p) => recentKey(p) !== recentKey(file)));
  }

  private update(change: (paths: string[]) => string[]): Promise<void> {
    return this.serial(async () => {
      const paths = change(await this.read()).slice(0, MAX_RECENT_FILES);
      await writeFileAtomic(this.storeFile, `${JSON.stringify({ version: 1, paths }, null, 2)}\n`);
    });
  }

  private async read(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.storeFile, 'utf8');
    } catch {
      return [];
    }
    try {
      const stored = storedSchema.safeParse(JSON.parse(text));
      return stored.success ? unique(stored.data.paths.filter((p) => path.isAbsolute(p))) : [];
    } catch {
      return [];
    }
  }
}
