/** What a command needs of its process: output streams and whether they are terminals. */
import { formatProblem, parseDocumentText, type ParseResult } from '../shared/schema/parse';
import { encodingProblem } from '../shared/text/encoding';
import { printable } from '../shared/text/terminal';
import type { NinesDocument } from '../shared/model/types';
import { readInputFile } from '../system';

/** A stream a command writes to. */
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /**
   * Writes the program's own control characters as they are (the progress bar's carriage
   * return); present on the streams {@link terminalIo} makes, whose `write` escapes them.
   */
  writeRaw?(text: string): unknown;
}

/** Streams a command writes to; tests pass in-memory ones. */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
}

/**
 * `io` with every write made safe for a terminal ({@link printable}): whatever a file's names and
 * texts hold, no escape sequence, carriage return, C1 control or bidirectional override reaches
 * the terminal, on standard output or standard error, in every format (JSON keeps its value:
 * the escapes are JSON's). Line breaks and tabs pass. Each of `io`'s streams is read at its
 * first use: Node makes `process.stderr` when it is first read, and made for a pipe (a CI log)
 * it loads the net module, some 2 ms of a run that writes nothing there.
 */
export function terminalIo(io: CliIo): CliIo {
  const safe = (stream: () => OutStream): OutStream => ({
    write: (text: string) => stream().write(printable(text, { keepLineBreaks: true })),
    writeRaw: (text: string) => stream().write(text),
    get isTTY() {
      return stream().isTTY;
    },
  });
  return { stdout: safe(() => io.stdout), stderr: safe(() => io.stderr) };
}

/** Exit codes of FORMAT.md: 0 ok, 1 invalid input (the message says where), 2 usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * Reads and parses one project file; a file that cannot be read is reported like bad input. Only
 * a regular file is read, and one larger than the parser's limit is refused by its size before
 * it is read ({@link readInputFile}); a UTF-16 file or a NUL byte is named by its bytes.
 */
export async function loadDocument(path: string): Promise<ParseResult> {
  const read = readInputFile(path);
  if (!read.ok) {
    const where = read.reason === 'unreadable' ? '(file)' : '(document)';
    return { ok: false, problems: [{ path: where, message: read.message }] };
  }
  const encoding = encodingProblem(read.bytes);
  return encoding
    ? { ok: false, problems: [{ path: '(document)', message: encoding }] }
    : parseDocumentText(read.bytes.toString('utf8'));
}

/**
 * Writes each problem as `FILE: path: message`, one per line (the parser lists at most
 * `MAX_LISTED_PROBLEMS` and counts the rest in a last line).
 */
export function reportProblems(
  io: CliIo,
  file: string,
  result: Extract<ParseResult, { ok: false }>,
): void {
  writeLines(
    io,
    result.problems.map((problem) => `${file}: ${formatProblem(problem)}`),
  );
}

/** Writes `lines` to standard error in one write, each ended by a line break. */
export function writeLines(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}

/** Loads one project file for a command; on problems reports each and returns undefined. */
export async function loadOrReport(io: CliIo, file: string): Promise<NinesDocument | undefined> {
  const loaded = await loadDocument(file);
  if (loaded.ok) return loaded.document;
  reportProblems(io, file, loaded);
  return undefined;
}
