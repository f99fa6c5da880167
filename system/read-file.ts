/**
 * Reading a file the CLI is named (a project, `--prices`): a regular file only, at most
 * {@link MAX_FILE_BYTES}, and never a read that cannot end. The file is opened without blocking
 * (a FIFO with no writer would otherwise hold `open` forever), checked on the opened handle (so
 * that what is read is what was checked), and read up to one byte past the limit (a regular file
 * that grows, or one that reports size 0 like those under /proc, cannot make it read more).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_FILE_CHARS } from '../shared/schema/parse';

/**
 * Largest file read, in bytes: the parser's limit in characters (a UTF-8 file has at least as
 * many bytes as characters), the same for project and price files.
 */
export const MAX_FILE_BYTES = MAX_FILE_CHARS;

/** Bytes read at a time. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The bytes of a file, or why it was not read: it cannot be read (`cannot read: …`, the path's
 * fault) or it is too large (`file is too large …`, the content's).
 */
export type ReadResult =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'unreadable' | 'too-large'; message: string };

/**
 * Reads the regular file at `path`, refusing anything else and anything over the limit. The
 * calls are synchronous: a command reads its files one after another with nothing else to do
 * meanwhile, and through the thread pool the five steps (open, stat, two reads, close) cost
 * `nines validate` some 4 ms of round trips, the first starting the pool's threads.
 */
export function readInputFile(path: string): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK is undefined on Windows, where opening a named pipe does not wait.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `cannot read: ${errorReason(error)}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      return {
        ok: false,
        reason: 'unreadable',
        message: `cannot read: it is ${kindOf(info)}, not a regular file`,
      };
    }
    if (info.size > MAX_FILE_BYTES) return tooLarge(`${info.size} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, MAX_FILE_BYTES + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return tooLarge(`more than ${MAX_FILE_BYTES} bytes`);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `cannot read: ${errorReason(error)}` };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: string): ReadResult {
  return {
    ok: false,
    reason: 'too-large',
    message: `file is too large (${size}; at most ${MAX_FILE_BYTES})`,
  };
}

/** What a path that is not a regular file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'something else';
}

function errorReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a regular file';
    default:
      return (error as Error).message;
  }
}
