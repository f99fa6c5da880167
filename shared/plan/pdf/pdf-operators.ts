/**
 * How pdfkit (0.19, `js/pdfkit.js`) writes numbers and device colours into a content stream, and
 * pdfmake's test for a number: shared by the PDF writer's plain line and vector writing
 * (./plain-lines.ts, ./plain-vectors.ts), which write pdfkit's operators themselves.
 */

/** pdfkit's `PDFObject.number`: a number as it writes it in a content stream. */
export function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** A colour as pdfkit sets it: pdfmake's name for it, its colour space and its components. */
export interface DeviceColour {
  color: string;
  space: 'DeviceRGB' | 'DeviceCMYK';
  components: string;
}

/** Each colour pdfmake names, as {@link deviceColour} found it. */
const colours = new Map<unknown, DeviceColour | null>();

/**
 * `resolveColor(color, 'black')` as pdfkit's `_setColorCore` writes it, for a hexadecimal or
 * named device colour (whose meaning no spot colour or pattern can change); null for anything
 * else, which pdfkit must set itself.
 */
export function deviceColour(
  doc: {
    resolveColor(color: unknown, fallback: string): unknown;
    _normalizeColor(c: unknown): unknown;
  },
  color: unknown,
): DeviceColour | null {
  let found = colours.get(color);
  if (found !== undefined) return found;
  found = null;
  const resolved = doc.resolveColor(color, 'black');
  const device = typeof resolved === 'string' ? doc._normalizeColor(resolved) : null;
  if (
    typeof resolved === 'string' &&
    (resolved === color || !color) &&
    !/(even-?odd)|(non-?zero)/.test(resolved) &&
    Array.isArray(device)
  ) {
    const space = device.length === 4 ? 'DeviceCMYK' : 'DeviceRGB';
    found = { color: resolved, space, components: device.join(' ') };
  }
  // Only names are kept: a colour given as an array may be a new object at each use.
  if (typeof color === 'string' || color === undefined) colours.set(color, found);
  return found;
}

/** pdfmake's `isNumber` (`helpers/variableType.js`). */
export function isNumber(value: unknown): value is number {
  return (typeof value === 'number' || value instanceof Number) && !Number.isNaN(value);
}
