/**
 * Project files on disk. Main owns every path: the renderer gets an opaque `fileId` per file
 * and can only write to a file it was handed or one the user picks in a dialog. Saving checks
 * that the text is a valid nines/1 document, refuses to overwrite a file changed by someone
 * else since it was read, and writes atomically with a `.bak` of the previous version.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  ExportRequest,
  OpenedFile,
  RecentFile,
  RevisionFile,
  SaveRequest,
} from '../../../shared/ipc/contract';
import { formatProblem, MAX_FILE_CHARS, parseDocumentText } from '../../../shared/schema/parse';
import { encodingProblem } from '../../../shared/text/encoding';
import { HostError } from '../ipc/handle';
import { readGitFile, writeFileAtomic } from '../../../system';
import type { RecentFiles } from './recent-files';

/** Largest project file opened, in bytes (a UTF-8 file has at least as many bytes as characters). */
export const MAX_DOCUMENT_BYTES = MAX_FILE_CHARS;

/** The extension of project files, with its leading dot. */
export const DOCUMENT_EXTENSION = '.nines.json';

/** The dialogs a file operation may show, bound to the window that asked. */
export interface FileDialogs {
  /** Asks for a project file to open; `null` when the user cancels. */
  chooseOpenPath(): Promise<string | null>;
  /** Asks where to save a project; `null` when the user cancels. */
  chooseSavePath(suggestedName: string, folder: string | undefined): Promise<string | null>;
  /** Asks where to save an export; `null` when the user cancels. */
  chooseExportPath(suggestedName: string, mimeType: string): Promise<string | null>;
}

/**
 * What a file looked like when this session last read or wrote it: its modification time and
 * size (cheap, from `stat`) and the SHA-256 of its bytes, which catches a change of the same
 * size within the file system's time resolution (or with its time set back).
 */
interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
  readonly sha256: string;
}

/** The SHA-256 of `data` (a string as UTF-8), hex. */
function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Turns a name the renderer suggests into a plain file name (no folders, no reserved characters). */
export function safeFileName(
  suggested: string,
  fallback = `Untitled${DOCUMENT_EXTENSION}`,
): string {
  const name = suggested
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .replace(/^\.+/, '');
  return name === '' ? fallback : name.slice(0, 200);
}

export class DocumentService {
  private readonly pathById = new Map<string, string>();
  private readonly idByPath = new Map<string, string>();
  private readonly stamps = new Map<string, Stamp>();

  constructor(private readonly recent: RecentFiles) {}

  /** Shows the open dialog and reads the file chosen; `null` when the user cancels. */
  async openWithDialog(dialogs: FileDialogs): Promise<OpenedFile | null> {
    const chosen = await dialogs.chooseOpenPath();
    return chosen === null ? null : this.openPath(chosen);
  }

  /** Reads the project file at `file` (from a dialog, the command line or the OS). */
  async openPath(file: string): Promise<OpenedFile> {
    const absolute = path.resolve(file);
    const info = await stat(absolute);
    if (!info.isFile()) throw new HostError('io', `${absolute} is not a file.`);
    if (info.size > MAX_DOCUMENT_BYTES) {
      throw new HostError(
        'invalid-document',
        `${path.basename(absolute)} is ${megabytes(info.size)} MB; Nines opens project files up to ${megabytes(MAX_DOCUMENT_BYTES)} MB.`,
      );
    }
    const bytes = await readFile(absolute);
    const encoding = encodingProblem(bytes);
    if (encoding !== undefined) {
      throw new HostError('invalid-document', `${path.basename(absolute)}: ${encoding}.`);
    }
    const text = bytes.toString('utf8');
    this.stamps.set(absolute, { mtimeMs: info.mtimeMs, size: info.size, sha256: sha256Of(bytes) });
    // Only a file that opens is worth reopening: one the renderer will refuse is not listed (and
    // leaves the list if it was there).
    if (parseDocumentText(text).ok) await this.recent.add(absolute);
    else await this.recent.remove(absolute);
    return { fileId: this.idOf(absolute), name: path.basename(absolute), text };
  }

  /**
   * Reopens a file listed by `listRecent`. A file that cannot be opened any more (gone, no longer
   * a file, too large, not UTF-8) is dropped from the list, and the error says so; one the
   * system does not let Nines read stays, since that may be put right.
   */
  async openRecent(fileId: string): Promise<OpenedFile> {
    const file = this.pathOf(fileId);
    try {
      return await this.openPath(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw error;
      await this.recent.remove(file);
      const removed = 'it was removed from the recent files.';
      if (error instanceof HostError)
        throw new HostError(error.code, `${error.message} ${removed}`);
      if (code === 'ENOENT') {
        throw new HostError(
          'not-found',
          `${path.basename(file)} is no longer in ${path.dirname(file)}; ${removed}`,
        );
      }
      throw new HostError(
        'io',
        `${path.basename(file)} could not be read (${code ?? String(error)}); ${removed}`,
      );
    }
  }

  /**
   * The file behind `fileId` as it is at git revision `ref` of the repository that holds it
   * (`git show`; the working tree is not touched). The file's path is given to git relative to
   * its own folder, so a file anywhere in the repository works. Each failure says why: git
   * missing, not in a repository, no such revision, the file not at that revision, too large,
   * not UTF-8.
   */
  async readRevision(fileId: string, ref: string): Promise<RevisionFile> {
    const file = this.pathOf(fileId);
    const name = path.basename(file);
    const read = await readGitFile(ref, `./${name}`, path.dirname(file));
    if (!read.ok) {
      const reason = read.message.replace(/^cannot read: /, '');
      throw new HostError(
        read.reason === 'too-large' ? 'invalid-document' : 'not-found',
        `Cannot compare with ${name} at ${ref}: ${reason}.`,
      );
    }
    const encoding = encodingProblem(read.bytes);
    if (encoding !== undefined) {
      throw new HostError('invalid-document', `${name} at ${ref}: ${encoding}.`);
    }
    return { name, ref, commit: read.commit.slice(0, 7), text: read.bytes.toString('utf8') };
  }

  async listRecent(): Promise<RecentFile[]> {
    const paths = await this.recent.list();
    return paths.map((file) => ({
      fileId: this.idOf(file),
      name: path.basename(file),
      location: path.dirname(file),
    }));
  }

  /**
   * Saves a document: to the file behind `fileId`, or (without one, or with `saveAs`) where the
   * user chooses. Answers `null` when the user cancels the dialog. A file changed on disk since
   * it was read is refused (`changed-on-disk`) unless `force` says the user chose to overwrite.
   */
  async save(
    request: SaveRequest,
    dialogs: FileDialogs,
  ): Promise<{ fileId: string; name: string } | null> {
    const parsed = parseDocumentText(request.text);
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
      const more = parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : '';
      throw new HostError(
        'invalid-document',
        `Nines did not save: the document is not a valid nines/1 project: ${shown}${more}.`,
      );
    }
    const current = request.fileId === undefined ? undefined : this.pathOf(request.fileId);
    let target: string;
    if (current !== undefined && !request.saveAs) {
      if (request.force !== true) await this.checkUnchanged(current);
      target = current;
    } else {
      const chosen = await dialogs.chooseSavePath(
        safeFileName(request.suggestedName),
        current === undefined ? undefined : path.dirname(current),
      );
      if (chosen === null) return null;
      target = path.resolve(chosen);
    }
    await writeFileAtomic(target, request.text, { keepBackup: true });
    const info = await stat(target);
    this.stamps.set(target, {
      mtimeMs: info.mtimeMs,
      size: info.size,
      sha256: sha256Of(request.text),
    });
    await this.recent.add(target);
    return { fileId: this.idOf(target), name: path.basename(target) };
  }

  /** Writes an export where the user chooses; `null` when the user cancels. */
  async export(request: ExportRequest, dialogs: FileDialogs): Promise<{ name: string } | null> {
    const chosen = await dialogs.chooseExportPath(
      safeFileName(request.suggestedName, 'export'),
      request.mimeType,
    );
    if (chosen === null) return null;
    await writeFileAtomic(chosen, request.data);
    return { name: path.basename(chosen) };
  }

  private pathOf(fileId: string): string {
    const file = this.pathById.get(fileId);
    if (file === undefined) {
      throw new HostError(
        'not-found',
        'Nines no longer knows that file; open it again or use Save As.',
      );
    }
    return file;
  }

  private idOf(file: string): string {
    let id = this.idByPath.get(file);
    if (id === undefined) {
      id = randomUUID();
      this.idByPath.set(file, id);
      this.pathById.set(id, file);
    }
    return id;
  }

  /**
   * Refuses to overwrite a file that changed on disk since this session read or wrote it: a
   * different modification time or size, or (when both are the same) different bytes.
   */
  private async checkUnchanged(file: string): Promise<void> {
    const known = this.stamps.get(file);
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      // A file deleted or moved away since is simply written again.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (known === undefined) return;
    const changed =
      info.mtimeMs !== known.mtimeMs ||
      info.size !== known.size ||
      // The same size as a file this session read or wrote, so within the size limit.
      sha256Of(await readFile(file)) !== known.sha256;
    if (changed) {
      throw new HostError(
        'changed-on-disk',
        `${path.basename(file)} was changed by another program since Nines opened it. Save as a copy to keep both versions, or overwrite it.`,
      );
    }
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
