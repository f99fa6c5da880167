/**
 * Telling a UTF-8 text file from a UTF-16 one, on its bytes (where they are at hand: the CLI,
 * the desktop shell) or on text already decoded as UTF-8 (the browser, a pasted string). Nines
 * reads and writes UTF-8 only; a UTF-16 file gets a message saying so instead of a JSON or CSV
 * syntax error at its first character.
 */

/** Encodings told apart by a file's first bytes. */
export type SniffedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** How many leading bytes are looked at for the NUL bytes of BOM-less UTF-16. */
const SNIFF_BYTES = 1024;

/**
 * The encoding of a file from its first bytes: the byte order mark when there is one, else
 * UTF-16 when a NUL byte appears in the first {@link SNIFF_BYTES} (ASCII text in UTF-16 has a
 * NUL beside every character; UTF-8 JSON and CSV have none), else `utf-8`.
 * @example sniffEncoding(new Uint8Array([0x7b, 0x00, 0x22, 0x00])) // 'utf-16le'
 */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul === -1) return 'utf-8';
  return nul % 2 === 1 ? 'utf-16le' : 'utf-16be';
}

/** The message for UTF-16 input, the same whichever way it was found. */
export const UTF16_MESSAGE = 'UTF-16 is not supported: save the file as UTF-8';

/** {@link UTF16_MESSAGE} when `bytes` are UTF-16, undefined when they may be read as UTF-8. */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  const encoding = sniffEncoding(bytes);
  return encoding === 'utf-16le' || encoding === 'utf-16be'
    ? `${UTF16_MESSAGE} (it is ${encoding.toUpperCase()})`
    : undefined;
}

/**
 * {@link UTF16_MESSAGE} when `text` is a UTF-16 file decoded as UTF-8: its byte order mark
 * becomes two replacement characters (or U+FFFE), and its ASCII characters come with NULs.
 */
export function textEncodingProblem(text: string): string | undefined {
  return text.startsWith('\uFFFD\uFFFD') || text.startsWith('\uFFFE') || text.includes('\u0000')
    ? UTF16_MESSAGE
    : undefined;
}
