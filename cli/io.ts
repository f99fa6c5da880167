/** What a command needs of its process: output streams and whether they are terminals. */
import { readFile, stat } from 'node:fs/promises';
import {
  formatProblem,
  MAX_FILE_CHARS,
  parseDocumentText,
  type ParseResult,
} from '../shared/schema/parse';
import { encodingProblem } from '../shared/text/encoding';
import type { NinesDocument } from '../shared/model/types';

/** Streams a command writes to; tests pass in-memory ones. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Exit codes of FORMAT.md: 0 ok, 1 invalid input (the message says where), 2 usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * Reads and parses one project file; a file that cannot be read is reported like bad input. A
 * file larger than the parser's limit is refused by its size before it is read, and a UTF-16
 * file by its bytes.
 */
export async function loadDocument(path: string): Promise<ParseResult> {
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    // A UTF-8 file has at least as many bytes as characters.
    if (size > MAX_FILE_CHARS) {
      return documentProblem(`file is too large (${size} bytes; at most ${MAX_FILE_CHARS})`);
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : (error as Error).message;
    return { ok: false, problems: [{ path: '(file)', message: `cannot read: ${reason}` }] };
  }
  const encoding = encodingProblem(bytes);
  return encoding ? documentProblem(encoding) : parseDocumentText(bytes.toString('utf8'));
}

function documentProblem(message: string): ParseResult {
  return { ok: false, problems: [{ path: '(document)', message }] };
}

/** Writes each problem as `FILE: path: message`, one per line. */
export function reportProblems(
  io: CliIo,
  file: string,
  result: Extract<ParseResult, { ok: false }>,
): void {
  for (const problem of result.problems) io.stderr.write(`${file}: ${formatProblem(problem)}\n`);
}

/** Loads one project file for a command; on problems reports each and returns undefined. */
export async function loadOrReport(io: CliIo, file: string): Promise<NinesDocument | undefined> {
  const loaded = await loadDocument(file);
  if (loaded.ok) return loaded.document;
  reportProblems(io, file, loaded);
  return undefined;
}
