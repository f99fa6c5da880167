/**
 * The DOCX plan's pages that are not the body: the title page with its document control and
 * contents field, and the running header and footer of every section.
 */
import {
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import { contentWidth, documentControl, type PlanDocument, type PlanMeta } from '../document';
import { headingLabel, headingNumbers, headingsOf } from '../outline';
import { textRun } from './blocks';
import { type Child, T, TWIP, hex } from './theme';

/**
 * The contents' entries, one per chapter and section, each linked to its heading; the page
 * numbers are left to Word, which updates the field when the file opens (`updateFields`).
 * Working them out here (`docx/layout`'s `estimatePageNumbers`, a full layout of the document
 * as Word would do it) took about 3 s of the 5 s a plan took to write.
 */
function contentsEntries(doc: PlanDocument) {
  const numbers = headingNumbers(doc);
  return headingsOf(doc)
    .filter((h) => h.level <= 2)
    .map((h) => ({ title: headingLabel(h, numbers), level: h.level, href: h.id }));
}

/** The title page: the plan's name, its document control, and the contents field. */
export function titlePage(doc: PlanDocument): Child[] {
  const meta = doc.meta;
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
    new Paragraph({ style: 'Title', children: [textRun(meta.title)] }),
    ...(meta.subtitle
      ? [new Paragraph({ style: 'Subtitle', children: [textRun(meta.subtitle)] })]
      : []),
    ...rows.map(
      ([key, value]) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 2200 }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(T.rule), space: 4 } },
          spacing: { before: 120, after: 0 },
          children: [
            new TextRun({ text: key, color: hex(T.muted) }),
            textRun(`\t${value}`, { bold: true }),
          ],
        }),
    ),
    new Paragraph({
      spacing: { before: 480 },
      children: [
        textRun(
          'Prepared following the outline of NIST SP 800-34 Rev. 1, Contingency Planning Guide for Federal Information Systems.',
          { size: 17, color: hex(T.muted) },
        ),
      ],
    }),
    new Paragraph({
      pageBreakBefore: true,
      style: 'TOCHeading',
      children: [new TextRun('Contents')],
    }),
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: contentsEntries(doc),
      beginDirty: true,
    }),
  ];
}

/** Running header and footer; the right tab stop sits at the right margin of the section. */
export function running(meta: PlanMeta, landscape: boolean) {
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
