/**
 * One PDF text object per run of same-styled words, not one per word. pdfmake lays a line out
 * as one inline per word and writes each with its own pdfkit `text()` call (a text object with
 * its font, size, colour and position: its renderer's "TODO: lines without differently styled
 * inlines should be written to pdf as one stream"). This merges, at render time only, each run
 * of adjacent inlines of one line that pdfkit would draw alike, so that pdfkit writes the run in
 * one call: the layout (line breaks, positions, pages) is pdfmake's, unchanged.
 *
 * pdfkit places a merged run's words by their own advances, where pdfmake placed each at the sum
 * of the widths before it, both from the same shaping of each word (pdfkit shapes text word by
 * word, cut after each space): the same positions, to rounding. Inlines with a link, a
 * destination, a page reference, a decoration, a background, super- or subscript, font
 * features or character spacing are left as they are.
 */

/** The fields of a pdfmake inline (`TextInlines.measure`) that decide how pdfkit draws it. */
export interface RenderedInline {
  text: string;
  x: number;
  width: number;
  height: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  fontFeatures?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  decoration?: unknown;
  background?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
  [key: string]: unknown;
}

/** Whether pdfkit draws `inline` as plain text, so that it may be merged with its neighbours. */
function plain(inline: RenderedInline): boolean {
  return (
    !inline.link &&
    !inline.linkToPage &&
    !inline.linkToDestination &&
    !inline.decoration &&
    !inline.background &&
    !inline.sup &&
    !inline.sub &&
    !inline.fontFeatures &&
    !inline.characterSpacing &&
    inline._pageNodeRef === undefined
  );
}

/** Whether `next` continues `run` exactly: drawn alike, and starting where `run` ends. */
function continues(run: RenderedInline, next: RenderedInline): boolean {
  return (
    plain(next) &&
    next.font === run.font &&
    next.fontSize === run.fontSize &&
    next.color === run.color &&
    (next.opacity ?? 1) === (run.opacity ?? 1) &&
    next.height === run.height &&
    next.x === run.x + run.width
  );
}

/**
 * The inlines of a line with each run of plain, same-styled, adjacent inlines merged into one
 * (its text the run's texts, its width their widths); `inlines` itself is left unchanged.
 */
export function mergeInlines(inlines: readonly RenderedInline[]): RenderedInline[] {
  const merged: RenderedInline[] = [];
  let run: RenderedInline | undefined;
  for (const inline of inlines) {
    if (run && continues(run, inline)) {
      run.text += inline.text;
      run.width += inline.width;
      continue;
    }
    run = plain(inline) ? { ...inline } : undefined;
    merged.push(run ?? inline);
  }
  return merged;
}

interface RenderedLine {
  inlines: RenderedInline[];
  _pageNodeRef?: unknown;
}

const INSTALLED = Symbol.for('nines.inlineMerging');

/**
 * Makes `renderLine` of pdfmake's renderer (`pdfmake/js/Renderer`, its prototype) draw each line
 * with its inlines merged ({@link mergeInlines}); a line holding a page reference (the contents'
 * page numbers) is drawn as it is. Installing twice does nothing.
 */
export function installInlineMerging(rendererPrototype: object): void {
  const proto = rendererPrototype as {
    renderLine(line: RenderedLine, x: number, y: number): void;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  const original = proto.renderLine;
  proto.renderLine = function renderLine(line: RenderedLine, x: number, y: number) {
    const inlines = line.inlines;
    if (line._pageNodeRef !== undefined || inlines.length < 2) {
      original.call(this, line, x, y);
      return;
    }
    line.inlines = mergeInlines(inlines);
    try {
      original.call(this, line, x, y);
    } finally {
      line.inlines = inlines;
    }
  };
  proto[INSTALLED] = true;
}
