/**
 * A fast path for pdfmake's SVG sizing (its `SVGMeasure`): to learn a figure's size, pdfmake
 * parses the whole SVG with xmldoc, then parses it again to set the size it is drawn at and
 * writes it back out (svg-to-pdfkit then parses that a third time to draw it). The plan's
 * figures are SVG text of a few hundred elements, and both xmldoc passes read only the root
 * element's `width`, `height` and `viewBox`.
 *
 * The fast path reads and rewrites those attributes on the root start tag alone, for an SVG
 * whose root tag it can read (an `<svg` start tag with double-quoted attributes, a `viewBox`, a
 * numeric width and height); any other SVG goes to pdfmake's own code. The rest of the text is
 * left as it was written rather than re-serialized by xmldoc, which svg-to-pdfkit reads to the
 * same drawing (`svg-size.test.ts` compares the PDFs of every template's plan). What the fast
 * path does not do is pdfmake's check that the whole text is well-formed XML: the figures are
 * the plan's own SVG (`toSvg`), and svg-to-pdfkit parses the text when it draws it.
 */

/** The root start tag, up to its first `>`: attribute values here never hold one. */
const ROOT_TAG = /^<svg((?:\s+[A-Za-z_:][\w:.-]*="[^"<>]*")*)\s*>/;
const ATTRIBUTE = /\s+([A-Za-z_:][\w:.-]*)="([^"<>]*)"/g;

/** The root tag's attributes of `svg`, or undefined when it is not one the fast path reads. */
function rootAttributes(svg: string): { tag: string; attributes: Map<string, string> } | undefined {
  const match = ROOT_TAG.exec(svg);
  if (!match) return undefined;
  const attributes = new Map<string, string>();
  for (const [, name, value] of (match[1] ?? '').matchAll(ATTRIBUTE)) {
    if (name === undefined || value === undefined || attributes.has(name)) return undefined;
    attributes.set(name, value);
  }
  const width = parseFloat(attributes.get('width') ?? '');
  const height = parseFloat(attributes.get('height') ?? '');
  if (!Number.isFinite(width) || !Number.isFinite(height) || !attributes.has('viewBox')) {
    return undefined;
  }
  return { tag: match[0], attributes };
}

/** Text as xmldoc escapes an attribute value (none of the plan's sizes has such a character). */
function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');
}

/** pdfmake's `SVGMeasure` methods the fast path replaces. */
interface SvgMeasure {
  measureSVG(svg: unknown): { width: number | undefined; height: number | undefined };
  writeDimensions(svg: unknown, dimensions: { width: number; height: number }): unknown;
}

const INSTALLED = Symbol.for('nines.fastSvgSize');

/**
 * Makes pdfmake's `SVGMeasure` (its prototype, `pdfmake/js/SVGMeasure`) read and set the size of
 * an SVG string on its root tag ({@link rootAttributes}); other SVGs go to pdfmake as before.
 * The size read is pdfmake's: the numbers that start the `width` and `height` values (`parseFloat`,
 * units dropped). Installing twice does nothing.
 */
export function installFastSvgSize(svgMeasurePrototype: object): void {
  const proto = svgMeasurePrototype as SvgMeasure & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const { measureSVG, writeDimensions } = proto;
  proto.measureSVG = function fastMeasureSvg(this: SvgMeasure, svg) {
    const root = typeof svg === 'string' ? rootAttributes(svg) : undefined;
    if (!root) return measureSVG.call(this, svg);
    return {
      width: parseFloat(root.attributes.get('width') as string),
      height: parseFloat(root.attributes.get('height') as string),
    };
  };
  proto.writeDimensions = function fastWriteDimensions(this: SvgMeasure, svg, dimensions) {
    const root = typeof svg === 'string' ? rootAttributes(svg) : undefined;
    if (!root) return writeDimensions.call(this, svg, dimensions);
    const attributes = new Map(root.attributes);
    attributes.set('width', `${dimensions.width}`);
    attributes.set('height', `${dimensions.height}`);
    let tag = '<svg';
    for (const [name, value] of attributes) tag += ` ${name}="${escapeAttribute(value)}"`;
    return `${tag}>${(svg as string).slice(root.tag.length)}`;
  };
  proto[INSTALLED] = true;
}
