/**
 * The text of a PDF line written straight into the page, as pdfkit would write it, in one go.
 *
 * For each run of words of a line (merged by {@link mergeInlines}), pdfmake's renderer
 * (`pdfmake/js/Renderer.js` 0.3, `renderLine`) sets the opacity, fills with the colour, sets the
 * font and calls pdfkit's `text()`; pdfkit (0.19, `js/pdfkit.js`: `_text`, `_line`, `_fragment`,
 * `EmbeddedFont.encode`) then copies its options, cuts the text again after each space, looks
 * every piece up in the font's layout cache, concatenates the pieces' glyphs, encodes each glyph
 * into the font's subset, measures the text once more for the cursor, and writes each of some
 * twelve operators as a buffer of its own.
 *
 * This writes the same operators, byte for byte and in the same order: each piece of text (cut
 * as pdfkit cuts it, shaped through the same layout cache) is encoded once per font, its glyphs
 * taken into the subset in the order pdfkit takes them, and kept as its hex glyph codes split
 * where pdfkit's `TJ` array puts a kerning adjustment; the operators of consecutive runs go to
 * the page as one string. Links, destinations, page links, super- and subscripts, the outline
 * entry, backgrounds and decorations are made by the same pdfkit and pdfmake calls, in the same
 * order. The document is left as pdfkit leaves it (font, size, fill colour, cursor). An inline
 * with font features or character spacing, in a font without a layout cache, with a glyph
 * offset, a colour that is not a hexadecimal or named device colour, or an opacity pdfkit has
 * not registered yet, is drawn by pdfkit in its place, as pdfmake draws it. A page reference
 * (the contents' page numbers) is resolved as pdfmake resolves it.
 */
import { mergeInlines, type RenderedInline } from './merge-inlines';
import { deviceColour, isNumber, num } from './pdf-operators';

/** A glyph of a fontkit run, as pdfkit's `encode` reads it. */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph's position in a pdfkit run (thousandths of the font size). */
interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's `EmbeddedFont`: the parts its `encode` and `_fragment` use. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  layoutCache?: object | null;
  subset?: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  layoutCached(text: string): { glyphs: Glyph[]; positions: Position[]; advanceWidth: number };
  ref(): unknown;
}

/** pdfkit's `PDFPage`: the parts `_fragment` and `_doOpacity` use. */
interface Page {
  height: number;
  fonts: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
}

/** pdfkit's `PDFDocument` (with pdfmake's `resolveColor`): the parts used here. */
interface Document {
  page: Page;
  x: number;
  y: number;
  _font: unknown;
  _fontSize: number;
  _fillColor?: unknown;
  _textOptions?: unknown;
  _opacityRegistry: Record<string, [unknown, string] | undefined>;
  _normalizeColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: string): unknown;
  opacity(opacity: number): void;
  fill(color: unknown): void;
  fontSize(size: unknown): void;
  text(text: string, x: number, y: number, options: object): void;
  ref(data: object): { end(): void };
  annotate(x: number, y: number, w: number, h: number, options: object): void;
  link(x: number, y: number, w: number, h: number, url: unknown, options: object): void;
  goTo(x: number, y: number, w: number, h: number, name: unknown): void;
  addNamedDestination(name: unknown, ...args: unknown[]): void;
  currentLineHeight(): number;
  _currentStructureElement?: unknown;
  outline: Outline;
  addContent(data: string): void;
}

/** pdfkit's `PDFOutline`: an entry of the document outline. */
interface Outline {
  addItem(title: unknown, options: object): Outline;
}

/** pdfmake's `Line`, as its renderer reads it. */
interface Line {
  inlines: RenderedInline[];
  _outline?: { text: unknown; expanded?: unknown; id?: unknown; parentId?: unknown };
  _pageNodeRef?: unknown;
  id?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}

/** A piece of text (pdfkit's unit of shaping) encoded once in one font. */
interface EncodedPiece {
  /** The piece's advance, as `EmbeddedFont.layout` sums it (thousandths of the font size). */
  advance: number;
  /**
   * The piece's glyph codes (4 hex digits each) cut after each glyph that `_fragment` follows
   * by a kerning adjustment: `[codes, adjustment, codes, adjustment, …, codes]`, always of odd
   * length, the last codes (perhaps empty) having no adjustment.
   */
  parts: string[];
}

/** Each font's encoded pieces; `null` for a piece with a glyph offset (pdfkit's path then). */
const encodedPieces = new WeakMap<EmbeddedFont, Map<string, EncodedPiece | null>>();

/**
 * `piece` encoded in `font`, as `EmbeddedFont.encode` encodes it: the glyphs of the font's cached
 * layout of the piece taken into the subset in order, with their widths and code points.
 */
function encodePiece(
  font: EmbeddedFont,
  subset: { includeGlyph(id: number): number },
  piece: string,
) {
  const run = font.layoutCached(piece);
  const parts: string[] = [];
  let codes = '';
  let offset = false;
  for (let i = 0; i < run.glyphs.length; i += 1) {
    const glyph = run.glyphs[i] as Glyph;
    const position = run.positions[i] as Position;
    const gid = subset.includeGlyph(glyph.id);
    codes += `0000${gid.toString(16)}`.slice(-4);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    if (position.xOffset || position.yOffset) offset = true;
    const adjustment = position.xAdvance - position.advanceWidth;
    if (adjustment !== 0) {
      parts.push(codes, `${num(-adjustment)}`);
      codes = '';
    }
  }
  parts.push(codes);
  return offset ? null : { advance: run.advanceWidth, parts };
}

/** A run of text shaped for writing: its `TJ` operator (or none) and its advance. */
interface ShapedText {
  tj: string | undefined;
  advance: number;
}

/**
 * `text` shaped in `font` for `_fragment`'s `TJ` array, piece by piece (cut after each space or
 * tab, as `EmbeddedFont.layout` cuts it); undefined when pdfkit must write it (a font without a
 * layout cache or subset, a glyph with an offset).
 */
function shape(font: EmbeddedFont, text: string): ShapedText | undefined {
  const subset = font.subset;
  if (!font.layoutCache || !subset || typeof font.layoutCached !== 'function') return undefined;
  let pieces = encodedPieces.get(font);
  if (!pieces) {
    pieces = new Map();
    encodedPieces.set(font, pieces);
  }
  const commands: string[] = [];
  let codes = '';
  let advance = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09) continue;
    } else if (start === text.length) break;
    const piece = text.slice(start, i + 1);
    start = i + 1;
    let encoded = pieces.get(piece);
    if (encoded === undefined) {
      encoded = encodePiece(font, subset, piece);
      pieces.set(piece, encoded);
    }
    if (encoded === null) return undefined;
    advance += encoded.advance;
    const parts = encoded.parts;
    const last = parts.length - 1;
    for (let k = 0; k < last; k += 2) {
      commands.push(`<${codes}${parts[k] as string}> ${parts[k + 1] as string}`);
      codes = '';
    }
    codes += parts[last] as string;
  }
  // The last glyph has no adjustment (else `codes` would be empty): `_fragment` writes 0.
  if (codes) commands.push(`<${codes}> 0`);
  return { tj: commands.length > 0 ? `[${commands.join(' ')}] TJ` : undefined, advance };
}

/** The fill operators of each colour pdfmake names (`fill(resolveColor(color, 'black'))`). */
const fills = new Map<unknown, { color: string; operators: string } | null>();

/** What `fill(resolveColor(color, 'black'))` writes; null where pdfkit must write it. */
function fillOf(doc: Document, color: unknown) {
  let fill = fills.get(color);
  if (fill !== undefined) return fill;
  const device = deviceColour(doc, color);
  fill = device && {
    color: device.color,
    operators: `/${device.space} cs\n${device.components} scn\nf`,
  };
  if (typeof color === 'string' || color === undefined) fills.set(color, fill);
  return fill;
}

/**
 * One inline drawn by pdfkit, as pdfmake's `renderLine` draws it (its loop's body, the inline's
 * page reference resolved): `index` is the inline's place in the line.
 */
function drawByPdfKit(
  doc: Document,
  line: Line,
  inline: RenderedInline,
  index: number,
  left: number,
  baseline: number,
) {
  const options: Record<string, unknown> = {
    lineBreak: false,
    textWidth: inline.width,
    characterSpacing: inline.characterSpacing,
    wordCount: 1,
    link: inline.link,
  };
  if (inline.linkToDestination) options.goTo = inline.linkToDestination;
  if (line.id && index === 0) options.destination = line.id;
  if (inline.fontFeatures) options.features = inline.fontFeatures;
  doc.opacity(isNumber(inline.opacity) ? inline.opacity : 1);
  doc.fill(doc.resolveColor(inline.color, 'black'));
  doc._font = inline.font;
  doc.fontSize(inline.fontSize);
  let shifted = baseline;
  if (inline.sup) shifted -= inline.fontSize * 0.75;
  if (inline.sub) shifted += inline.fontSize * 0.35;
  doc.text(inline.text, left, shifted, options);
  if (inline.linkToPage) {
    doc.ref({ Type: 'Action', S: 'GoTo', D: [inline.linkToPage, 0, 0] }).end();
    doc.annotate(left, shifted, inline.width, inline.height, {
      Subtype: 'Link',
      Dest: [(inline.linkToPage as number) - 1, 'XYZ', null, null, null],
    });
  }
}

/**
 * Writes the inlines of a line (merged) as pdfmake's `renderLine` and pdfkit's `text()` would:
 * each plain run's operators written here, the operators of consecutive such runs in one
 * `addContent`; any other inline drawn by pdfkit in its place.
 */
function writeLine(
  doc: Document,
  line: Line,
  inlines: readonly RenderedInline[],
  x: number,
  y: number,
  measure: { widthOfText(text: string, inline: never): number },
) {
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  let out: string[] = [];
  for (let index = 0; index < inlines.length; index += 1) {
    const inline = inlines[index] as RenderedInline;
    const font = inline.font as EmbeddedFont;
    const size = inline.fontSize;
    const baseline = y + (lineHeight - (font.ascender / 1000) * size - descent);
    const reference = inline._pageNodeRef as PageReference | undefined;
    if (reference) preparePageReference(measure, reference, inline);
    const left = x + inline.x;
    const opacity = isNumber(inline.opacity) ? inline.opacity : 1;
    const clamped = Math.max(0, Math.min(1, opacity));
    const lean = !inline.fontFeatures && !inline.characterSpacing && typeof size === 'number';
    const registered = lean ? doc._opacityRegistry[`${clamped}_${clamped}`] : undefined;
    const fill = registered && fillOf(doc, inline.color);
    const shaped = fill && !inline.text.includes('\n') ? shape(font, inline.text) : undefined;
    const linked = inline.link != null || inline.linkToDestination || (line.id && index === 0);
    if (!registered || !fill || !shaped || (linked && doc._currentStructureElement)) {
      if (out.length > 0) doc.addContent(out.join('\n'));
      out = [];
      drawByPdfKit(doc, line, inline, index, left, baseline);
      continue;
    }
    let top = baseline;
    if (inline.sup) top -= size * 0.75;
    if (inline.sub) top += size * 0.35;
    const page = doc.page;
    page.ext_gstates[registered[1]] = registered[0];
    out.push(`/${registered[1]} gs`, fill.operators);
    doc._fillColor = [fill.color, undefined];
    doc._font = font;
    doc._fontSize = size;
    if (inline.text.length > 0) {
      // `_fragment`'s annotations, before its text object.
      if (linked) {
        const width = inline.width + 0 * (1 - 1) + 0 * (inline.text.length - 1);
        if (inline.link != null)
          doc.link(left, top, width, doc.currentLineHeight(), inline.link, {});
        if (inline.linkToDestination) {
          doc.goTo(left, top, width, doc.currentLineHeight(), inline.linkToDestination);
        }
        if (line.id && index === 0) doc.addNamedDestination(line.id, 'XYZ', left, top, null);
      }
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      const ascent = (font.ascender / 1000) * size;
      out.push(
        `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(left)} ${num(page.height - top - ascent)} Tm\n/${font.id} ${num(size)} Tf`,
      );
      if (shaped.tj) out.push(shaped.tj);
      out.push('ET\nQ');
    }
    // pdfkit's cursor after `text()`: `_initOptions` and `_line` (`widthOfString`).
    doc.y = top;
    doc.x = left + ((shaped.advance * (size / 1000) + 0) * 100) / 100;
    if (inline.linkToPage) {
      doc.ref({ Type: 'Action', S: 'GoTo', D: [inline.linkToPage, 0, 0] }).end();
      doc.annotate(left, top, inline.width, inline.height, {
        Subtype: 'Link',
        Dest: [(inline.linkToPage as number) - 1, 'XYZ', null, null, null],
      });
    }
  }
  if (out.length > 0) doc.addContent(out.join('\n'));
}

/** The pdfmake classes a line is drawn with besides its renderer (`pdfmake/js/`, 0.3). */
export interface LineClasses {
  /** `TextDecorator.js`: draws the backgrounds and decorations around a line's text. */
  TextDecorator: new (doc: never) => {
    drawBackground(line: never, x: number, y: number): void;
    drawDecorations(line: never, x: number, y: number): void;
  };
  /** `TextInlines.js`: measures the page number put in place of a page reference. */
  TextInlines: new (doc: null) => { widthOfText(text: string, inline: never): number };
}

/** A page reference: where its target was laid out. */
interface PageReference {
  positions?: { pageNumber: number }[];
}

/**
 * pdfmake's `preparePageNodeRefLine` (`Renderer.js`): `inline` given the number of the page its
 * reference points to, its width and place set for that text.
 */
function preparePageReference(
  measure: { widthOfText(text: string, inline: never): number },
  reference: PageReference,
  inline: RenderedInline,
) {
  if (reference.positions === undefined) throw new Error('Page reference id not found');
  inline.text = (reference.positions[0] as { pageNumber: number }).pageNumber.toString();
  const width = measure.widthOfText(inline.text, inline as never);
  const shift = inline.width - width;
  inline.width = width;
  switch (inline.alignment) {
    case 'right':
      inline.x += shift;
      break;
    case 'center':
      inline.x += shift / 2;
      break;
  }
}

/** pdfmake's renderer, as its `renderLine` uses it. */
interface Renderer {
  pdfDocument: Document;
  outlineMap: Record<string, Outline>;
  renderLine(line: Line, x: number, y: number): void;
}

const INSTALLED = Symbol.for('nines.plainLineWriting');

/**
 * Makes `renderLine` of pdfmake's renderer (`pdfmake/js/Renderer`, its prototype) draw each
 * line as pdfmake's does: its outline entry, its page reference resolved, its inlines merged
 * ({@link mergeInlines}; as pdfmake's merging `renderLine` leaves a line with a page reference
 * unmerged, so does this) with their backgrounds and decorations drawn by `TextDecorator` around
 * them, and its text written by {@link writeLine}. With pdfkit text options pending (never, from
 * pdfmake), the line goes to the `renderLine` installed before. Installing twice does nothing.
 */
export function installPlainLineWriting(
  rendererPrototype: object,
  { TextDecorator, TextInlines }: LineClasses,
): void {
  const proto = rendererPrototype as Renderer & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const previous = proto.renderLine;
  const measure = new TextInlines(null);
  proto.renderLine = function renderLine(this: Renderer, line: Line, x: number, y: number) {
    const doc = this.pdfDocument;
    if (doc._textOptions) {
      previous.call(this, line, x, y);
      return;
    }
    const outline = line._outline;
    if (outline) {
      let parent = doc.outline;
      if (outline.parentId && this.outlineMap[outline.parentId as string]) {
        parent = this.outlineMap[outline.parentId as string] as Outline;
      }
      const item = parent.addItem(outline.text, { expanded: outline.expanded });
      if (outline.id) this.outlineMap[outline.id as string] = item;
    }
    const reference = line._pageNodeRef as PageReference | undefined;
    const inlines = line.inlines;
    if (reference) preparePageReference(measure, reference, inlines[0] as RenderedInline);
    line.inlines = reference ? inlines : mergeInlines(inlines);
    try {
      const left = x || 0;
      const top = y || 0;
      const decorator = new TextDecorator(doc as never);
      decorator.drawBackground(line as never, left, top);
      writeLine(doc, line, line.inlines, left, top, measure);
      decorator.drawDecorations(line as never, left, top);
    } finally {
      line.inlines = inlines;
    }
  };
  proto[INSTALLED] = true;
}
