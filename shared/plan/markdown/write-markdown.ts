/**
 * Writes a plan document as GitHub-flavoured Markdown, for wikis and git: a metadata table,
 * a linked table of contents, numbered headings with explicit anchors, pipe tables,
 * placeholders and notes as blockquotes, the topology as a Mermaid `flowchart`.
 */
import {
  documentControl,
  type Align,
  type Block,
  type Cell,
  type Inline,
  type PlanDocument,
  type Run,
} from '../document';
import { prepareForWriting, headingLabel, headingNumbers, headingsOf } from '../outline';

/** Escapes characters that Markdown would read as markup in running text. */
export function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function codeSpan(value: string): string {
  // A code span is fenced by more backticks than it contains in a row.
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A blank: its hint in brackets, underlined with `<ins>` so that it reads as a space to fill
 * in, not as a link (GitHub keeps `<ins>`; plain renderers show `[hint]`).
 */
export function blankText(hint: string): string {
  return `<ins>[${escapeMarkdown(hint)}]</ins>`;
}

function runText(run: Run): string {
  if (run.blank) return blankText(run.text);
  if (run.code) return codeSpan(run.text);
  // Emphasis markers must hug the text, so surrounding spaces stay outside them.
  const match = /^(\s*)(.*?)(\s*)$/s.exec(run.text);
  const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? ''];
  if (core === '') return run.text;
  let out = escapeMarkdown(core);
  if (run.italic) out = `_${out}_`;
  if (run.bold) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

function inlineText(content: Inline): string {
  return content.map(runText).join('').replace(/\n/g, ' ');
}

function cellText(cell: Cell): string {
  // GitHub reads `|` as a cell border even inside a code span, so it is escaped there too.
  const out =
    typeof cell === 'string' ? escapeMarkdown(cell) : inlineText(cell).replace(/(?<!\\)\|/g, '\\|');
  return out.replace(/\n/g, ' ').trim() || ' ';
}

function alignRule(align: Align | undefined): string {
  if (align === 'right') return '---:';
  if (align === 'center') return ':---:';
  return '---';
}

function tableLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  aligns: readonly (Align | undefined)[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(aligns.map(alignRule)), ...rows.map(line)];
}

function blockLines(block: Block, numbers: Map<string, string>): string[] {
  switch (block.kind) {
    case 'heading': {
      return [
        `<a id="${block.id}"></a>`,
        '',
        `${'#'.repeat(block.level + 1)} ${escapeMarkdown(headingLabel(block, numbers))}`,
      ];
    }
    case 'paragraph':
      return [inlineText(block.runs)];
    case 'list':
      return block.items.map(
        (item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`,
      );
    case 'table': {
      const lines = tableLines(
        block.columns.map((c) => escapeMarkdown(c.header)),
        block.rows.map((row) => row.map(cellText)),
        block.columns.map((c) => c.align),
      );
      return block.caption ? [`**${escapeMarkdown(block.caption)}**`, '', ...lines] : lines;
    }
    case 'keyValue':
      if (block.rows.length === 0) return [];
      return tableLines(
        ['Item', 'Value'],
        block.rows.map((row) => [`**${escapeMarkdown(row.key)}**`, cellText(row.value)]),
        [undefined, undefined],
      );
    case 'callout': {
      const label = { placeholder: '[!IMPORTANT]', note: '[!NOTE]', warning: '[!WARNING]' }[
        block.tone
      ];
      const title = block.title ? `**${escapeMarkdown(block.title)}:** ` : '';
      return [`> ${label}`, `> ${title}${inlineText(block.runs)}`];
    }
    case 'pageBreak':
      return [];
    case 'figure':
      return ['```mermaid', block.mermaid, '```', '', `_${escapeMarkdown(block.caption)}_`];
  }
}

/** The Markdown text of `doc`, ending with a newline. Throws when the document is malformed. */
export function writeMarkdown(input: PlanDocument): string {
  const doc = prepareForWriting(input);
  const numbers = headingNumbers(doc);
  const meta = doc.meta;
  const rows = documentControl(meta);
  const out: string[][] = [
    [`# ${escapeMarkdown(meta.title)}`],
    ...(meta.subtitle ? [[`_${escapeMarkdown(meta.subtitle)}_`]] : []),
    tableLines(
      ['Document', 'Value'],
      rows.map(([k, v]) => [k, escapeMarkdown(v)]),
      [undefined, undefined],
    ),
    [
      '## Contents',
      '',
      ...headingsOf(doc).map(
        (h) =>
          `${'  '.repeat(h.level - 1)}- [${escapeMarkdown(headingLabel(h, numbers))}](#${h.id})`,
      ),
    ],
    ...doc.blocks.map((block) => blockLines(block, numbers)).filter((lines) => lines.length > 0),
  ];
  return `${out.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
