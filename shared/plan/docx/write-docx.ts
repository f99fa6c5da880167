/**
 * Writes a plan document as DOCX with `docx`, so that the plan can be edited in Word: headings
 * in Word's Heading 1–3 styles (bookmarked, numbered by a multilevel list linked to those
 * styles, so a heading added in Word is numbered too), a table of contents field with an entry
 * per chapter and section that Word fills with page numbers when the file opens, captions
 * numbered by `SEQ` fields, blanks as content controls, tables whose header row repeats on
 * every page, running header and footer with `Page X of Y`, the topology as an SVG picture
 * (with the PNG preview Word requires as its fallback) and a landscape section for a
 * landscape figure. The same plan and date give the same bytes.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  UnderlineType,
  type ISectionOptions,
} from 'docx';
import {
  PAGE,
  PLAN_LANGUAGE,
  PLAN_SUBJECT,
  contentWidth,
  fileDate,
  planKeywords,
  type Block,
  type FigureBlock,
  type HeadingBlock,
  type PlanDocument,
} from '../document';
import { headingNumbers, prepareForWriting } from '../outline';
import {
  BLANK_SIZE,
  BLANK_STYLE,
  type Child,
  FONT,
  HEADING,
  T,
  TABLE_TEXT_SIZE,
  TABLE_TEXT_STYLE,
  TWIP,
  hex,
} from './theme';
import { running, titlePage } from './pages';
import { calloutOf, figureOf, keyValueOf, runs, tableOf, textRun } from './blocks';
import type { Drawing } from '../drawing';
import { DocumentIds, type FigureIds } from './document-ids';
import { drawingToPng, type PngFallback } from './png-fallback';
import {
  CORE_PROPERTIES,
  corePropertiesXml,
  setZipDates,
  zipPackage,
  type ZipCodec,
} from './package';

/** Reference of the multilevel list that numbers Heading 1–3. */
const HEADING_LIST = 'headings';

/**
 * A figure's place in the body: its paragraphs are made once its PNG fallback is painted (see
 * {@link writeDocx}), with the bookmark and drawing ids reserved here, in document order.
 */
class FigureSlot {
  constructor(
    readonly block: FigureBlock,
    readonly ids: FigureIds,
  ) {}
}

/** A section of the body: its orientation and children, figures still to be made. */
interface BodySection<C> {
  readonly landscape: boolean;
  readonly children: C[];
}

/** Body blocks in sections: a new section around each landscape figure. */
function sectionsOf(doc: PlanDocument): BodySection<Child | FigureSlot>[] {
  const size = doc.meta.pageSize ?? 'LETTER';
  const numbers = headingNumbers(doc);
  const ids = new DocumentIds();
  const sections: BodySection<Child | FigureSlot>[] = [
    { landscape: false, children: titlePage(doc) },
  ];
  let current = sections[0] ?? { landscape: false, children: [] };
  const width = contentWidth(size) * TWIP;
  const push = (...children: (Child | FigureSlot)[]) => current.children.push(...children);
  let breakNext = false;
  for (const block of doc.blocks as readonly Block[]) {
    switch (block.kind) {
      case 'heading': {
        push(
          new Paragraph({
            heading: HEADING[block.level],
            pageBreakBefore: (block.level === 1 && current.children.length > 0) || breakNext,
            // The number comes from the heading styles' list; an unnumbered heading leaves it.
            ...(numbers.has(block.id) ? {} : { numbering: false as never }),
            children: ids.around(block.id, [textRun(block.text)]),
          }),
        );
        breakNext = false;
        break;
      }
      case 'paragraph':
        push(new Paragraph({ children: runs(block.runs), pageBreakBefore: breakNext }));
        breakNext = false;
        break;
      case 'list':
        block.items.forEach((item, i) =>
          push(
            new Paragraph({
              children: runs(item),
              ...(block.ordered
                ? {
                    numbering: {
                      reference: 'numbered',
                      level: 0,
                      instance: listInstance(doc, block),
                    },
                  }
                : { bullet: { level: 0 } }),
              spacing: { after: i === block.items.length - 1 ? 160 : 40 },
            }),
          ),
        );
        break;
      case 'table':
        push(...tableOf(block, width));
        break;
      case 'keyValue':
        // A Word table needs at least one row; an empty list of pairs shows nothing.
        if (block.rows.length > 0) push(...keyValueOf(block, width));
        break;
      case 'callout':
        push(calloutOf(block));
        break;
      case 'pageBreak':
        breakNext = true;
        break;
      case 'figure': {
        const slot = new FigureSlot(block, ids.figure(block.id));
        if (block.landscape) {
          sections.push({ landscape: true, children: [slot] });
          current = { landscape: false, children: [] };
          sections.push(current);
        } else {
          push(slot);
        }
        break;
      }
    }
  }
  return sections.filter((s) => s.children.length > 0);
}

/** `sections` with each figure made, its PNG fallback from `pngFallback`. */
function withFigures(
  sections: readonly BodySection<Child | FigureSlot>[],
  pngFallback: PngFallback,
): BodySection<Child>[] {
  return sections.map(({ landscape, children }) => ({
    landscape,
    children: children.flatMap((child) =>
      child instanceof FigureSlot ? figureOf(child.block, child.ids, pngFallback) : [child],
    ),
  }));
}

/** A distinct numbering instance per numbered list, so that each list starts at 1. */
function listInstance(doc: PlanDocument, list: Block): number {
  return doc.blocks.filter((b) => b.kind === 'list' && b.ordered).indexOf(list) + 1;
}

/** Options of {@link toDocxDocument}. */
export interface DocxOptions {
  /**
   * Paints the PNG fallback of each figure; the host's text renderer when it has one (the CLI:
   * resvg), else {@link drawingToPng}, whose labels are grey bars.
   */
  readonly pngFallback?: PngFallback;
}

/** Options of {@link writeDocx}: the PNG fallback may take its time (a browser's canvas). */
export interface WriteDocxOptions {
  readonly pngFallback?: (drawing: Drawing) => Uint8Array | Promise<Uint8Array>;
  /**
   * The host's DEFLATE and CRC-32 (the CLI: Node's zlib), to zip the package with; without it
   * `docx` zips it with fflate's DEFLATE, in JavaScript.
   */
  readonly codec?: ZipCodec;
}

/**
 * The package's parts by path, in zip order, as `docx`'s packer compiles them before zipping.
 * `Packer.compiler` is not in `docx`'s types (docx 9.15.2, pinned): a `docx` without it fails
 * the DOCX tests of the CLI, which pass a codec.
 */
function packageParts(document: Document, overrides: { path: string; data: string }[]) {
  const { compiler } = Packer as unknown as {
    compiler: {
      compile(
        file: Document,
        prettify: undefined,
        overrides: { path: string; data: string }[],
      ): Map<string, string | Uint8Array>;
    };
  };
  const encoder = new TextEncoder();
  const parts = new Map<string, Uint8Array>();
  for (const [path, data] of compiler.compile(document, undefined, overrides)) {
    parts.set(path, typeof data === 'string' ? encoder.encode(data) : data);
  }
  return parts;
}

/** The `docx` Document of `doc` (exposed for tests and for callers that pack it themselves). */
export function toDocxDocument(input: PlanDocument, options: DocxOptions = {}): Document {
  const doc = prepareForWriting(input);
  return documentOf(doc, withFigures(sectionsOf(doc), options.pngFallback ?? drawingToPng));
}

/** The `docx` Document of `doc` whose body is `body`. */
function documentOf(doc: PlanDocument, body: readonly BodySection<Child>[]): Document {
  const meta = doc.meta;
  const page = PAGE.size[meta.pageSize ?? 'LETTER'];
  const margin = {
    top: PAGE.marginY * TWIP,
    bottom: PAGE.marginY * TWIP,
    left: PAGE.marginX * TWIP,
    right: PAGE.marginX * TWIP,
    header: 600,
    footer: 600,
  };
  const sections: ISectionOptions[] = body.map(
    (section, index) => ({
      properties: {
        titlePage: index === 0,
        page: {
          size: {
            width: page.width * TWIP,
            height: page.height * TWIP,
            orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin,
        },
      },
      ...running(meta, section.landscape),
      children: section.children,
    }),
  );
  return new Document({
    // The core properties are written by writeDocx (corePropertiesXml), dated by the plan.
    title: meta.title,
    subject: PLAN_SUBJECT,
    keywords: planKeywords(meta),
    creator: meta.author ?? 'Nines',
    lastModifiedBy: 'Nines',
    features: { updateFields: true },
    numbering: {
      config: [
        {
          reference: HEADING_LIST,
          levels: ([1, 2, 3] as const).map((level) => ({
            level: level - 1,
            format: LevelFormat.DECIMAL,
            text: ['%1', '%1.%2', '%1.%2.%3'][level - 1],
            alignment: AlignmentType.START,
            suffix: LevelSuffix.SPACE,
            isLegalNumberingStyle: true,
            style: {
              paragraph: { indent: { left: 0, hanging: 0 }, style: `Heading${level}` },
            },
          })),
        },
        {
          reference: 'numbered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 480, hanging: 280 } } },
            },
          ],
        },
      ],
    },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, color: hex(T.ink), language: { value: PLAN_LANGUAGE } },
          paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: 52, bold: true, color: hex(T.ink) },
          paragraph: { spacing: { after: 160 } },
        },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: hex(T.accent) },
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, numbering: heading(1) },
        },
        heading2: {
          run: { font: FONT, size: 27, bold: true, color: hex(T.ink) },
          paragraph: {
            spacing: { before: 280, after: 120 },
            keepNext: true,
            numbering: heading(2),
          },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: hex(T.ink) },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, numbering: heading(3) },
        },
      },
      characterStyles: [
        {
          id: BLANK_STYLE,
          name: 'Blank to fill in',
          run: {
            color: hex(T.blank.hint),
            size: BLANK_SIZE,
            shading: { type: ShadingType.CLEAR, fill: hex(T.blank.fill) },
            underline: { type: UnderlineType.SINGLE, color: hex(T.blank.rule) },
          },
        },
      ],
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          run: { size: 28, color: hex(T.muted) },
          paragraph: { spacing: { after: 480 } },
        },
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          run: { size: 18, bold: true, color: hex(T.muted) },
          paragraph: { spacing: { before: 80, after: 80 } },
        },
        {
          id: TABLE_TEXT_STYLE,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { size: TABLE_TEXT_SIZE },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          run: { size: 36, bold: true, color: hex(T.accent) },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    sections,
  });
}

/** Heading `level`'s place in the headings' list, for its paragraph style. */
function heading(level: HeadingBlock['level']) {
  return { reference: HEADING_LIST, level: level - 1 };
}

/**
 * The DOCX bytes of `doc`: the same for the same plan and date (the core properties and the
 * zip entries carry the plan's date, see ./package.ts). Runs in Node and browsers.
 */
export async function writeDocx(
  input: PlanDocument,
  options: WriteDocxOptions = {},
): Promise<Uint8Array> {
  const doc = prepareForWriting(input);
  // The figures' fallbacks are painted while the rest of the body is built: a host's painter
  // may work off this thread (the CLI's resvg does).
  const paint = options.pngFallback ?? drawingToPng;
  const drawings = new Set(doc.blocks.flatMap((b) => (b.kind === 'figure' ? [b.drawing] : [])));
  const painting = Promise.all(
    [...drawings].map(async (drawing) => [drawing, await paint(drawing)] as const),
  );
  const body = sectionsOf(doc);
  const pngs = new Map(await painting);
  const document = documentOf(
    doc,
    withFigures(body, (drawing) => pngs.get(drawing) ?? drawingToPng(drawing)),
  );
  const overrides = [{ path: CORE_PROPERTIES, data: corePropertiesXml(doc.meta) }];
  const date = fileDate(doc.meta);
  if (options.codec) return zipPackage(packageParts(document, overrides), date, options.codec);
  return setZipDates(await Packer.pack(document, 'uint8array', false, overrides), date);
}
