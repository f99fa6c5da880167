/** The PDF's look: pdfmake node types, the theme (fonts, sizes, colours) and the named styles. */

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
  /** A blank to fill in: a pale blue tint (not a callout's colour), a rule, a grey hint. */
  blank: { fill: '#eef4fb', rule: '#7b93ad', hint: '#6b7785' },
  bodySize: 10,
} as const;

export const T = PDF_THEME;

/** The named styles of the PDF (pdfmake's style dictionary). */
export const STYLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
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
  blank: {
    fontSize: 7.5,
    color: T.blank.hint,
    background: T.blank.fill,
    bold: false,
    italics: false,
  },
  blankCell: { fontSize: 7, color: T.blank.hint, bold: false, italics: false },
  tocTitle: { fontSize: 18, bold: true, color: T.accent, margin: [0, 0, 0, 14] },
  tocLevel1: { bold: true },
  tocLevel: { color: T.ink },
  tocNumber: { color: T.muted },
};
