/**
 * Reading JSON text that may come from anyone, for project files and price files alike: one
 * size limit, one nesting limit, NUL and UTF-16 named as such, duplicate keys refused, and every
 * problem placed by its JSON path and its line and column. Nothing here recurses on the text's
 * structure: a file nested two million deep is refused by a linear scan before any recursive
 * code (jsonc-parser's error locator) sees it.
 */
import {
  createScanner,
  parse as parseJsonc,
  printParseErrorCode,
  type ParseError,
  type ParseErrorCode,
} from 'jsonc-parser';
import { textEncodingProblem } from '../text/encoding';

/**
 * Largest file Nines reads (project or price file), in UTF-16 code units of its text (about
 * 50 MB; the CLI and the desktop shell compare the bytes on disk, which are at least as many).
 */
export const MAX_FILE_CHARS = 50 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted (a nines/1 file needs about 6, a price book 3). */
export const MAX_DEPTH = 64;

/** Problems listed one by one before the rest are only counted. */
export const MAX_LISTED_PROBLEMS = 50;

/** A problem in JSON text: its JSON path (`(document)` for the whole) and its place. */
export interface JsonTextProblem {
  readonly path: string;
  readonly message: string;
  /** 1-based line and column; 0 when the problem is the whole file. */
  readonly line: number;
  readonly column: number;
}

/** The value of a JSON text, or its problems. */
export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; problems: JsonTextProblem[] };

/**
 * Parses strict JSON text (a UTF-8 byte order mark is ignored). In order: the size, the
 * encoding (UTF-16 decoded as UTF-8, a NUL), the nesting depth (with its place), the syntax
 * (the first error with its place), then duplicate keys (each second occurrence with its JSON
 * path and the place of the first; {@link MAX_LISTED_PROBLEMS} listed, the rest counted).
 */
export function parseJsonText(text: string): JsonTextResult {
  if (text.length > MAX_FILE_CHARS) {
    return whole(`file is too large (${text.length} characters; at most ${MAX_FILE_CHARS})`);
  }
  const encoding = textEncodingProblem(text);
  if (encoding) return whole(encoding);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanStructure(body);
  if (scan.tooDeepAt !== undefined) {
    const at = lineColumn(body, scan.tooDeepAt);
    return fail(
      '(document)',
      `nested more than ${MAX_DEPTH} levels deep at line ${at.line}, column ${at.column}`,
      at,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // Safe to recurse now: the scan above bounds the depth.
    const errors: ParseError[] = [];
    parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) return whole('not valid JSON: unexpected content');
    const at = lineColumn(body, first.offset);
    return fail(
      '(document)',
      `not valid JSON: ${jsonErrorText(first.error)} at line ${at.line}, column ${at.column}`,
      at,
    );
  }
  if (scan.duplicates.length > 0) return { ok: false, problems: scan.duplicates };
  return { ok: true, value };
}

function whole(message: string): JsonTextResult {
  return fail('(document)', message, { line: 0, column: 0 });
}

function fail(path: string, message: string, at: { line: number; column: number }): JsonTextResult {
  return { ok: false, problems: [{ path, message, ...at }] };
}

/**
 * The token kinds of jsonc-parser's scanner used here. Its `SyntaxKind` is a `const enum`, which
 * an isolated-modules build cannot read, so the values are restated (jsonc-parser 3.3.1).
 */
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  trivia: 15,
  eof: 17,
} as const;

/** One open array or object during the scan. */
type Frame =
  | { readonly kind: 'array'; index: number }
  | {
      readonly kind: 'object';
      /** Offset of each key's first occurrence. */
      readonly keys: Map<string, number>;
      key: string | undefined;
      expectKey: boolean;
    };

/**
 * One pass over the tokens (jsonc-parser's scanner, which does not recurse) with an explicit
 * stack: the offset of the first bracket past {@link MAX_DEPTH}, and the duplicate keys. On
 * text that is not valid JSON the duplicates are meaningless; the caller reads them only after
 * `JSON.parse` accepted the text.
 */
function scanStructure(text: string): { tooDeepAt?: number; duplicates: JsonTextProblem[] } {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  const duplicates: JsonTextProblem[] = [];
  let unlisted = 0;
  const valueDone = (): void => {
    const top = stack.at(-1);
    if (top?.kind === 'object') top.key = undefined;
  };
  for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    const top = stack.at(-1);
    switch (token) {
      case TOKEN.openBrace:
      case TOKEN.openBracket:
        if (stack.length >= MAX_DEPTH) return { tooDeepAt: scanner.getTokenOffset(), duplicates };
        stack.push(
          token === TOKEN.openBracket
            ? { kind: 'array', index: 0 }
            : { kind: 'object', keys: new Map(), key: undefined, expectKey: true },
        );
        break;
      case TOKEN.closeBrace:
      case TOKEN.closeBracket:
        stack.pop();
        valueDone();
        break;
      case TOKEN.comma:
        if (top?.kind === 'array') top.index += 1;
        else if (top?.kind === 'object') top.expectKey = true;
        break;
      case TOKEN.string:
        if (top?.kind === 'object' && top.expectKey) {
          const key = scanner.getTokenValue();
          const offset = scanner.getTokenOffset();
          top.expectKey = false;
          top.key = key;
          const first = top.keys.get(key);
          if (first === undefined) top.keys.set(key, offset);
          else if (duplicates.length < MAX_LISTED_PROBLEMS) {
            const at = lineColumn(text, offset);
            const was = lineColumn(text, first);
            duplicates.push({
              path: formatPath(pathOf(stack)),
              message: `duplicate key ${JSON.stringify(key)} (first at line ${was.line}, column ${was.column}): a JSON file may give a key once`,
              ...at,
            });
          } else unlisted += 1;
        } else valueDone();
        break;
      case TOKEN.colon:
      case TOKEN.trivia:
      case TOKEN.lineBreak:
      case TOKEN.lineComment:
      case TOKEN.blockComment:
        break;
      default:
        valueDone();
    }
  }
  if (unlisted > 0) {
    duplicates.push({
      path: '(document)',
      message: `and ${unlisted} more duplicate key${unlisted === 1 ? '' : 's'}`,
      line: 0,
      column: 0,
    });
  }
  return { duplicates };
}

/** The JSON path of the scanner's position: each object's current key, each array's index. */
function pathOf(stack: readonly Frame[]): PropertyKey[] {
  return stack.flatMap((frame): PropertyKey[] =>
    frame.kind === 'array' ? [frame.index] : frame.key === undefined ? [] : [frame.key],
  );
}

/** Renders `['variants', 0, 'nodes', 3, 'instances']` as `variants[0].nodes[3].instances`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(document)';
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function jsonErrorText(code: ParseErrorCode): string {
  // 'PropertyNameExpected' → 'property name expected'
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
