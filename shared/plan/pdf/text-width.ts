/**
 * pdfkit's width of a string without shaping it piece by piece at every call. pdfmake measures
 * every word of the plan (and its leading and trailing spaces) with pdfkit's
 * `EmbeddedFont.widthOfString`, which cuts the string after each space or tab, looks each piece up
 * in the font's layout cache (shaping it on a miss), and sums each piece's glyph advances again
 * (fontkit's `GlyphRun.advanceWidth` is a getter that walks the glyph positions); it also builds
 * a one-element array per character to test for a space.
 *
 * This gives the same number: the same pieces, each shaped through the same layout cache (so the
 * runs pdfkit later draws are the ones it would have made), with each piece's advance kept once
 * found, summed in the same order and scaled the same way. A call with font features, or on a
 * font without a layout cache, goes to pdfkit as before. pdfkit 0.19 (`js/pdfkit.js`,
 * `EmbeddedFont`).
 */

/** A pdfkit shaped run: only its total advance is read here. */
interface LaidOutRun {
  readonly advanceWidth: number;
}

/** The part of pdfkit's `EmbeddedFont` this module reads. */
export interface EmbeddedFontLike {
  layoutCache?: Record<string, LaidOutRun> | null;
  layoutCached(text: string): LaidOutRun;
  widthOfString(text: string, size: number, features?: unknown): number;
}

/** Each font's piece advances (pdfkit's units: thousandths of the font size). */
const advances = new WeakMap<EmbeddedFontLike, Map<string, number>>();

/** The advance of `piece` in `font`, shaped through the font's own layout cache once. */
function pieceAdvance(font: EmbeddedFontLike, known: Map<string, number>, piece: string): number {
  let advance = known.get(piece);
  if (advance === undefined) {
    advance = font.layoutCached(piece).advanceWidth;
    known.set(piece, advance);
  }
  return advance;
}

/**
 * The width of `text` at `size` in `font`, as pdfkit's `widthOfString(text, size)`: the pieces
 * cut after each space or tab (and the rest), their advances summed from the first, times
 * `size / 1000`.
 */
export function widthOfString(font: EmbeddedFontLike, text: string, size: number): number {
  let known = advances.get(font);
  if (!known) {
    known = new Map();
    advances.set(font, known);
  }
  let width = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09) {
      width += pieceAdvance(font, known, text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) width += pieceAdvance(font, known, text.slice(start));
  return width * (size / 1000);
}

const INSTALLED = Symbol.for('nines.fastTextWidth');

/**
 * Makes `widthOfString` of pdfkit's embedded fonts (`fontPrototype`, the prototype of
 * `EmbeddedFont`) the {@link widthOfString} above for calls without font features on a font
 * with a layout cache. Installing twice does nothing.
 */
export function installFastTextWidth(fontPrototype: object): void {
  const proto = fontPrototype as EmbeddedFontLike & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto.widthOfString;
  proto.widthOfString = function fastWidthOfString(
    this: EmbeddedFontLike,
    text: string,
    size: number,
    features?: unknown,
  ) {
    if (features || !this.layoutCache || typeof text !== 'string') {
      return original.call(this, text, size, features);
    }
    return widthOfString(this, text, size);
  };
  proto[INSTALLED] = true;
}
