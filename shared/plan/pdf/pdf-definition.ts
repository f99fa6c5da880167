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
  PLAN_LANGUAGE,
  PLAN_SUBJECT,
  documentControl,
  fileDate,
  planKeywords,
  type Inline,
  type ListBlock,
  type PlanDocument,
  type PlanMeta,
} from '../document';
import { prepareForWriting, headingLabel, headingNumbers } from '../outline';
import { type PdfDefinition, type PdfNode, STYLES, T } from './theme';
import { blockNodes, figureNode, headingNode, runs } from './blocks';
import { runningHeader } from './running-header';
import {
  KEEP_TABLE_WHOLE_LINES,
  KEEP_WITH_HEADING_LINES,
  estimatedLines,
  tableLines,
  withoutBottomMargin,
} from './keep-together';

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
  // The end of a block, kept with the short callout that follows it.
  let carry: PdfNode[] = [];
  doc.blocks.forEach((original, index) => {
    let block = original;
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
    const carried = carry;
    carry = [];
    // A list whose last items go with the callout after it ends without space below.
    let listStyle: 'list' | 'listPart' = 'list';
    const next = doc.blocks[index + 1];
    if (next?.kind === 'callout' && estimatedLines(next) <= KEEP_WITH_CALLOUT_LINES) {
      // A short callout (a placeholder, a note) must not be left alone at the top of a page:
      // the end of the block before it goes with it.
      if (block.kind === 'list' && block.items.length > 2) {
        const cut = block.items.length - 2;
        carry = [listPart(block, block.items.slice(cut), cut + 1, 'list')];
        block = { ...block, items: block.items.slice(0, cut) };
        listStyle = 'listPart';
      } else if (block.kind === 'paragraph' && estimatedLines(block) <= KEEP_WITH_HEADING_LINES) {
        carry = [...pending, ...blockNodes(block)];
        pending = [];
        return;
      }
    }
    const own = [
      ...carried,
      ...(block.kind === 'figure'
        ? [figureNode(block)]
        : block.kind === 'list'
          ? [listPart(block, block.items, 1, listStyle)]
          : blockNodes(block)),
    ];
    // A table's caption is a node of its own: a table short enough is kept whole with its
    // caption and the headings above it (so that a caption never ends a page without its table);
    // a longer captioned table is split like one under a heading.
    const keptWhole = block.kind === 'table' && tableLines(block) <= KEEP_TABLE_WHOLE_LINES;
    if (
      (pending.length === 0 && block.kind !== 'table') ||
      keptWhole ||
      estimatedLines(block) <= KEEP_WITH_HEADING_LINES
    ) {
      emit([...pending, ...own]);
    } else if (block.kind === 'list') {
      // The headings keep the first two items; the list goes on, numbered on, after them.
      const [head, rest] = [block.items.slice(0, 2), block.items.slice(2)];
      emit([...pending, listPart(block, head, 1, 'listPart')]);
      emit([listPart(block, rest, 3, listStyle)]);
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

/** Most lines a callout may have for the end of the block before it to be kept with it. */
const KEEP_WITH_CALLOUT_LINES = 6;

/** Items of `list` from number `start` on, in the style `style` (`listPart` has no space below). */
function listPart(
  list: ListBlock,
  items: readonly Inline[],
  start: number,
  style: 'list' | 'listPart',
): PdfNode {
  const texts = items.map((item) => ({ text: runs(item) }));
  return list.ordered ? { ol: texts, start, style } : { ul: texts, style };
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
export function toPdfDefinition(input: PlanDocument): PdfDefinition {
  const doc = prepareForWriting(input);
  const meta = doc.meta;
  const date = fileDate(meta);
  const m = PAGE.marginX;
  return {
    pageSize: meta.pageSize ?? 'LETTER',
    pageMargins: [m, PAGE.marginY, m, PAGE.marginY],
    info: {
      title: meta.title,
      subject: PLAN_SUBJECT,
      keywords: planKeywords(meta),
      creator: 'Nines',
      producer: 'Nines',
      ...(meta.author ? { author: meta.author } : {}),
      // The plan's issue date, never the clock: the same plan gives the same bytes.
      creationDate: date,
      modDate: date,
    },
    // /Lang in the catalogue, and viewers show the title rather than the file name. The file is
    // not tagged (pdfmake writes no structure tree): see docs/plan.md, "Accessibility".
    language: PLAN_LANGUAGE,
    displayTitle: true,
    header: (page: number, _count: number, pageSize: { width: number }) =>
      page === 1 ? null : runningHeader(meta, pageSize.width),
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

export { PDF_THEME, type PdfDefinition, type PdfNode } from './theme';
export { FILLABLE_ROW_HEIGHT, rowsFitOnPage } from './blocks';
