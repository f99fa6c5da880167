/**
 * One plan block as Word content: inline runs, tables whose header row repeats, key-value
 * lists, callouts and figures (SVG with its PNG fallback).
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type Align,
  type CalloutBlock,
  type Cell,
  type FigureBlock,
  type Inline,
  type KeyValueBlock,
  type TableBlock,
} from '../document';
import { toSvg } from '../drawing';
import { rowsFitOnPage } from '../pdf/pdf-definition';
import { drawingToPng } from './png-fallback';
import { CELL_MARGINS, type Child, MONO, NONE, RULE, T, hex } from './theme';

export function runs(content: Inline, extra: { italics?: boolean; size?: number } = {}): TextRun[] {
  return content.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold ?? false,
        italics: (run.italic ?? false) || (extra.italics ?? false),
        ...(run.code
          ? { font: MONO, shading: { type: ShadingType.CLEAR, fill: hex(T.codeFill) } }
          : {}),
        ...(extra.size ? { size: extra.size } : {}),
      }),
  );
}

export function alignment(align: Align | undefined) {
  if (align === 'right') return AlignmentType.RIGHT;
  if (align === 'center') return AlignmentType.CENTER;
  return AlignmentType.LEFT;
}

function cellParagraph(cell: Cell, align?: Align, bold = false): Paragraph {
  const children =
    typeof cell === 'string'
      ? [new TextRun({ text: cell, bold, size: 17 })]
      : runs(cell, { size: 17 });
  return new Paragraph({ children, alignment: alignment(align), spacing: { before: 0, after: 0 } });
}

export function tableOf(block: TableBlock, width: number): Child[] {
  const weights = block.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((w / total) * width));
  const borders = {
    top: RULE,
    bottom: RULE,
    left: NONE,
    right: NONE,
    insideHorizontal: RULE,
    insideVertical: NONE,
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          children: [cellParagraph(c.header, c.align, true)],
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: hex(T.headerFill) },
          margins: CELL_MARGINS,
        }),
    ),
  });
  const cantSplit = rowsFitOnPage(
    block.rows,
    weights.map((w) => w / total),
  );
  const rows = block.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit,
        children: row.map(
          (cell, i) =>
            new TableCell({
              children: [cellParagraph(cell, block.columns[i]?.align)],
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              margins: CELL_MARGINS,
              ...(r % 2 === 1
                ? { shading: { type: ShadingType.CLEAR, fill: hex(T.zebraFill) } }
                : {}),
            }),
        ),
      }),
  );
  const children: Child[] = [];
  if (block.caption) {
    children.push(
      new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] }),
    );
  }
  children.push(
    new Table({
      rows: [header, ...rows],
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders,
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  );
  return children;
}

export function keyValueOf(block: KeyValueBlock, width: number): Child[] {
  const widths = [Math.round(width * 0.32), Math.round(width * 0.68)];
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: RULE,
        bottom: RULE,
        left: NONE,
        right: NONE,
        insideHorizontal: RULE,
        insideVertical: NONE,
      },
      rows: block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: rowsFitOnPage([[row.key, row.value]], [0.32, 0.68]),
            children: [
              new TableCell({
                width: { size: widths[0] ?? 0, type: WidthType.DXA },
                margins: CELL_MARGINS,
                children: [cellParagraph(row.key, 'left', true)],
              }),
              new TableCell({
                width: { size: widths[1] ?? 0, type: WidthType.DXA },
                margins: CELL_MARGINS,
                children: [cellParagraph(row.value)],
              }),
            ],
          }),
      ),
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

export function calloutOf(block: CalloutBlock): Paragraph {
  const tone = T.callout[block.tone];
  const children: TextRun[] = [];
  if (block.title)
    children.push(new TextRun({ text: `${block.title}: `, bold: true, color: hex(tone.title) }));
  children.push(...runs(block.runs, { italics: block.tone === 'placeholder' }));
  return new Paragraph({
    children,
    shading: { type: ShadingType.CLEAR, fill: hex(tone.fill) },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: hex(tone.bar), space: 6 } },
    indent: { left: 160, right: 80 },
    spacing: { before: 80, after: 200 },
  });
}

export function figureOf(block: FigureBlock): Paragraph[] {
  // Word sizes pictures in pixels at 96 per inch; the drawing is in points (72 per inch).
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Auto spacing: an exact line height would clip the picture to one line.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: [
        new Bookmark({
          id: block.id,
          children: [
            new ImageRun({
              type: 'svg',
              data: new TextEncoder().encode(toSvg(block.drawing)),
              transformation: { width: px(block.drawing.width), height: px(block.drawing.height) },
              fallback: { type: 'png', data: drawingToPng(block.drawing) },
              altText: { name: block.id, title: block.drawing.title, description: block.caption },
            }),
          ],
        }),
      ],
    }),
    new Paragraph({
      style: 'Caption',
      alignment: AlignmentType.CENTER,
      children: [new TextRun(block.caption)],
    }),
  ];
}
