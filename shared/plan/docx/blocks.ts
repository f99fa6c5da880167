/**
 * One plan block as Word content: inline runs, tables whose header row repeats, key-value
 * lists, callouts and figures (SVG with its PNG fallback).
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  ImportedXmlComponent,
  LineRuleType,
  Paragraph,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  NoBreakHyphen,
  type IRunOptions,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import {
  isBlankCell,
  isFillableRow,
  type Align,
  type CalloutBlock,
  type Cell,
  type FigureBlock,
  type Inline,
  type KeyValueBlock,
  type TableBlock,
  splitAtIds,
} from '../document';
import { captionLabel } from '../outline';
import { escapeXml, toSvg } from '../drawing';
import { FILLABLE_ROW_HEIGHT, rowsFitOnPage } from '../pdf/pdf-definition';
import { bookmarked, type FigureIds } from './document-ids';
import type { PngFallback } from './png-fallback';
import {
  BLANK_SIZE,
  BLANK_STYLE,
  CELL_MARGINS,
  type Child,
  MONO,
  NONE,
  RULE,
  T,
  TABLE_TEXT_SIZE,
  TABLE_TEXT_STYLE,
  TWIP,
  hex,
} from './theme';

/**
 * A blank as a Word content control (`w:sdt`) showing its hint as placeholder text in the
 * Blank character style: clicking it selects the hint, typing replaces it. It is a rich-text
 * control (no `w:text`): LibreOffice 7.4 turns a plain-text control into a field without the
 * hint's formatting, where it read as generated text; Word treats both alike for typing a name
 * in. docx 9.15.2 has no content-control class for text (only `CheckBox`), so the control is
 * written as XML through `ImportedXmlComponent`, `docx`'s way in for elements it does not model.
 */
export function blankControl(hint: string, size?: number): ParagraphChild {
  const hintXml = escapeXml(hint);
  const sizeXml = size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : '';
  // The hint's run carries the Blank style and, for readers that drop a style inside a
  // content control (LibreOffice 7.4), the same look directly; what the owner types takes the
  // control's own run properties: the text's size, not the hint's grey.
  const hintRun =
    `<w:rPr><w:rStyle w:val="${BLANK_STYLE}"/><w:color w:val="${hex(T.blank.hint)}"/>` +
    `<w:sz w:val="${BLANK_SIZE}"/><w:szCs w:val="${BLANK_SIZE}"/>` +
    `<w:u w:val="single" w:color="${hex(T.blank.rule)}"/>` +
    `<w:shd w:val="clear" w:color="auto" w:fill="${hex(T.blank.fill)}"/></w:rPr>`;
  const xml =
    `<w:sdt><w:sdtPr>${sizeXml ? `<w:rPr>${sizeXml}</w:rPr>` : ''}<w:alias w:val="${hintXml}"/>` +
    `<w:tag w:val="nines-blank"/><w:showingPlcHdr/></w:sdtPr>` +
    `<w:sdtContent><w:r>${hintRun}<w:t xml:space="preserve">${hintXml}</w:t></w:r></w:sdtContent></w:sdt>`;
  // Written as the w:sdt element itself, inside the paragraph like a run.
  return ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
}

/**
 * A run's text as the children of a `w:r`, each hyphenated id ({@link splitAtIds}) with Word's
 * non-breaking hyphens (`w:noBreakHyphen`), so that Word does not break a line inside it.
 */
function unbrokenIds(text: string): (string | NoBreakHyphen)[] {
  return splitAtIds(text).flatMap((part) =>
    part.id
      ? part.text
          .split('-')
          .flatMap((piece, i) => (i === 0 ? [piece] : [new NoBreakHyphen(), piece]))
      : [part.text],
  );
}

/** A run of `text` (its hyphenated ids unbroken, see {@link unbrokenIds}) with `options`. */
export function textRun(
  text: string,
  options: Omit<IRunOptions, 'text' | 'children'> = {},
): TextRun {
  return new TextRun({ ...options, children: unbrokenIds(text) });
}

/**
 * The Word runs of `content`. Bold and italic are written only when on (the paragraphs these
 * runs go in have no bold or italic style to turn off); `size` (half-points) sets the runs'
 * size, `blankSize` only what an owner types into a blank (the text's size from its paragraph
 * style, e.g. {@link TABLE_TEXT_STYLE}).
 */
export function runs(
  content: Inline,
  extra: { italics?: boolean; size?: number; blankSize?: number } = {},
): ParagraphChild[] {
  const italics = extra.italics ?? false;
  return content.map((run) =>
    run.blank
      ? blankControl(run.text, extra.size ?? extra.blankSize)
      : new TextRun({
          children: unbrokenIds(run.text),
          ...(run.bold ? { bold: true } : {}),
          ...((run.italic ?? false) || italics ? { italics: true } : {}),
          ...(run.code
            ? { font: MONO, shading: { type: ShadingType.CLEAR, fill: hex(T.codeFill) } }
            : {}),
          ...(extra.size ? { size: extra.size } : {}),
        }),
  );
}

/**
 * A caption whose number is a Word `SEQ` field (`SEQ Table`, `SEQ Figure`, or per appendix
 * `SEQ TableB`), written with its number as the field's cached result, so that Word's list of
 * tables and cross-references know it and readers that do not update fields show the number.
 */
export function captionChildren(caption: string): ParagraphChild[] {
  const label = captionLabel(caption);
  if (!label) return [textRun(caption)];
  const sequence = `${label.kind}${label.prefix.replace('.', '')}`;
  return [
    new TextRun(`${label.kind} ${label.prefix}`),
    new SimpleField(`SEQ ${sequence} \\* ARABIC`, String(label.number)),
    textRun(`. ${label.rest}`),
  ];
}

export function alignment(align: Align | undefined) {
  if (align === 'right') return AlignmentType.RIGHT;
  if (align === 'center') return AlignmentType.CENTER;
  return AlignmentType.LEFT;
}

/**
 * A table cell's paragraph in {@link TABLE_TEXT_STYLE} (8.5 pt, no space before or after), its
 * alignment written only when not left; a cell that is a blank takes the blank's smaller size.
 */
function cellParagraph(cell: Cell, align?: Align, bold = false): Paragraph {
  const children =
    typeof cell === 'string'
      ? [textRun(cell, bold ? { bold } : {})]
      : isBlankCell(cell)
        ? runs(cell, { size: 14 })
        : runs(cell, { blankSize: TABLE_TEXT_SIZE });
  return new Paragraph({
    style: TABLE_TEXT_STYLE,
    children,
    ...(align === 'right' || align === 'center' ? { alignment: alignment(align) } : {}),
  });
}

/** A row filled in by hand is at least as tall as in the PDF, room for handwriting. */
const FILLABLE_HEIGHT = { value: FILLABLE_ROW_HEIGHT * TWIP, rule: HeightRule.ATLEAST };

/** The tint of a cell that is a blank. */
const BLANK_SHADING = { type: ShadingType.CLEAR, fill: hex(T.blank.fill) };

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
        ...(isFillableRow(row) ? { height: FILLABLE_HEIGHT } : {}),
        children: row.map(
          (cell, i) =>
            new TableCell({
              children: [cellParagraph(cell, block.columns[i]?.align)],
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              ...(isBlankCell(cell)
                ? { shading: BLANK_SHADING }
                : r % 2 === 1
                  ? { shading: { type: ShadingType.CLEAR, fill: hex(T.zebraFill) } }
                  : {}),
            }),
        ),
      }),
  );
  const children: Child[] = [];
  if (block.caption) {
    children.push(
      new Paragraph({ style: 'Caption', keepNext: true, children: captionChildren(block.caption) }),
    );
  }
  children.push(
    new Table({
      rows: [header, ...rows],
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      margins: CELL_MARGINS,
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
      margins: CELL_MARGINS,
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
            ...(isBlankCell(row.value) ? { height: FILLABLE_HEIGHT } : {}),
            children: [
              new TableCell({
                width: { size: widths[0] ?? 0, type: WidthType.DXA },
                children: [cellParagraph(row.key, 'left', true)],
              }),
              new TableCell({
                width: { size: widths[1] ?? 0, type: WidthType.DXA },
                ...(isBlankCell(row.value) ? { shading: BLANK_SHADING } : {}),
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
  const children: ParagraphChild[] = [];
  if (block.title)
    children.push(textRun(`${block.title}: `, { bold: true, color: hex(tone.title) }));
  children.push(...runs(block.runs, { italics: block.tone === 'placeholder' }));
  return new Paragraph({
    children,
    shading: { type: ShadingType.CLEAR, fill: hex(tone.fill) },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: hex(tone.bar), space: 6 } },
    indent: { left: 160, right: 80 },
    spacing: { before: 80, after: 200 },
  });
}

export function figureOf(
  block: FigureBlock,
  ids: FigureIds,
  pngFallback: PngFallback,
): Paragraph[] {
  // Word sizes pictures in pixels at 96 per inch; the drawing is in points (72 per inch).
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Auto spacing: an exact line height would clip the picture to one line.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: bookmarked(ids.name, ids.bookmark, [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(toSvg(block.drawing)),
          transformation: { width: px(block.drawing.width), height: px(block.drawing.height) },
          fallback: { type: 'png', data: pngFallback(block.drawing) },
          altText: {
            id: ids.drawing,
            name: block.id,
            title: block.drawing.title,
            description: block.caption,
          },
        }),
      ]),
    }),
    new Paragraph({
      style: 'Caption',
      alignment: AlignmentType.CENTER,
      children: captionChildren(block.caption),
    }),
  ];
}
