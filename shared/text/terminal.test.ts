import { describe, expect, it } from 'vitest';
import { printable } from './terminal';

describe('printable', () => {
  it('escapes ESC sequences, BEL, C1 controls, DEL and bidirectional overrides', () => {
    expect(printable('\u001b]0;pwned\u0007\u001b[2Jdb')).toBe('\\u001b]0;pwned\\u0007\\u001b[2Jdb');
    expect(printable('a\u009b31mb\u007f')).toBe('a\\u009b31mb\\u007f');
    expect(printable('invoice\u202Egpj.exe')).toBe('invoice\\u202egpj.exe');
    expect(printable('\u2066x\u2069\u200f\u061c')).toBe('\\u2066x\\u2069\\u200f\\u061c');
    expect(printable('line\u2028sep')).toBe('line\\u2028sep');
  });

  it('keeps one line for a name, and line breaks for whole lines of output when asked', () => {
    expect(printable('a\nb\r\nc\rd\te')).toBe('a\\u000ab\\u000d\\u000ac\\u000dd\\u0009e');
    expect(printable('a\nb\r\nc\rd\te', { keepLineBreaks: true })).toBe('a\nb\r\nc\\u000dd\te');
  });

  it('leaves ordinary text alone, accents, dashes, CJK and emoji included', () => {
    const text = 'Zürich — 東京 · 99.95 % · ≥ 2 → 😀 \u00a0';
    expect(printable(text)).toBe(text);
  });

  it('changes how JSON spells a string, not its value', () => {
    const value = { name: 'x\u009b\u202e\u2028\u007fy' };
    const json = printable(JSON.stringify(value), { keepLineBreaks: true });
    expect(json).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
