/**
 * A small vector drawing model (rounded rectangles, text, lines and curves with dash patterns
 * and arrowheads) and its SVG writer. The topology diagram is built as a {@link Drawing} once;
 * the PDF and DOCX writers embed its SVG, the app can show the same SVG.
 *
 * Coordinates are in points (1/72 in), origin top left, y down. Colours are `#rrggbb`.
 */

/** A rectangle, optionally with rounded corners, filled and/or stroked. */
export interface RectShape {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Corner radius, ≥ 0. */
  readonly radius: number;
  /** Fill colour; absent means no fill. */
  readonly fill?: string;
  /** Stroke colour; absent means no outline. */
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** Dash pattern: lengths of dash, gap, dash, …; absent means solid. */
  readonly dash?: readonly number[];
}

/** One line of text; `y` is the baseline. */
export interface TextShape {
  readonly type: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Font size, points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color: string;
  /** Which point of the text `x` is: its start, middle or end. */
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * A polyline through `points`, or a quadratic curve when `control` is given (then `points` are
 * exactly its two ends), with an optional arrowhead at the last point.
 */
export interface LineShape {
  readonly type: 'line';
  readonly points: readonly (readonly [number, number])[];
  /** Control point of a quadratic Bézier curve from the first to the last point. */
  readonly control?: readonly [number, number];
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dash?: readonly number[];
  /** Draws a filled arrowhead at the last point, pointing along the final direction. */
  readonly arrow?: boolean;
}

/**
 * Shapes that belong to one thing of the model (a component card, a container's label), with
 * its id and its full name: the SVG carries both, so a viewer can show the name in full where
 * the drawing had to shorten it, and tests can find every node.
 */
export interface GroupShape {
  readonly type: 'group';
  /** XML id of the group, unique in the drawing. */
  readonly id: string;
  /** Full text alternative, e.g. the component's name and detail. */
  readonly title: string;
  readonly shapes: readonly Shape[];
}

/** Anything a drawing holds. */
export type Shape = RectShape | TextShape | LineShape | GroupShape;

/** A drawing: its size and its shapes, painted in order (later shapes on top). */
export interface Drawing {
  /** Width, points. */
  readonly width: number;
  /** Height, points. */
  readonly height: number;
  /** Text alternative describing the drawing, for accessibility. */
  readonly title: string;
  readonly shapes: readonly Shape[];
}

/**
 * Font families of drawing text, first choice first: Roboto (bundled with pdfmake, which takes
 * the first family it knows), then what a browser or Word without Roboto has. Text widths are
 * estimated for Roboto.
 */
export const DRAWING_FONT = 'Roboto, Arial, Helvetica, sans-serif';

/**
 * Estimated advance width of `value` in Roboto at `size` points: per-character widths averaged
 * by character class (within about 10 % of the real metrics for Latin text), enough to fit
 * labels into boxes without a font engine.
 */
export function textWidth(value: string, size: number, isBold = false): number {
  let em = 0;
  for (const ch of value) {
    if ("il.,:;|!'`ijtfI".includes(ch)) em += 0.26;
    else if (ch === ' ' || ch === '\u00a0') em += 0.25;
    else if ('mwMW'.includes(ch)) em += 0.82;
    else if (/[A-Z]/.test(ch)) em += 0.64;
    else if (/[0-9]/.test(ch)) em += 0.56;
    else em += 0.52;
  }
  return em * size * (isBold ? 1.04 : 1);
}

/**
 * `value` shortened with a trailing ellipsis so that it fits `maxWidth` points at `size`
 * (see {@link textWidth}); unchanged when it fits.
 */
export function fitText(value: string, maxWidth: number, size: number, isBold = false): string {
  if (textWidth(value, size, isBold) <= maxWidth) return value;
  const chars = [...value];
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, size, isBold) > maxWidth) {
    chars.pop();
  }
  return `${chars.join('').trimEnd()}…`;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

/** A number written with at most two decimals and no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function dashAttr(dash: readonly number[] | undefined): string {
  return dash && dash.length > 0 ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : '';
}

function rectSvg(shape: RectShape): string {
  const fill = shape.fill ?? 'none';
  const stroke = shape.stroke
    ? ` stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth ?? 1)}"${dashAttr(shape.dash)}`
    : '';
  const radius = shape.radius > 0 ? ` rx="${num(shape.radius)}" ry="${num(shape.radius)}"` : '';
  return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.width)}" height="${num(shape.height)}"${radius} fill="${fill}"${stroke}/>`;
}

function textSvg(shape: TextShape): string {
  const weight = shape.bold ? ' font-weight="bold"' : '';
  const style = shape.italic ? ' font-style="italic"' : '';
  return `<text x="${num(shape.x)}" y="${num(shape.y)}" font-family="${DRAWING_FONT}" font-size="${num(shape.size)}"${weight}${style} fill="${shape.color}" text-anchor="${shape.anchor}">${escapeXml(shape.text)}</text>`;
}

/** Direction of the line where it ends, as a unit vector. */
function endDirection(shape: LineShape): readonly [number, number] {
  const end = shape.points[shape.points.length - 1] ?? [0, 0];
  const before = shape.control ?? shape.points[shape.points.length - 2] ?? end;
  const dx = end[0] - before[0];
  const dy = end[1] - before[1];
  const length = Math.hypot(dx, dy) || 1;
  return [dx / length, dy / length];
}

function lineSvg(shape: LineShape): string {
  const [first, ...rest] = shape.points;
  if (!first || rest.length === 0) return '';
  const end = rest[rest.length - 1] ?? first;
  const head = shape.arrow ? Math.max(4, shape.strokeWidth * 4) : 0;
  const [ux, uy] = endDirection(shape);
  // Stop the stroke at the arrowhead's base so that its end does not poke through the tip.
  const stop: readonly [number, number] = [end[0] - ux * head * 0.8, end[1] - uy * head * 0.8];
  const tail = rest.slice(0, -1).map((p) => `L${num(p[0])} ${num(p[1])}`);
  const d = shape.control
    ? `M${num(first[0])} ${num(first[1])} Q${num(shape.control[0])} ${num(shape.control[1])} ${num(stop[0])} ${num(stop[1])}`
    : [`M${num(first[0])} ${num(first[1])}`, ...tail, `L${num(stop[0])} ${num(stop[1])}`].join(' ');
  const path = `<path d="${d}" fill="none" stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth)}"${dashAttr(shape.dash)}/>`;
  if (!shape.arrow) return path;
  const half = head * 0.45;
  const base: readonly [number, number] = [end[0] - ux * head, end[1] - uy * head];
  const left = [base[0] - uy * half, base[1] + ux * half];
  const right = [base[0] + uy * half, base[1] - ux * half];
  const tip = `M${num(end[0])} ${num(end[1])} L${num(left[0] ?? 0)} ${num(left[1] ?? 0)} L${num(right[0] ?? 0)} ${num(right[1] ?? 0)} Z`;
  return `${path}<path d="${tip}" fill="${shape.stroke}"/>`;
}

function shapeSvg(shape: Shape): string {
  switch (shape.type) {
    case 'rect':
      return rectSvg(shape);
    case 'text':
      return textSvg(shape);
    case 'line':
      return lineSvg(shape);
    case 'group':
      return [
        `<g id="${escapeXml(shape.id)}">`,
        `<title>${escapeXml(shape.title)}</title>`,
        ...shape.shapes.map(shapeSvg),
        '</g>',
      ].join('');
  }
}

/**
 * The drawing as a standalone SVG 1.1 document (UTF-8, no external references), sized in
 * points with a matching `viewBox` so that any consumer can scale it. Pure: the same drawing
 * always gives the same string.
 */
export function toSvg(drawing: Drawing): string {
  const body = drawing.shapes.map(shapeSvg);
  const w = num(drawing.width);
  const h = num(drawing.height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(drawing.title)}</title>`,
    ...body,
    '</svg>',
  ].join('\n');
}
