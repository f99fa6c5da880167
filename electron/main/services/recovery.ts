/**
 * The crash-recovery copy of the open document: the renderer writes it as the user edits, and
 * a session that did not close cleanly leaves it behind for the next start to offer back.
 */
import { readFile, unlink } from 'node:fs/promises';
import { writeFileAtomic } from '../../../system';
import { createSerialQueue } from './serial';

export class RecoveryStore {
  /** A clear that follows a write must not be overtaken by it, or the copy would come back. */
  private readonly serial = createSerialQueue();

  constructor(private readonly file: string) {}

  write(text: string): Promise<void> {
    return this.serial(async () => {
      await writeFileAtomic(this.file, text);
    });
  }

  /** The copy left behind, or `null` when there is none. */
  read(): Promise<string | null> {
    return this.serial(async () => {
      try {
        return await readFile(this.file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    });
  }

  clear(): Promise<void> {
    return this.serial(async () => {
      try {
        await unlink(this.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    });
  }
}
