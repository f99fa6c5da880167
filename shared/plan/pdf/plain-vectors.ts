/**
 * pdfmake's vectors (table rules, cell fills, lines and rectangles of the canvas) written into
 * the page as pdfkit would write them, in one go.
 *
 * pdfmake's renderer (`pdfmake/js/Renderer.js` 0.3, `renderVector`) draws each vector with some
 * ten pdfkit calls (line width, dash, join, cap, the path, the colours with their opacity, the
 * painting operator), each writing its operator as a buffer of its own (pdfkit 0.19,
 * `js/pdfkit.js`, `VectorMixin` and `ColorMixin`). For a line, a polyline or a plain rectangle
 * without dash, gradient or pattern, in hexadecimal or named device colours at opacities pdfkit
 * has registered, this writes the same operators, byte for byte, as one string, and leaves the
 * fill colour as pdfkit leaves it; any other vector is drawn by pdfmake as before.
 */
import { deviceColour, isNumber, num, type DeviceColour } from './pdf-operators';

/** A pdfmake vector, as `renderVector` reads it. */
interface Vector {
  type: string;
  lineWidth?: number;
  dash?: unknown;
  lineJoin?: unknown;
  lineCap?: unknown;
  linearGradient?: unknown;
  color?: unknown;
  lineColor?: unknown;
  fillOpacity?: unknown;
  strokeOpacity?: unknown;
  closePath?: boolean;
  r?: number;
  x: number;
  y: number;
  w: number;
  h: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  points: { x: number; y: number }[];
}

/** pdfkit's `PDFDocument`, as the vector drawing uses it. */
interface Document {
  page: { ext_gstates: Record<string, unknown> };
  _fillColor?: unknown;
  _opacityRegistry: Record<string, [unknown, string] | undefined>;
  _JOIN_STYLES: Record<string, number>;
  _CAP_STYLES: Record<string, number>;
  resolveColor(color: unknown, fallback: string): unknown;
  _normalizeColor(color: unknown): unknown;
  addContent(data: string): void;
}

/** pdfkit's `_doOpacity(fill, stroke)`: its graphics state, if registered, and its operator. */
function opacityState(doc: Document, fill: number | null, stroke: number | null) {
  const f = fill == null ? fill : Math.max(0, Math.min(1, fill));
  const s = stroke == null ? stroke : Math.max(0, Math.min(1, stroke));
  const registered = doc._opacityRegistry[`${f}_${s}`];
  if (!registered) return undefined;
  doc.page.ext_gstates[registered[1]] = registered[0];
  return `/${registered[1]} gs`;
}

/** pdfkit's `lineJoin` / `lineCap` value: a style's name looked up, anything else as given. */
function style(names: Record<string, number>, value: unknown): unknown {
  return typeof value === 'string' ? names[value.toUpperCase()] : value;
}

/** The path operators of `vector`, as pdfkit writes them; undefined for pdfmake's path. */
function pathOf(vector: Vector): string[] | undefined {
  switch (vector.type) {
    case 'rect':
      if (vector.r) return undefined;
      return [`${num(vector.x)} ${num(vector.y)} ${num(vector.w)} ${num(vector.h)} re`];
    case 'line':
      return [`${num(vector.x1)} ${num(vector.y1)} m`, `${num(vector.x2)} ${num(vector.y2)} l`];
    case 'polyline': {
      const points = vector.points;
      if (points.length === 0) return [];
      const path = points.map((p, i) => `${num(p.x)} ${num(p.y)} ${i === 0 ? 'm' : 'l'}`);
      const first = points[0] as { x: number; y: number };
      const last = points[points.length - 1] as { x: number; y: number };
      if (points.length > 1 && (vector.closePath || (first.x === last.x && first.y === last.y))) {
        path.push('h');
      }
      return path;
    }
    default:
      return undefined;
  }
}

/**
 * The operators pdfmake's `renderVector` has pdfkit write for `vector`, or undefined when it
 * must draw it itself; sets the fill colour as `fillColor` does.
 */
function operatorsOf(doc: Document, vector: Vector): string | undefined {
  if (vector.dash || vector.linearGradient) return undefined;
  if (Array.isArray(vector.color) && vector.color.length === 2) return undefined; // a pattern
  const path = pathOf(vector);
  if (!path) return undefined;
  const fillOpacity = isNumber(vector.fillOpacity) ? vector.fillOpacity : 1;
  const strokeOpacity = isNumber(vector.strokeOpacity) ? vector.strokeOpacity : 1;
  const ops = [
    `${num(vector.lineWidth || 1)} w`,
    '[] 0 d',
    `${String(style(doc._JOIN_STYLES, vector.lineJoin || 'miter'))} j`,
    `${String(style(doc._CAP_STYLES, vector.lineCap || 'butt'))} J`,
    ...path,
  ];
  let fill: DeviceColour | null = null;
  if (vector.color) {
    fill = deviceColour(doc, vector.color);
    const state = fill && opacityState(doc, fillOpacity, null);
    if (!fill || !state) return undefined;
    ops.push(`/${fill.space} cs`, `${fill.components} scn`, state);
  }
  if (!vector.color || vector.lineColor) {
    const stroke = deviceColour(doc, vector.lineColor);
    const state = stroke && opacityState(doc, null, strokeOpacity);
    if (!stroke || !state) return undefined;
    ops.push(`/${stroke.space} CS`, `${stroke.components} SCN`, state);
  }
  ops.push(vector.color ? (vector.lineColor ? 'B' : 'f') : 'S');
  if (fill) doc._fillColor = [fill.color, fillOpacity];
  return ops.join('\n');
}

const INSTALLED = Symbol.for('nines.plainVectorWriting');

/**
 * Makes `renderVector` of pdfmake's renderer (`pdfmake/js/Renderer`, its prototype) write the
 * vectors it can itself ({@link operatorsOf}), and leave the others to pdfmake. Installing
 * twice does nothing.
 */
export function installPlainVectorWriting(rendererPrototype: object): void {
  const proto = rendererPrototype as {
    renderVector(this: { pdfDocument: Document }, vector: Vector): void;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  const previous = proto.renderVector;
  proto.renderVector = function renderVector(vector: Vector) {
    const operators = operatorsOf(this.pdfDocument, vector);
    if (operators === undefined) previous.call(this, vector);
    else this.pdfDocument.addContent(operators);
  };
  proto[INSTALLED] = true;
}
