/**
 * How long a block is, estimated in lines, so that a heading stays with the short block that
 * follows it (pdfmake cannot measure before it lays out).
 */
import { plainText, type Block, type Inline, type TableBlock } from '../document';
import { type PdfNode, STYLES } from './theme';
import { TABLE_CHARS_PER_LINE, sharesOf } from './blocks';

/**
 * Most body lines a block may take to be kept on one page with the headings above it. pdfmake
 * drops an unbreakable group that is taller than a page, so only blocks far shorter than a page
 * are grouped; a longer list lends its first items instead.
 */
export const KEEP_WITH_HEADING_LINES = 12;

/**
 * Most lines (by {@link tableLines}) of a table kept whole with its caption and the headings
 * above it: well under a page of table rows (about 50 lines of 8.5 pt text with their padding),
 * so that the group always fits on an empty page. A longer table starts under its caption when
 * its first rows fit there, and may leave the caption alone at the foot of a page otherwise.
 */
export const KEEP_TABLE_WHOLE_LINES = 30;

/** Characters in a body line, a generous estimate (about 95 fit the content width). */
const CHARS_PER_LINE = 80;

function lines(content: Inline): number {
  const chars = content.reduce((sum, run) => sum + run.text.length, 0);
  return Math.max(1, Math.ceil(chars / CHARS_PER_LINE));
}

/**
 * `node` with no space below it. pdfmake starts a new page when a block's bottom margin does not
 * fit on the page, and a page break that follows then leaves that page blank; the last block
 * before a page break needs no space below it anyway.
 */
export function withoutBottomMargin(node: PdfNode): PdfNode {
  if (typeof node !== 'object' || Array.isArray(node)) return node;
  const stack = node.stack;
  if (Array.isArray(stack) && stack.length > 0) {
    const children = stack as PdfNode[];
    const last = children[children.length - 1] as PdfNode;
    return { ...node, stack: [...children.slice(0, -1), withoutBottomMargin(last)] };
  }
  const margin =
    node.margin ?? (typeof node.style === 'string' ? STYLES[node.style]?.margin : undefined);
  if (!Array.isArray(margin) || margin.length !== 4) return node;
  const [left, top, right] = margin as number[];
  return { ...node, margin: [left, top, right, 0] };
}

/** A rough height of a table in lines: its header and each row's tallest cell. */
export function tableLines(table: TableBlock): number {
  const shares = sharesOf(table);
  return table.rows.reduce(
    (sum, row) =>
      sum +
      Math.max(
        1,
        ...row.map((cell, i) =>
          Math.ceil(plainText(cell).length / Math.max(8, TABLE_CHARS_PER_LINE * (shares[i] ?? 1))),
        ),
      ),
    1,
  );
}

/** A rough height of a short block in body lines; Infinity for blocks never kept with a heading. */
export function estimatedLines(block: Block): number {
  switch (block.kind) {
    case 'paragraph':
      return lines(block.runs);
    case 'list':
      return block.items.reduce((sum, item) => sum + lines(item), 0);
    case 'callout':
      return lines(block.runs) + 1;
    case 'keyValue':
      return block.rows.reduce(
        (sum, row) =>
          sum + lines(typeof row.value === 'string' ? [{ text: row.value }] : row.value),
        0,
      );
    case 'figure':
      // A figure reaches at most a page less its caption room: keep it with headings only when small.
      return block.drawing.height > 300 ? Infinity : 0;
    default:
      return Infinity;
  }
}
