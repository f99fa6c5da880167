/**
 * Writes a plan document as DOCX with `docx`, so that the plan can be edited in Word: headings
 * in Word's Heading 1–3 styles (bookmarked, numbered in the text), a table of contents field
 * written with the page numbers `docx/layout` works out (as Word would lay the pages out) and
 * updated by Word when the file opens, tables whose header row repeats on every page, running
 * header and footer with `Page X of Y`, the topology as an SVG picture (with the PNG preview
 * Word requires as its fallback) and a landscape section for a landscape figure.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableOfContents,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import {
  PAGE,
  assertWritable,
  documentControl,
  contentWidth,
  headingLabel,
  headingNumbers,
  type Block,
  type PlanDocument,
  type PlanMeta,
} from '../document';
import { type Child, FONT, HEADING, T, TWIP, hex } from './theme';
import { calloutOf, figureOf, keyValueOf, runs, tableOf } from './blocks';

function titlePage(meta: PlanMeta): Child[] {
  const rows = documentControl(meta);
  return [
    new Paragraph({
      spacing: { before: 2800, after: 200 },
      children: [
        new TextRun({
          text: 'INFORMATION SYSTEM CONTINGENCY PLAN',
          bold: true,
          size: 20,
          color: hex(T.accent),
        }),
      ],
    }),
    new Paragraph({ style: 'Title', children: [new TextRun(meta.title)] }),
    ...(meta.subtitle
      ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(meta.subtitle)] })]
      : []),
    ...rows.map(
      ([key, value]) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 2200 }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(T.rule), space: 4 } },
          spacing: { before: 120, after: 0 },
          children: [
            new TextRun({ text: key, color: hex(T.muted) }),
            new TextRun({ text: `\t${value}`, bold: true }),
          ],
        }),
    ),
    new Paragraph({
      spacing: { before: 480 },
      children: [
        new TextRun({
          text: 'Prepared following the outline of NIST SP 800-34 Rev. 1, Contingency Planning Guide for Federal Information Systems.',
          size: 17,
          color: hex(T.muted),
        }),
      ],
    }),
    new Paragraph({
      pageBreakBefore: true,
      style: 'TOCHeading',
      children: [new TextRun('Contents')],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/** Body blocks in sections: a new section around each landscape figure. */
function sectionsOf(doc: PlanDocument): { landscape: boolean; children: Child[] }[] {
  const size = doc.meta.pageSize ?? 'LETTER';
  const numbers = headingNumbers(doc);
  const sections: { landscape: boolean; children: Child[] }[] = [
    { landscape: false, children: titlePage(doc.meta) },
  ];
  let current = sections[0] ?? { landscape: false, children: [] };
  const width = contentWidth(size) * TWIP;
  const push = (...children: Child[]) => current.children.push(...children);
  let breakNext = false;
  for (const block of doc.blocks as readonly Block[]) {
    switch (block.kind) {
      case 'heading': {
        push(
          new Paragraph({
            heading: HEADING[block.level],
            pageBreakBefore: (block.level === 1 && current.children.length > 0) || breakNext,
            children: [
              new Bookmark({ id: block.id, children: [new TextRun(headingLabel(block, numbers))] }),
            ],
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
      case 'figure':
        if (block.landscape) {
          sections.push({ landscape: true, children: figureOf(block) });
          current = { landscape: false, children: [] };
          sections.push(current);
        } else {
          push(...figureOf(block));
        }
        break;
    }
  }
  return sections.filter((s) => s.children.length > 0);
}

/** A distinct numbering instance per numbered list, so that each list starts at 1. */
function listInstance(doc: PlanDocument, list: Block): number {
  return doc.blocks.filter((b) => b.kind === 'list' && b.ordered).indexOf(list) + 1;
}

/** Running header and footer; the right tab stop sits at the right margin of the section. */
function running(meta: PlanMeta, landscape: boolean) {
  const right = Math.round(contentWidth(meta.pageSize ?? 'LETTER', landscape) * TWIP);
  const small = { size: 16, color: hex(T.muted) };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: right }],
            children: [
              new TextRun({ text: meta.title, ...small }),
              new TextRun({ text: `\t${meta.classification ?? ''}`, bold: true, ...small }),
            ],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: right }],
            children: [
              new TextRun({ text: `Version ${meta.version} · ${meta.date}`, ...small }),
              new TextRun({
                children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                ...small,
              }),
            ],
          }),
        ],
      }),
    },
  };
}

/** The `docx` Document of `doc` (exposed for tests and for callers that pack it themselves). */
export function toDocxDocument(doc: PlanDocument): Document {
  assertWritable(doc);
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
  const sections: ISectionOptions[] = sectionsOf(doc).map((section, index) => ({
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
  }));
  return new Document({
    title: meta.title,
    subject: 'Information System Contingency Plan (NIST SP 800-34)',
    creator: meta.author ?? 'Nines',
    lastModifiedBy: 'Nines',
    features: { updateFields: true },
    // Fills the contents' page numbers for readers that do not update fields (LibreOffice).
    pageNumbers: estimatePageNumbers,
    numbering: {
      config: [
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
          run: { font: FONT, size: 21, color: hex(T.ink) },
          paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: 52, bold: true, color: hex(T.ink) },
          paragraph: { spacing: { after: 160 } },
        },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: hex(T.accent) },
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 27, bold: true, color: hex(T.ink) },
          paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: hex(T.ink) },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
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

/** The DOCX bytes of `doc`. Pure apart from `docx`'s zip packing; runs in Node and browsers. */
export async function writeDocx(doc: PlanDocument): Promise<Uint8Array> {
  return Packer.pack(toDocxDocument(doc), 'uint8array');
}
