/**
 * What the docs checks read from a Markdown file, through a real Markdown parser (marked's
 * lexer, GitHub-flavoured): the `nines` examples of its shell code blocks, and the lines that
 * look like table rows but render as text because no table holds them.
 */
import { marked, type Token, type Tokens } from 'marked';

/** Code blocks in these languages are shell sessions whose `nines` lines are run by a test. */
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);

/** A `nines …` command of a shell code block, as written. */
export interface CliExample {
  /** 1-based line of the command in the Markdown file. */
  readonly line: number;
  /** The command line, continuation lines joined, without a `$ ` prompt. */
  readonly command: string;
  /** The exit code its comment states (`# exits 1`), else 0. */
  readonly expectedExit: number;
}

/** A line that starts and ends like a table row but is rendered as part of a paragraph. */
export interface StrayRow {
  readonly line: number;
  readonly text: string;
}

interface Located<T extends Token> {
  readonly token: T;
  /** 1-based line of the token's first line. */
  readonly line: number;
}

/**
 * The code blocks and paragraphs of `markdown`, nested ones included (in lists and quotes), in
 * document order, each with its line. marked gives tokens no position, and a nested token's raw
 * text has lost its indentation, so each is found by its first line, searching on from the last.
 */
function locatedBlocks(markdown: string): Located<Tokens.Code | Tokens.Paragraph>[] {
  const found: Located<Tokens.Code | Tokens.Paragraph>[] = [];
  let cursor = 0;
  // walkTokens returns the callbacks' results (for async extensions); this one is synchronous.
  void marked.walkTokens(marked.lexer(markdown, { gfm: true }), (token) => {
    if (token.type !== 'code' && token.type !== 'paragraph') return;
    const firstLine = token.raw.split('\n')[0]?.trim() ?? '';
    const at = markdown.indexOf(firstLine, cursor);
    if (at < 0) throw new Error(`cannot locate "${firstLine}" in the Markdown`);
    found.push({
      token: token as Tokens.Code | Tokens.Paragraph,
      line: markdown.slice(0, at).split('\n').length,
    });
    cursor = at + firstLine.length;
  });
  return found;
}

const EXIT_COMMENT = /\s+#\s*exits?\s+(\d+)\b.*$/;

/** The `nines` commands of the shell code blocks of `markdown`, in order. */
export function cliExamples(markdown: string): CliExample[] {
  const examples: CliExample[] = [];
  for (const { token: code, line } of locatedBlocks(markdown)) {
    if (code.type !== 'code') continue;
    if (code.codeBlockStyle === 'indented' || !SHELL_LANGUAGES.has(code.lang ?? '')) continue;
    // The fence is the token's first line; the code starts on the next.
    const lines = code.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const start = i;
      let text = lines[i] as string;
      while (text.endsWith('\\') && i + 1 < lines.length) {
        i += 1;
        text = `${text.slice(0, -1).trimEnd()} ${(lines[i] as string).trim()}`;
      }
      // A console block is a session: its commands follow a `$ ` prompt, other lines are output.
      if (code.lang === 'console' && !/^\s*\$\s/.test(text)) continue;
      const command = text.trim().replace(/^\$\s+/, '');
      if (!/^nines\s/.test(command)) continue;
      const exit = EXIT_COMMENT.exec(command);
      examples.push({
        line: line + 1 + start,
        command: exit ? command.slice(0, exit.index) : command,
        expectedExit: exit ? Number(exit[1]) : 0,
      });
    }
  }
  return examples;
}

/**
 * Lines of paragraphs that start and end with `|`: a table row that a blank line, a missing
 * delimiter row or a misplaced edit has cut off from its table, so it renders as text.
 */
export function strayTableRows(markdown: string): StrayRow[] {
  const stray: StrayRow[] = [];
  for (const { token, line } of locatedBlocks(markdown)) {
    if (token.type !== 'paragraph') continue;
    token.raw.split('\n').forEach((text, i) => {
      const trimmed = text.trim();
      if (trimmed.length > 1 && trimmed.startsWith('|') && trimmed.endsWith('|')) {
        stray.push({ line: line + i, text: trimmed });
      }
    });
  }
  return stray;
}
