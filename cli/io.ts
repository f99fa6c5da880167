/** What a command needs of its process: output streams and whether they are terminals. */
import { readFile } from 'node:fs/promises';
import { parseDocumentText, formatProblem, type ParseResult } from '../shared/schema/parse';

/** Streams a command writes to; tests pass in-memory ones. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Exit codes of FORMAT.md: 0 ok, 1 invalid input (the message says where), 2 usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Reads and parses one project file; a file that cannot be read is reported like bad input. */
export async function loadDocument(path: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
  return parseDocumentText(text);
}

/** Writes each problem as `FILE: path: message`, one per line. */
export function reportProblems(
  io: CliIo,
  file: string,
  result: Extract<ParseResult, { ok: false }>,
): void {
  for (const problem of result.problems) io.stderr.write(`${file}: ${formatProblem(problem)}\n`);
}
