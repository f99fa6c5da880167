/**
 * The plan document model: a small, typed tree that the contingency-plan builder produces and
 * that the PDF, DOCX and Markdown writers consume. It says what the document holds (headings,
 * paragraphs, tables, placeholders, the topology figure), never how a page looks: pagination,
 * the table of contents, bookmarks, headers and footers belong to the writers.
 *
 * Everything here is plain data: a document serializes to JSON and two equal inputs give equal
 * documents, so the written files are byte-stable apart from what a format stamps itself.
 */
import type { Drawing } from './drawing';

/** NIST SP 800-34 / FIPS 199 impact level of the system the plan covers. */
export type ImpactLevel = 'low' | 'moderate' | 'high';

/** Paper size of the written pages. */
export type PageSize = 'LETTER' | 'A4';

/** What the title page, the running header and the document properties show. */
export interface PlanMeta {
  /** Document title, e.g. `Checkout — Information System Contingency Plan`. */
  readonly title: string;
  /** Line under the title, e.g. the variant the plan covers. */
  readonly subtitle?: string;
  /** Document version, e.g. `1.0`. */
  readonly version: string;
  /**
   * Issue date as it should be printed (the caller formats it; the core never reads a clock).
   * Written `YYYY-MM-DD`, it is also the creation and modification date the files carry (PDF
   * info dictionary, DOCX core properties and zip entries), so that the same plan of the same
   * date gives the same bytes; any other text leaves those at a fixed date (see {@link fileDate}).
   */
  readonly date: string;
  /** Handling marking printed on every page, e.g. `Internal`; absent prints none. */
  readonly classification?: string;
  /** Impact level of the system, printed on the title page. */
  readonly impact?: ImpactLevel;
  /** Owner or organisation shown on the title page and as the document author. */
  readonly author?: string;
  /** Paper size; `LETTER` when absent (NIST publications use US Letter). */
  readonly pageSize?: PageSize;
}

/** A stretch of text with one style. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Monospaced, for ids, commands and values typed as-is. */
  readonly code?: boolean;
  /**
   * A blank the plan owner fills in (a name, a phone number, a date, a signature): `text` is
   * the hint of what goes there, e.g. `name and title`. Writers render it so it cannot be
   * mistaken for generated content and can be filled in place: a content control in DOCX, a
   * ruled, tinted blank in PDF, `[hint]` in Markdown. Never used for anything the model knows.
   */
  readonly blank?: boolean;
}

/** Inline content: runs in reading order. */
export type Inline = readonly Run[];

/** A section heading; `id` is its stable anchor for the table of contents and bookmarks. */
export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1 = chapter, 2 = section, 3 = subsection. */
  readonly level: 1 | 2 | 3;
  readonly text: string;
  /** Unique within the document; letters, digits and `-` only (see {@link slug}). */
  readonly id: string;
  /**
   * False for a heading printed without a number (appendices); the headings under an
   * unnumbered level-1 heading are unnumbered too. Numbered when absent.
   */
  readonly numbered?: boolean;
}

/** A paragraph of body text. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: Inline;
}

/** A bulleted (`ordered: false`) or numbered (`ordered: true`) list of one level. */
export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly Inline[];
}

/** Horizontal alignment of a table column; numbers read best aligned `right`. */
export type Align = 'left' | 'center' | 'right';

/** One column of a table. */
export interface TableColumn {
  readonly header: string;
  /** Relative width (any positive number, shares of the sum); equal shares when absent. */
  readonly width?: number;
  readonly align?: Align;
}

/** A table cell: plain text or styled runs. */
export type Cell = string | Inline;

/**
 * A table with one header row. Writers repeat the header on every page the table spans, so a
 * long table (a parameter list, an inventory) can be as long as it needs.
 */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  /** Each row has exactly `columns.length` cells. */
  readonly rows: readonly (readonly Cell[])[];
  /** Caption printed above the table, e.g. `Table 3. Recovery objectives`. */
  readonly caption?: string;
}

/**
 * Two-column key → value table without a header row (document control, parameters); with no
 * rows it shows nothing.
 */
export interface KeyValueBlock {
  readonly kind: 'keyValue';
  readonly rows: readonly { readonly key: string; readonly value: Cell }[];
}

/**
 * A boxed note. `placeholder` marks what the plan owner must complete (contacts, sign-off)
 * and is rendered so that it cannot be mistaken for generated content; `note` is commentary;
 * `warning` is a finding the reader must act on.
 */
export interface CalloutBlock {
  readonly kind: 'callout';
  readonly tone: 'placeholder' | 'note' | 'warning';
  /** Bold lead-in, e.g. `To be completed by the plan owner`. */
  readonly title?: string;
  readonly runs: Inline;
}

/** Forces the next block onto a new page. */
export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

/** The topology figure of one variant (see `diagram.ts`). */
export interface FigureBlock {
  readonly kind: 'figure';
  /** Unique within the document, used as the figure's anchor. */
  readonly id: string;
  /** Caption printed under the figure, e.g. `Figure 1. Topology of Active-Active, 3 regions`. */
  readonly caption: string;
  /** Vector drawing in points, already sized to the content width of its page orientation. */
  readonly drawing: Drawing;
  /** True when the drawing is sized for, and placed on, a landscape page of its own. */
  readonly landscape: boolean;
  /** The same topology as a Mermaid `flowchart`, for writers that cannot embed vector art. */
  readonly mermaid: string;
}

/** Any block of the document body. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | KeyValueBlock
  | CalloutBlock
  | PageBreakBlock
  | FigureBlock;

/**
 * A whole plan: metadata and the body. Writers add the title page (from `meta`) and a table of
 * contents (from the headings) before the body.
 */
export interface PlanDocument {
  readonly meta: PlanMeta;
  readonly blocks: readonly Block[];
}

/** Page geometry shared by the writers and the diagram, in points (1/72 in). */
export const PAGE = {
  /** Width and height of a portrait page for each paper size. */
  size: { LETTER: { width: 612, height: 792 }, A4: { width: 595.28, height: 841.89 } },
  /** Left and right margin. */
  marginX: 60,
  /** Top and bottom margin (the running header and footer sit inside them). */
  marginY: 64,
} as const;

/** Width available to content on a page of `size`, in points, portrait or landscape. */
export function contentWidth(size: PageSize = 'LETTER', landscape = false): number {
  const page = PAGE.size[size];
  return (landscape ? page.height : page.width) - 2 * PAGE.marginX;
}

/** Height available to content on a page of `size`, in points, portrait or landscape. */
export function contentHeight(size: PageSize = 'LETTER', landscape = false): number {
  const page = PAGE.size[size];
  return (landscape ? page.width : page.height) - 2 * PAGE.marginY;
}

/** The document-control rows every writer prints on its title page, as `[label, value]`. */
export function documentControl(meta: PlanMeta): [string, string][] {
  const rows: [string, string][] = [
    ['Version', meta.version],
    ['Date', meta.date],
  ];
  if (meta.impact)
    rows.push(['Impact level', `${meta.impact[0]?.toUpperCase()}${meta.impact.slice(1)}`]);
  if (meta.classification) rows.push(['Classification', meta.classification]);
  if (meta.author) rows.push(['Prepared by', meta.author]);
  return rows;
}

/** A plain run. */
export function text(value: string): Run {
  return { text: value };
}

/** A bold run. */
export function bold(value: string): Run {
  return { text: value, bold: true };
}

/** An italic run. */
export function italic(value: string): Run {
  return { text: value, italic: true };
}

/** A monospaced run. */
export function code(value: string): Run {
  return { text: value, code: true };
}

/** A blank the plan owner fills in, with `hint` saying what goes there (see {@link Run.blank}). */
export function blank(hint: string): Run {
  return { text: hint, blank: true };
}

/** Whether a table cell is nothing but one blank: the whole cell is then the space to fill in. */
export function isBlankCell(cell: Cell): boolean {
  return typeof cell !== 'string' && cell.length === 1 && cell[0]?.blank === true;
}

/**
 * Whether a table row has a cell that is a blank: a row filled in by hand, which the writers
 * make tall enough to write in.
 */
export function isFillableRow(row: readonly Cell[]): boolean {
  return row.some(isBlankCell);
}

/**
 * The language of the plan's text (BCP 47): British English, the spelling of every sentence
 * the builder writes. The PDF's `/Lang`, the DOCX's proofing language and core properties.
 */
export const PLAN_LANGUAGE = 'en-GB';

/** Subject of every plan, in the files' document properties. */
export const PLAN_SUBJECT = 'Information System Contingency Plan (NIST SP 800-34)';

/** Keywords of a plan for the files' document properties: the kind of plan, the variant, the impact. */
export function planKeywords(meta: PlanMeta): string {
  return [
    'contingency plan',
    'ISCP',
    'NIST SP 800-34',
    ...(meta.subtitle ? [meta.subtitle] : []),
    ...(meta.impact ? [`${meta.impact} impact`] : []),
  ].join('; ');
}

/** The date files carry when `meta.date` is not `YYYY-MM-DD`: 1 January 2000, 00:00 UTC. */
const UNDATED = Date.UTC(2000, 0, 1);

/**
 * The creation and modification date written into a plan's files: midnight UTC of the issue
 * date when `meta.date` is `YYYY-MM-DD` (the CLI and the app always give one), else a fixed
 * date. Never the clock, so that writing the same plan twice gives the same bytes.
 */
export function fileDate(meta: PlanMeta): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  if (!match) return new Date(UNDATED);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-31 is not a date: rather than roll it over, it gets the fixed date too.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : new Date(UNDATED);
}

/** Inline content from strings (plain runs) and runs, in order. */
export function inline(...parts: readonly (string | Run)[]): Inline {
  return parts.map((part) => (typeof part === 'string' ? text(part) : part));
}

/**
 * A stable anchor id from a heading text: lower case ASCII letters and digits joined by `-`,
 * e.g. `3.2 Recovery — Region outage` → `3-2-recovery-region-outage`; `empty` (`section` by
 * default) when nothing is left.
 */
export function slug(value: string, empty = 'section'): string {
  const words = value
    .normalize('NFKD')
    // Accents decompose into combining marks; dropping them keeps `é` as `e`.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return words === '' ? empty : words.replace(/ /g, '-');
}

/** A numbered heading whose id is the slug of its text unless given. */
export function heading(level: 1 | 2 | 3, value: string, id: string = slug(value)): HeadingBlock {
  return { kind: 'heading', level, text: value, id };
}

/** An unnumbered level-1 heading, e.g. `Appendix A. Component inventory`. */
export function appendix(value: string, id: string = slug(value)): HeadingBlock {
  return { kind: 'heading', level: 1, text: value, id, numbered: false };
}

/** A paragraph from strings and runs. */
export function paragraph(...parts: readonly (string | Run)[]): ParagraphBlock {
  return { kind: 'paragraph', runs: inline(...parts) };
}

/** A bulleted list; each item is a string or inline content. */
export function bullets(items: readonly (string | Inline)[]): ListBlock {
  return { kind: 'list', ordered: false, items: items.map(toInline) };
}

/** A numbered list; each item is a string or inline content. */
export function numbered(items: readonly (string | Inline)[]): ListBlock {
  return { kind: 'list', ordered: true, items: items.map(toInline) };
}

/** A placeholder the plan owner must complete, titled `To be completed by the plan owner`. */
export function placeholder(...parts: readonly (string | Run)[]): CalloutBlock {
  return {
    kind: 'callout',
    tone: 'placeholder',
    title: 'To be completed by the plan owner',
    runs: inline(...parts),
  };
}

/** A page break. */
export const PAGE_BREAK: PageBreakBlock = { kind: 'pageBreak' };

function toInline(item: string | Inline): Inline {
  return typeof item === 'string' ? [text(item)] : item;
}

/**
 * A hyphenated token with a digit: an id such as `us-east-1`, `redis-use1` or a date. Lines
 * must not break inside one (a region id split as `eu-` / `west-1` reads as two words).
 */
const HYPHENATED = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g;

/**
 * `text` cut into plain parts and hyphenated ids (`id: true`), in order, which the writers keep
 * on one line: the PDF as an inline pdfmake does not wrap, the DOCX with Word's non-breaking
 * hyphens. Never empty: an empty text is one empty plain part.
 */
export function splitAtIds(text: string): { text: string; id: boolean }[] {
  const parts: { text: string; id: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(HYPHENATED)) {
    if (!/\d/.test(match[0])) continue;
    const at = match.index;
    if (at > last) parts.push({ text: text.slice(last, at), id: false });
    parts.push({ text: match[0], id: true });
    last = at + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), id: false });
  return parts;
}

/** The plain text of a cell or of inline content. */
export function plainText(value: Cell): string {
  return typeof value === 'string' ? value : value.map((run) => run.text).join('');
}
