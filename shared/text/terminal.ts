/**
 * Text from a file made safe to print on a terminal: every character that a terminal obeys
 * rather than shows is written as its `\uXXXX` escape. That covers the C0 controls (ESC starts
 * the sequences that retitle a window, clear the screen or rewrite a line; a carriage return
 * overwrites what came before), DEL, the C1 controls (U+009B is a one-character CSI on some
 * terminals), the bidirectional overrides and isolates that reorder what is shown (U+202E makes
 * `gpj.exe` read as `exe.jpg`), and the line and paragraph separators. The escape is JSON's, so
 * applied to JSON text it changes how a string is spelled, never its value.
 */

/** The characters {@link printable} escapes, apart from the line breaks it may keep. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control, bidirectional-override and separator character replaced by its
 * `\uXXXX` escape (`\u001b` for ESC). With `keepLineBreaks`, `\n`, `\r\n` and tabs are kept (for
 * whole lines of a program's output); without, a name stays on one line.
 * @example printable('\u001b]0;pwned\u0007db') // '\\u001b]0;pwned\\u0007db'
 */
export function printable(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const keep = options.keepLineBreaks === true;
  return text.replace(UNSAFE, (c, offset: number) => {
    if (keep && (c === '\n' || c === '\t' || (c === '\r' && text[offset + 1] === '\n'))) return c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
