import { describe, expect, it } from 'vitest';
import {
  encodingProblem,
  invalidUtf8Offset,
  nulMessage,
  sniffEncoding,
  textEncodingProblem,
  UTF16_MESSAGE,
} from './encoding';

/** `text` encoded as UTF-16, little or big endian, with or without a byte order mark. */
function utf16(text: string, endian: 'le' | 'be', withBom: boolean): Uint8Array {
  const units = [...(withBom ? '\uFEFF' : ''), ...text].map((c) => c.charCodeAt(0));
  return new Uint8Array(
    units.flatMap((u) => (endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])),
  );
}

describe('sniffEncoding', () => {
  it('reads the byte order mark', () => {
    expect(sniffEncoding(utf16('{}', 'le', true))).toBe('utf-16le');
    expect(sniffEncoding(utf16('{}', 'be', true))).toBe('utf-16be');
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toBe('utf-8-bom');
  });

  it('finds BOM-less UTF-16 by its NUL bytes, and takes anything else for UTF-8', () => {
    expect(sniffEncoding(utf16('{"format": 1}', 'le', false))).toBe('utf-16le');
    expect(sniffEncoding(utf16('key,usd', 'be', false))).toBe('utf-16be');
    expect(sniffEncoding(new TextEncoder().encode('{"name": "Zürich — 東京"}'))).toBe('utf-8');
    expect(sniffEncoding(new Uint8Array([]))).toBe('utf-8');
  });
});

describe('encodingProblem', () => {
  it('says UTF-16 is not supported and which one it is', () => {
    expect(encodingProblem(utf16('{}', 'le', true))).toBe(`${UTF16_MESSAGE} (it is UTF-16LE)`);
    expect(encodingProblem(utf16('{}', 'be', false))).toBe(`${UTF16_MESSAGE} (it is UTF-16BE)`);
    expect(encodingProblem(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toBeUndefined();
  });

  it('names a byte that is not UTF-8 and its line', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('key,usd\nZ'), 0xfc, 0x72]);
    expect(encodingProblem(latin1)).toBe(
      'not UTF-8: byte 0xFC on line 2 (the file may be Windows-1252 or Latin-1): save the file as UTF-8',
    );
  });
});

describe('invalidUtf8Offset', () => {
  it('accepts every well-formed sequence, one to four bytes', () => {
    const text = 'a é € 😀 \u{10FFFF} \u0080 \u07FF \uFFFF';
    expect(invalidUtf8Offset(new TextEncoder().encode(text))).toBe(-1);
  });

  it('finds stray, truncated, overlong, surrogate and out-of-range sequences', () => {
    const at = (...bytes: number[]) => invalidUtf8Offset(new Uint8Array([0x61, ...bytes]));
    expect(at(0xe9, 0x74)).toBe(1); // Latin-1 "é" followed by ASCII
    expect(at(0x80)).toBe(1); // continuation byte without a lead
    expect(at(0xe2, 0x82)).toBe(1); // truncated at the end
    expect(at(0xc0, 0xaf)).toBe(1); // overlong "/"
    expect(at(0xe0, 0x80, 0xaf)).toBe(1); // overlong three-byte form
    expect(at(0xed, 0xa0, 0x80)).toBe(1); // UTF-16 surrogate D800
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(1); // above U+10FFFF
    expect(at(0xf5, 0x80, 0x80, 0x80)).toBe(1);
  });
});

describe('textEncodingProblem', () => {
  it('recognises UTF-16 that was decoded as UTF-8', () => {
    const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
    expect(textEncodingProblem(decode(utf16('{}', 'le', true)))).toBe(UTF16_MESSAGE);
    expect(textEncodingProblem(decode(utf16('{}', 'be', true)))).toBe(UTF16_MESSAGE);
    expect(textEncodingProblem(decode(utf16('{}', 'le', false)))).toBe(UTF16_MESSAGE);
    expect(textEncodingProblem('\uFEFF{"format": "nines/1"}')).toBeUndefined();
  });
});

describe('a NUL in a UTF-8 file', () => {
  it('is named as a NUL with its place, not taken for UTF-16', () => {
    const bytes = new TextEncoder().encode('key,usd\naws:x:y:z,1\u0000\n');
    expect(sniffEncoding(bytes)).toBe('utf-8');
    expect(encodingProblem(bytes)).toBe(nulMessage(2, 12));
    expect(textEncodingProblem('{"name": "a\u0000"}')).toBe(nulMessage(1, 12));
    expect(nulMessage(2, 12)).toBe(
      'a NUL character (0x00) at line 2, column 12: a text file has none (the file may be binary or damaged)',
    );
  });

  it('a file of NULs only is UTF-16 by neither side: named as NULs', () => {
    expect(encodingProblem(new Uint8Array(64))).toBe(nulMessage(1, 1));
  });
});
