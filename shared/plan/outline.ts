/**
 * What every writer reads of a plan document before and while writing it: the checks the types
 * cannot make (ids, table shapes), the numbers and labels of headings, and caption labels.
 */
import type { HeadingBlock, PlanDocument } from './document';

/** A problem that makes a document unwritable, with the index of the offending block. */
export interface DocumentProblem {
  readonly blockIndex: number;
  readonly message: string;
}

/**
 * Checks what the types cannot: heading and figure ids unique and well-formed, every table
 * row as wide as its header, column widths positive. Writers call it and throw on a problem,
 * since a malformed document is a programming error of its builder.
 */
export function checkDocument(doc: PlanDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const ids = new Set<string>();
  doc.blocks.forEach((block, blockIndex) => {
    const problem = (message: string) => problems.push({ blockIndex, message });
    if (block.kind === 'heading' || block.kind === 'figure') {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(block.id)) problem(`id "${block.id}" is not a slug`);
      if (ids.has(block.id)) problem(`id "${block.id}" is used twice`);
      ids.add(block.id);
    }
    if (block.kind === 'table') {
      if (block.columns.length === 0) problem('table has no columns');
      block.columns.forEach((column) => {
        if (column.width !== undefined && !(column.width > 0)) {
          problem(`column "${column.header}" has a width that is not positive`);
        }
      });
      block.rows.forEach((row, i) => {
        if (row.length !== block.columns.length) {
          problem(`row ${i + 1} has ${row.length} cells for ${block.columns.length} columns`);
        }
      });
    }
  });
  return problems;
}

/** Throws an error listing every problem of `doc` (see {@link checkDocument}). */
export function assertWritable(doc: PlanDocument): void {
  const problems = checkDocument(doc);
  if (problems.length > 0) {
    const lines = problems.map((p) => `block ${p.blockIndex}: ${p.message}`);
    throw new Error(`The plan document cannot be written:\n${lines.join('\n')}`);
  }
}

/**
 * The number of each numbered heading, by heading id, as every writer prints it: `1`, `1.1`,
 * `1.1.1`, counted in document order (a level-3 heading right under a level-1 one is `1.0.1`).
 * Unnumbered headings, and those under an unnumbered chapter, are absent.
 */
export function headingNumbers(doc: PlanDocument): Map<string, string> {
  const counters = [0, 0, 0];
  const numbers = new Map<string, string>();
  let inUnnumberedChapter = false;
  for (const h of headingsOf(doc)) {
    if (h.level === 1) inUnnumberedChapter = h.numbered === false;
    if (h.numbered === false || inUnnumberedChapter) continue;
    counters[h.level - 1] = (counters[h.level - 1] ?? 0) + 1;
    for (let i = h.level; i < counters.length; i += 1) counters[i] = 0;
    numbers.set(h.id, counters.slice(0, h.level).join('.'));
  }
  return numbers;
}

/** The text a heading is printed with: its number (if any), two spaces, its text. */
export function headingLabel(heading: HeadingBlock, numbers: Map<string, string>): string {
  const number = numbers.get(heading.id);
  return number === undefined ? heading.text : `${number}  ${heading.text}`;
}

/** The headings of `doc` in order, for tables of contents and outlines. */
export function headingsOf(doc: PlanDocument): HeadingBlock[] {
  return doc.blocks.filter((block): block is HeadingBlock => block.kind === 'heading');
}

/** A caption's label split up: `Table B.2. Components` → kind `Table`, prefix `B.`, number 2. */
export interface CaptionLabel {
  readonly kind: 'Table' | 'Figure';
  /** Appendix letter and dot, e.g. `B.`; empty in the body. */
  readonly prefix: string;
  readonly number: number;
  /** The caption after the label and its `. `, e.g. `Components`. */
  readonly rest: string;
}

const CAPTION_LABEL = /^(Table|Figure) ((?:[A-Z]\.)?)(\d+)\. /;

/** The label of a caption written `Table 3. …`, `Table B.2. …` or `Figure 1. …`, if it has one. */
export function captionLabel(caption: string): CaptionLabel | undefined {
  const match = CAPTION_LABEL.exec(caption);
  if (!match) return undefined;
  return {
    kind: match[1] as 'Table' | 'Figure',
    prefix: match[2] ?? '',
    number: Number(match[3]),
    rest: caption.slice(match[0].length),
  };
}

/**
 * What every writer does first: checks `doc` (throws on a problem, see {@link assertWritable}).
 * The writers print captions as they are: the plan builder numbers them
 * (`content/cross-references.ts`).
 */
export function prepareForWriting(doc: PlanDocument): PlanDocument {
  assertWritable(doc);
  return doc;
}
