import { describe, expect, it } from 'vitest';
import { encodingProblem, sniffEncoding, textEncodingProblem, UTF16_MESSAGE } from './encoding';

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
