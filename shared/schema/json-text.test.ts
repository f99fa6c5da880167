/**
 * JSON text from anyone: duplicate keys refused at their second occurrence with its JSON path,
 * nesting refused by a linear scan (two million `[` do not reach recursive code), NUL named as
 * such, and the list of problems capped.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FILE_CHARS, MAX_LISTED_PROBLEMS, parseJsonText } from './json-text';

/** The problems of `text` as `path @line:column: message`; [] when it parses. */
function problems(text: string): string[] {
  const result = parseJsonText(text);
  return result.ok
    ? []
    : result.problems.map((p) => `${p.path} @${p.line}:${p.column}: ${p.message}`);
}

describe('parseJsonText', () => {
  it('parses valid JSON, with or without a byte order mark', () => {
    expect(parseJsonText('{"a": [1, {"b": null}]}')).toEqual({
      ok: true,
      value: { a: [1, { b: null }] },
    });
    expect(parseJsonText('\uFEFF[]')).toEqual({ ok: true, value: [] });
  });

  it('refuses a duplicate key at its second occurrence, with its JSON path and the first place', () => {
    const text =
      '{"variants": [{"id": "v"}, {"nodes": [{"id": "a", "instances": 1000000,\n "instances": 15}]}]}';
    expect(problems(text)).toEqual([
      'variants[1].nodes[0].instances @2:2: duplicate key "instances" (first at line 1, column 51): a JSON file may give a key once',
    ]);
  });

  it('tells keys apart by their decoded value and their object', () => {
    expect(problems('{"a": 1, "\\u0061": 2}')).toEqual([
      'a @1:10: duplicate key "a" (first at line 1, column 2): a JSON file may give a key once',
    ]);
    expect(problems('{"a": {"a": 1}, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}')).toEqual([]);
    expect(problems('{"x": "a", "y": "a"}')).toEqual([]);
  });

  it('names keys that are not identifiers with brackets', () => {
    expect(problems('{"prices": {"aws:x:y:z": 1, "aws:x:y:z": 2}}')).toEqual([
      'prices["aws:x:y:z"] @1:29: duplicate key "aws:x:y:z" (first at line 1, column 13): a JSON file may give a key once',
    ]);
  });

  it(`lists ${MAX_LISTED_PROBLEMS} duplicate keys and counts the rest`, () => {
    const text = `{${Array.from({ length: 200 }, () => '"k": 1').join(', ')}}`;
    const found = problems(text);
    expect(found).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(found.at(-1)).toBe(
      `(document) @0:0: and ${199 - MAX_LISTED_PROBLEMS} more duplicate keys`,
    );
  });

  it('refuses two million nested brackets by the nesting limit, well-formed or not', () => {
    const depth = 2_000_000;
    const deep = `(document) @1:${MAX_DEPTH + 1}: nested more than ${MAX_DEPTH} levels deep at line 1, column ${MAX_DEPTH + 1}`;
    expect(problems('['.repeat(depth))).toEqual([deep]);
    expect(problems(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toEqual([deep]);
    expect(problems(`["[[[[", ${'{"a": '.repeat(depth)}`)).toEqual([
      `(document) @1:${10 + 6 * (MAX_DEPTH - 1)}: nested more than ${MAX_DEPTH} levels deep at line 1, column ${10 + 6 * (MAX_DEPTH - 1)}`,
    ]);
    expect(problems(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toEqual([]);
  });

  it('names a NUL character and its place, and UTF-16 as UTF-16', () => {
    expect(problems('{"name": "a\u0000b"}')).toEqual([
      '(document) @0:0: a NUL character (0x00) at line 1, column 12: a text file has none (the file may be binary or damaged)',
    ]);
    expect(problems('{\u0000"\u0000a\u0000"\u0000:\u00001\u0000}\u0000')).toEqual([
      '(document) @0:0: UTF-16 is not supported: save the file as UTF-8',
    ]);
  });

  it('places a syntax error and refuses an oversized text before parsing it', () => {
    expect(problems('{"a": 1,\n "b": }')).toEqual([
      '(document) @2:7: not valid JSON: value expected at line 2, column 7',
    ]);
    expect(problems(' '.repeat(MAX_FILE_CHARS + 1))).toEqual([
      `(document) @0:0: file is too large (${MAX_FILE_CHARS + 1} characters; at most ${MAX_FILE_CHARS})`,
    ]);
  });
});
