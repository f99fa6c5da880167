/**
 * The plan document as a pdfmake document definition: a pure translation, no I/O. pdfmake does
 * the layout: pagination, tables that split with their header row repeated, the table of
 * contents with page numbers, the outline (bookmarks), running header and footer.
 *
 * Layout choices: a title page; the contents (chapters and sections) on the next page; each
 * level-1 heading starts a page; headings stay with a short block that follows them; a
 * landscape figure gets a landscape page of its own.
 */
import {
  PAGE,
  assertWritable,
  documentControl,
  headingLabel,
  headingNumbers,
  plainText,
  type Align,
  type Block,
  type CalloutBlock,
  type Cell,
  type FigureBlock,
  type HeadingBlock,
  type Inline,
  type KeyValueBlock,
  type PlanDocument,
  type PageBreakBlock,
  type PlanMeta,
  type TableBlock,
} from '../document';
import { toSvg } from '../drawing';

/** A node of a pdfmake document definition (pdfmake's own types pull in DOM and Node). */
export type PdfNode = string | PdfNode[] | { readonly [key: string]: unknown };

/** A pdfmake document definition, as far as this writer fills it. */
export interface PdfDefinition {
  readonly content: PdfNode[];
  readonly [key: string]: unknown;
}

/** The colours and sizes of the written plan: one restrained palette for every page. */
export const PDF_THEME = {
  ink: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  accent: '#1e3a5f',
  headerFill: '#e4e7eb',
  zebraFill: '#f7f8fa',
  codeFill: '#eef1f4',
  callout: {
    placeholder: { fill: '#fff7e6', bar: '#d97706', title: '#92400e' },
    note: { fill: '#eef2f7', bar: '#52606d', title: '#1f2933' },
    warning: { fill: '#fdecea', bar: '#b91c1c', title: '#7f1d1d' },
  },
  bodySize: 10,
} as const;

const T = PDF_THEME;

function runs(content: Inline): PdfNode[] {
  return content.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.code ? { style: 'code' } : {}),
  }));
}

function cellText(cell: Cell): PdfNode {
  return typeof cell === 'string' ? cell : runs(cell);
}

function sharesOf(table: TableBlock): number[] {
  const weights = table.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** Characters of table text (8.5 pt) in a line as wide as the content, estimated low. */
const TABLE_CHARS_PER_LINE = 100;
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
    row.map((cell, i) => ({ text: cellText(cell), alignment: align(table.columns[i]?.align) })),
  );
  const nodes: PdfNode[] = [];
  if (table.caption) nodes.push({ text: table.caption, style: 'caption' });
  const shares = sharesOf(table);
  const keepRows = rowsFitOnPage(table.rows, shares);
  nodes.push({
    table: {
      headerRows: 1,
      ...(keepRows ? { dontBreakRows: true, keepWithHeaderRows: 1 } : {}),
      widths: shares.map(percent),
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
      body: block.rows.map((row) => [
        { text: row.key, bold: true, color: T.muted },
        { text: cellText(row.value) },
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

function headingNode(block: HeadingBlock, label: string, parent: string | undefined): PdfNode {
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

function figureNode(block: FigureBlock): PdfNode {
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

function blockNodes(block: Exclude<Block, HeadingBlock | FigureBlock | PageBreakBlock>): PdfNode[] {
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

/**
 * Most body lines a block may take to be kept on one page with the headings above it. pdfmake
 * drops an unbreakable group that is taller than a page, so only blocks far shorter than a page
 * are grouped; a longer list lends its first items instead.
 */
const KEEP_WITH_HEADING_LINES = 12;

/** Characters in a body line, a generous estimate (about 95 fit the content width). */
const CHARS_PER_LINE = 80;

function lines(content: Inline): number {
  const chars = content.reduce((sum, run) => sum + run.text.length, 0);
  return Math.max(1, Math.ceil(chars / CHARS_PER_LINE));
}

/** The named styles of the PDF (pdfmake's style dictionary). */
const STYLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  kicker: { fontSize: 10, bold: true, color: T.accent, characterSpacing: 1.2 },
  title: { fontSize: 26, bold: true, color: T.ink, lineHeight: 1.1 },
  subtitle: { fontSize: 14, color: T.muted, margin: [0, 8, 0, 0] },
  small: { fontSize: 8.5, color: T.muted },
  running: { fontSize: 8, color: T.muted },
  h1: { fontSize: 18, bold: true, color: T.accent, margin: [0, 0, 0, 12] },
  h2: { fontSize: 13.5, bold: true, color: T.ink, margin: [0, 14, 0, 6] },
  h3: { fontSize: 11, bold: true, color: T.ink, margin: [0, 10, 0, 4] },
  body: { margin: [0, 0, 0, 8] },
  list: { margin: [8, 0, 0, 8] },
  listPart: { margin: [8, 0, 0, 0] },
  code: { background: T.codeFill, color: '#323f4b' },
  table: { fontSize: 8.5, lineHeight: 1.15, margin: [0, 2, 0, 12] },
  tableHeader: { bold: true, color: T.ink },
  caption: { fontSize: 9, bold: true, color: T.muted, margin: [0, 4, 0, 4] },
  figureCaption: { fontSize: 9, italics: true, color: T.muted, margin: [0, 6, 0, 0] },
  tocTitle: { fontSize: 18, bold: true, color: T.accent, margin: [0, 0, 0, 14] },
  tocLevel1: { bold: true },
  tocLevel: { color: T.ink },
  tocNumber: { color: T.muted },
};

/**
 * `node` with no space below it. pdfmake starts a new page when a block's bottom margin does not
 * fit on the page, and a page break that follows then leaves that page blank; the last block
 * before a page break needs no space below it anyway.
 */
function withoutBottomMargin(node: PdfNode): PdfNode {
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
function tableLines(table: TableBlock): number {
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
function estimatedLines(block: Block): number {
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

/**
 * The body: headings numbered and nested in the outline; each run of headings kept on one page
 * with the block that follows it when that block is short (pdfmake has no keep-with-next, and
 * its `pageBreakBefore` hook re-lays the whole document out each time it fires); level-1
 * headings start a page; a landscape figure gets a landscape page of its own.
 */
function bodyNodes(doc: PlanDocument): PdfNode[] {
  const numbers = headingNumbers(doc);
  const parents: (string | undefined)[] = [undefined, undefined, undefined];
  const nodes: PdfNode[] = [];
  let pending: PdfNode[] = [];
  let breakBefore: Record<string, string> = {};
  const emit = (group: PdfNode[]) => {
    if (group.length === 0) return;
    const previous = nodes.length - 1;
    if (breakBefore.pageBreak && previous >= 0) {
      nodes[previous] = withoutBottomMargin(nodes[previous] as PdfNode);
    }
    const first = group[0];
    if (
      group.length === 1 &&
      first !== undefined &&
      typeof first === 'object' &&
      !Array.isArray(first)
    ) {
      nodes.push({ ...first, ...breakBefore });
    } else {
      nodes.push({ stack: group, unbreakable: group.length > 1, ...breakBefore });
    }
    breakBefore = {};
  };
  doc.blocks.forEach((block) => {
    if (block.kind === 'heading') {
      if (block.level === 1 && pending.length === 0 && !breakBefore.pageBreak) {
        breakBefore = { pageBreak: 'before' };
      }
      pending.push(headingNode(block, headingLabel(block, numbers), parents[block.level - 2]));
      parents[block.level - 1] = block.id;
      for (let i = block.level; i < parents.length; i += 1) parents[i] = undefined;
      return;
    }
    if (block.kind === 'figure' && block.landscape) {
      emit(pending);
      pending = [];
      breakBefore = { pageBreak: 'before', pageOrientation: 'landscape' };
      emit([figureNode(block)]);
      breakBefore = { pageBreak: 'before', pageOrientation: 'portrait' };
      return;
    }
    if (block.kind === 'pageBreak') {
      emit(pending);
      pending = [];
      breakBefore = {
        pageBreak: 'before',
        ...(breakBefore.pageOrientation ? { pageOrientation: breakBefore.pageOrientation } : {}),
      };
      return;
    }
    const own = block.kind === 'figure' ? [figureNode(block)] : blockNodes(block);
    // A table's caption is a node of its own: a long captioned table is split like one under a
    // heading, or the caption and the table would make an unbreakable group.
    const isLongTable = block.kind === 'table' && tableLines(block) > KEEP_WITH_HEADING_LINES;
    if (
      (pending.length === 0 && !isLongTable) ||
      estimatedLines(block) <= KEEP_WITH_HEADING_LINES
    ) {
      emit([...pending, ...own]);
    } else if (block.kind === 'list') {
      // The headings keep the first two items; the list goes on, numbered on, after them.
      const [head, rest] = [block.items.slice(0, 2), block.items.slice(2)];
      const part = (items: readonly Inline[], start: number): PdfNode => {
        const texts = items.map((item) => ({ text: runs(item) }));
        return block.ordered
          ? { ol: texts, start, style: 'listPart' }
          : { ul: texts, style: 'listPart' };
      };
      emit([...pending, part(head, 1)]);
      emit([{ ...(part(rest, 3) as object), style: 'list' }]);
    } else {
      // Long blocks go on their own; a table's caption stays with the headings (pdfmake keeps
      // a table's header row with its first row).
      const [caption, ...rest] = own;
      const hasCaption = block.kind === 'table' && block.caption !== undefined && caption;
      emit([...pending, ...(hasCaption ? [caption] : [])]);
      for (const node of hasCaption ? rest : own) emit([node]);
    }
    pending = [];
  });
  emit(pending);
  return nodes;
}

function titlePage(meta: PlanMeta): PdfNode[] {
  const rows = documentControl(meta);
  return [
    { text: 'INFORMATION SYSTEM CONTINGENCY PLAN', style: 'kicker', margin: [0, 150, 0, 10] },
    {
      canvas: [{ type: 'rect', x: 0, y: 0, w: 60, h: 3, color: T.accent }],
      margin: [0, 0, 0, 16],
    },
    { text: meta.title, style: 'title' },
    ...(meta.subtitle ? [{ text: meta.subtitle, style: 'subtitle' }] : []),
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, v]) => [
          { text: k, color: T.muted },
          { text: v, bold: true },
        ]),
      },
      layout: {
        hLineWidth: (i: number) => (i === 0 ? 0 : 0.4),
        vLineWidth: () => 0,
        hLineColor: () => T.rule,
        paddingLeft: () => 0,
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
      margin: [0, 40, 0, 0],
    },
    {
      text: 'Prepared following the outline of NIST SP 800-34 Rev. 1, Contingency Planning Guide for Federal Information Systems.',
      style: 'small',
      margin: [0, 24, 0, 0],
    },
  ];
}

function contents(): PdfNode {
  return {
    toc: {
      title: { text: 'Contents', style: 'tocTitle' },
      numberStyle: 'tocNumber',
    },
    pageBreak: 'before',
  };
}

/**
 * The pdfmake document definition of `doc`. Throws when the document is malformed (see
 * `checkDocument`). Fonts: the family `Roboto` (normal, bold, italics, bolditalics) must be
 * registered with the pdfmake instance that renders it.
 */
export function toPdfDefinition(doc: PlanDocument): PdfDefinition {
  assertWritable(doc);
  const meta = doc.meta;
  const m = PAGE.marginX;
  return {
    pageSize: meta.pageSize ?? 'LETTER',
    pageMargins: [m, PAGE.marginY, m, PAGE.marginY],
    info: {
      title: meta.title,
      subject: 'Information System Contingency Plan (NIST SP 800-34)',
      creator: 'Nines',
      producer: 'Nines',
      ...(meta.author ? { author: meta.author } : {}),
      // A fixed creation date keeps the output byte-stable; the plan's own date is in the text.
      creationDate: new Date(0),
    },
    header: (page: number) =>
      page === 1
        ? null
        : {
            margin: [m, 30, m, 0],
            columns: [
              { text: meta.title, style: 'running' },
              { text: meta.classification ?? '', style: 'running', alignment: 'right', bold: true },
            ],
          },
    footer: (page: number, count: number) =>
      page === 1
        ? null
        : {
            margin: [m, 24, m, 0],
            columns: [
              { text: `Version ${meta.version} · ${meta.date}`, style: 'running' },
              { text: `Page ${page} of ${count}`, style: 'running', alignment: 'right' },
            ],
          },
    content: [...titlePage(meta), contents(), ...bodyNodes(doc)],
    defaultStyle: { font: 'Roboto', fontSize: T.bodySize, lineHeight: 1.25, color: T.ink },
    styles: STYLES,
  };
}
