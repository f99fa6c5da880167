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
 * UTF-16 when NUL bytes sit on one side of at least a quarter of the byte pairs in the first
 * {@link SNIFF_BYTES} (ASCII text in UTF-16 has a NUL beside every character; UTF-8 JSON and CSV
 * have none, and a stray NUL is not UTF-16 but a damaged or binary file, see
 * {@link encodingProblem}), else `utf-8`.
 * @example sniffEncoding(new Uint8Array([0x7b, 0x00, 0x22, 0x00])) // 'utf-16le'
 */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  const head = bytes.subarray(0, SNIFF_BYTES);
  return utf16ByNuls(head.length, (i) => head[i] === 0) ?? 'utf-8';
}

/**
 * `utf-16le` or `utf-16be` when NULs (`isNul(i)` for i < length) fill one side of at least a
 * quarter of the pairs, else undefined.
 */
function utf16ByNuls(
  length: number,
  isNul: (i: number) => boolean,
): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 1) {
    if (!isNul(i)) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  const pairs = Math.max(1, Math.floor(length / 2));
  if (odd * 4 >= pairs && odd > even) return 'utf-16le';
  if (even * 4 >= pairs && even > odd) return 'utf-16be';
  return undefined;
}

/**
 * The message for a NUL character in a text file, at its 1-based line and column: named as such
 * (a NUL is neither JSON nor CSV, and one stray NUL does not make a file UTF-16).
 */
export function nulMessage(line: number, column: number): string {
  return `a NUL character (0x00) at line ${line}, column ${column}: a text file has none (the file may be binary or damaged)`;
}

/** The message for UTF-16 input, the same whichever way it was found. */
export const UTF16_MESSAGE = 'UTF-16 is not supported: save the file as UTF-8';

/**
 * Why `bytes` cannot be read as UTF-8, or undefined when they can: UTF-16 ({@link UTF16_MESSAGE}
 * and which one), a NUL byte ({@link nulMessage}, with its line and column in bytes), or a byte
 * sequence that is not UTF-8 (a Windows-1252 or Latin-1 file), with the line it is on.
 */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  const encoding = sniffEncoding(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return `${UTF16_MESSAGE} (it is ${encoding.toUpperCase()})`;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = lineColumnOfByte(bytes, nul);
    return nulMessage(line, column);
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad === -1) return undefined;
  const { line } = lineColumnOfByte(bytes, bad);
  const hex = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
  return `not UTF-8: byte 0x${hex} on line ${line} (the file may be Windows-1252 or Latin-1): save the file as UTF-8`;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte: length of the sequence and the range of its second byte (RFC 3629, table 3-7
    // of the Unicode standard: no overlong forms, no surrogates, nothing above U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** 1-based line and column (in bytes) of `offset` in `bytes`. */
function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Why `text` (already decoded as UTF-8) is not a text file Nines reads, or undefined:
 * {@link UTF16_MESSAGE} when it is a UTF-16 file decoded as UTF-8 (its byte order mark becomes
 * two replacement characters or U+FFFE, and its ASCII characters come with NULs), else
 * {@link nulMessage} for a NUL character anywhere.
 */
export function textEncodingProblem(text: string): string | undefined {
  if (text.startsWith('\uFFFD\uFFFD') || text.startsWith('\uFFFE')) return UTF16_MESSAGE;
  const nul = text.indexOf('\u0000');
  if (nul === -1) return undefined;
  const head = Math.min(text.length, SNIFF_BYTES);
  if (utf16ByNuls(head, (i) => text.charCodeAt(i) === 0)) return UTF16_MESSAGE;
  const before = text.slice(0, nul);
  const line = before.split('\n').length;
  return nulMessage(line, nul - before.lastIndexOf('\n'));
}
