/**
 * One plan block as pdfmake nodes: inline runs, tables (column shares, rows kept whole when they
 * fit a page), key-value lists, callouts, headings with their outline entry, and figures.
 */
import {
  isBlankCell,
  isFillableRow,
  type Align,
  type Block,
  type CalloutBlock,
  type Cell,
  type FigureBlock,
  type HeadingBlock,
  type Inline,
  type KeyValueBlock,
  type PageBreakBlock,
  type TableBlock,
  plainText,
  splitAtIds,
} from '../document';
import { toSvg } from '../drawing';
import { type PdfNode, T } from './theme';

/**
 * `text` with each hyphenated id ({@link splitAtIds}) an inline of its own that pdfmake does not
 * wrap; its text, and so what a reader copies, keeps plain hyphens.
 */
function unbrokenIds(text: string, style: Record<string, unknown>): PdfNode[] {
  return splitAtIds(text).map((part) =>
    part.id ? { text: part.text, noWrap: true, ...style } : { text: part.text, ...style },
  );
}

/** Characters a blank in running text spans at least, hint included: room to write a name. */
const BLANK_CHARS = 34;

/**
 * A blank in running text: its hint in small grey type on a tinted, ruled stretch (padded
 * with no-break spaces to {@link BLANK_CHARS}), kept on one line.
 */
function blankInline(hint: string): PdfNode {
  const pad = '\u00a0'.repeat(Math.max(2, BLANK_CHARS - hint.length));
  return {
    text: `\u00a0${hint}${pad}`,
    noWrap: true,
    style: 'blank',
    decoration: 'underline',
    decorationColor: T.blank.rule,
  };
}

export function runs(content: Inline): PdfNode[] {
  return content.flatMap((run) => {
    if (run.blank) return [blankInline(run.text)];
    const style = {
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.code ? { style: 'code' } : {}),
    };
    return unbrokenIds(run.text, style);
  });
}

/** A cell that is a blank: the whole cell tinted, the hint small and grey at its top. */
function blankCell(hint: string): PdfNode {
  return { text: hint, style: 'blankCell', fillColor: T.blank.fill };
}

function cellText(cell: Cell): PdfNode {
  return typeof cell === 'string' ? runs([{ text: cell }]) : runs(cell);
}

export function sharesOf(table: TableBlock): number[] {
  const weights = table.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** Characters of table text (8.5 pt) in a line as wide as the content, estimated low. */
export const TABLE_CHARS_PER_LINE = 100;
/** Lines a table row or callout may have and still be kept whole on one page, with room. */
const UNBREAKABLE_LINES = 30;

/**
 * Whether every row is short enough to be kept whole on a page (`shares`: each column's share
 * of the width). pdfmake drops, and Word clips, a row it must not break that is taller than a
 * page, so rows are kept whole only when none comes near that.
 */
export function rowsFitOnPage(
  rows: readonly (readonly Cell[])[],
  shares: readonly number[],
): boolean {
  return rows.every((row) =>
    row.every((cell, i) => {
      const chars =
        typeof cell === 'string' ? cell.length : cell.reduce((n, r) => n + r.text.length, 0);
      const perLine = Math.max(8, TABLE_CHARS_PER_LINE * (shares[i] ?? 1));
      return Math.ceil(chars / perLine) <= UNBREAKABLE_LINES;
    }),
  );
}

/**
 * Height of a table row filled in by hand, points: two lines of 8.5 pt text and the cell's
 * padding, about 9.5 mm, the ruled line height of a paper form.
 */
export const FILLABLE_ROW_HEIGHT = 27;

/** Thin horizontal rules, a shaded header and zebra rows; no vertical lines. */
const TABLE_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4,
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i <= 1 ? '#9aa5b1' : T.rule),
  fillColor: (row: number) => (row === 0 ? T.headerFill : row % 2 === 0 ? T.zebraFill : null),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function tableNode(table: TableBlock): PdfNode[] {
  const align = (a: Align | undefined) => a ?? 'left';
  const header = table.columns.map((c) => ({
    text: c.header,
    style: 'tableHeader',
    alignment: align(c.align),
  }));
  const body = table.rows.map((row) =>
    row.map((cell, i) =>
      isBlankCell(cell)
        ? blankCell(plainText(cell))
        : { text: cellText(cell), alignment: align(table.columns[i]?.align) },
    ),
  );
  // Rows to fill in by hand get room for handwriting; the header and other rows their text.
  const fillable = table.rows.map(isFillableRow);
  const nodes: PdfNode[] = [];
  if (table.caption) nodes.push({ text: table.caption, style: 'caption' });
  const shares = sharesOf(table);
  const keepRows = rowsFitOnPage(table.rows, shares);
  nodes.push({
    table: {
      headerRows: 1,
      ...(keepRows ? { dontBreakRows: true, keepWithHeaderRows: 1 } : {}),
      widths: shares.map(percent),
      ...(fillable.some(Boolean)
        ? { heights: (i: number) => (i > 0 && fillable[i - 1] ? FILLABLE_ROW_HEIGHT : 'auto') }
        : {}),
      body: [header, ...body],
    },
    layout: TABLE_LAYOUT,
    style: 'table',
  });
  return nodes;
}

function keyValueNode(block: KeyValueBlock): PdfNode {
  return {
    table: {
      dontBreakRows: rowsFitOnPage(
        block.rows.map((row) => [row.key, row.value]),
        [0.32, 0.68],
      ),
      widths: ['32%', '68%'],
      ...(block.rows.some((row) => isBlankCell(row.value))
        ? {
            heights: (i: number) =>
              isBlankCell(block.rows[i]?.value ?? '') ? FILLABLE_ROW_HEIGHT : 'auto',
          }
        : {}),
      body: block.rows.map((row) => [
        { text: row.key, bold: true, color: T.muted },
        isBlankCell(row.value) ? blankCell(plainText(row.value)) : { text: cellText(row.value) },
      ]),
    },
    layout: {
      ...TABLE_LAYOUT,
      hLineWidth: () => 0.4,
      hLineColor: () => T.rule,
      fillColor: () => null,
    },
    style: 'table',
  };
}

function calloutNode(block: CalloutBlock): PdfNode {
  const tone = T.callout[block.tone];
  const content: PdfNode[] = [];
  // The lead-in is upright even in an italic placeholder: one font fewer to embed.
  if (block.title) {
    content.push({ text: `${block.title}: `, bold: true, italics: false, color: tone.title });
  }
  content.push(...runs(block.runs));
  return {
    table: {
      widths: ['*'],
      dontBreakRows: rowsFitOnPage([[block.runs]], [0.8]),
      body: [[{ text: content, italics: block.tone === 'placeholder' }]],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => tone.bar,
      fillColor: () => tone.fill,
      paddingLeft: () => 9,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
    margin: [0, 2, 0, 10],
  };
}

export function headingNode(
  block: HeadingBlock,
  label: string,
  parent: string | undefined,
): PdfNode {
  return {
    text: label,
    id: block.id,
    style: `h${block.level}`,
    // The contents list chapters and sections; the outline has every heading.
    tocItem: block.level <= 2,
    tocStyle: block.level === 1 ? 'tocLevel1' : 'tocLevel',
    tocMargin: [(block.level - 1) * 14, block.level === 1 ? 6 : 2, 0, 0],
    outline: true,
    outlineText: label,
    ...(parent ? { outlineParentId: parent } : {}),
  };
}

export function figureNode(block: FigureBlock): PdfNode {
  return {
    id: block.id,
    unbreakable: true,
    stack: [
      {
        svg: toSvg(block.drawing),
        width: block.drawing.width,
        height: block.drawing.height,
      },
      { text: block.caption, style: 'figureCaption' },
    ],
    margin: [0, 6, 0, 12],
  };
}

export function blockNodes(
  block: Exclude<Block, HeadingBlock | FigureBlock | PageBreakBlock>,
): PdfNode[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ text: runs(block.runs), style: 'body' }];
    case 'list': {
      const items = block.items.map((item) => ({ text: runs(item) }));
      return [block.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list' }];
    }
    case 'table':
      return tableNode(block);
    case 'keyValue':
      // pdfmake cannot lay out a table without rows; an empty list of pairs shows nothing.
      return block.rows.length > 0 ? [keyValueNode(block)] : [];
    case 'callout':
      return [calloutNode(block)];
  }
}
