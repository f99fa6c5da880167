/**
 * The PNG Word requires beside an embedded SVG picture (Word 2016 and later show the SVG;
 * LibreOffice 7.4 and older Word show this), and a painter of it in pure TypeScript for hosts
 * that give no text renderer. The CLI gives one (`resvgPng` in cli/plan-io.ts, resvg with the
 * bundled Roboto), which draws the labels; this painter has no font engine, so it "greeks"
 * the text (grey bars of its estimated width): the fallback then shows the structure only.
 *
 * Encoding: 8-bit indexed colour, each row unfiltered, zlib with one fixed-Huffman deflate
 * block of literals and distance-1 runs (RFC 1950, 1951, PNG 1.2), which keeps flat drawings
 * small.
 */
import {
  textWidth,
  type Drawing,
  type LineShape,
  type RectShape,
  type Shape,
  type TextShape,
} from '../drawing';

/** Paints the PNG fallback of a drawing (see {@link drawingToPng} and cli/plan-io.ts). */
export type PngFallback = (drawing: Drawing) => Uint8Array;

class Canvas {
  readonly pixels: Uint8Array;
  readonly palette: string[] = ['#ffffff'];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height);
  }

  colour(hex: string): number {
    const index = this.palette.indexOf(hex);
    if (index >= 0) return index;
    if (this.palette.length >= 256) return 0;
    this.palette.push(hex);
    return this.palette.length - 1;
  }

  set(x: number, y: number, colour: number): void {
    if (x >= 0 && y >= 0 && x < this.width && y < this.height) {
      this.pixels[y * this.width + x] = colour;
    }
  }
}

function insideRoundedRect(x: number, y: number, r: RectShape, inset: number): boolean {
  const left = r.x + inset;
  const top = r.y + inset;
  const right = r.x + r.width - inset;
  const bottom = r.y + r.height - inset;
  if (x < left || x > right || y < top || y > bottom) return false;
  const radius = Math.max(0, r.radius - inset);
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function paintRect(canvas: Canvas, r: RectShape, scale: number): void {
  const fill = r.fill ? canvas.colour(r.fill) : undefined;
  const stroke = r.stroke ? canvas.colour(r.stroke) : undefined;
  const band = Math.max((r.strokeWidth ?? 1) * scale, 1) / scale;
  const x0 = Math.floor(r.x * scale);
  const y0 = Math.floor(r.y * scale);
  const x1 = Math.ceil((r.x + r.width) * scale);
  const y1 = Math.ceil((r.y + r.height) * scale);
  for (let py = y0; py <= y1; py += 1) {
    for (let px = x0; px <= x1; px += 1) {
      const x = (px + 0.5) / scale;
      const y = (py + 0.5) / scale;
      if (!insideRoundedRect(x, y, r, 0)) continue;
      if (stroke !== undefined && !insideRoundedRect(x, y, r, band)) canvas.set(px, py, stroke);
      else if (fill !== undefined) canvas.set(px, py, fill);
    }
  }
}

function flatten(line: LineShape): (readonly [number, number])[] {
  const [first] = line.points;
  const last = line.points[line.points.length - 1];
  if (!line.control || !first || !last) return [...line.points];
  const points: [number, number][] = [];
  for (let i = 0; i <= 24; i += 1) {
    const t = i / 24;
    const u = 1 - t;
    points.push([
      u * u * first[0] + 2 * u * t * line.control[0] + t * t * last[0],
      u * u * first[1] + 2 * u * t * line.control[1] + t * t * last[1],
    ]);
  }
  return points;
}

function paintLine(canvas: Canvas, line: LineShape, scale: number): void {
  const colour = canvas.colour(line.stroke);
  const half = Math.max(line.strokeWidth * scale, 1) / 2;
  const points = flatten(line);
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) * scale * 2) + 1;
    for (let s = 0; s <= steps; s += 1) {
      const x = (a[0] + ((b[0] - a[0]) * s) / steps) * scale;
      const y = (a[1] + ((b[1] - a[1]) * s) / steps) * scale;
      for (let dy = -Math.floor(half); dy <= Math.floor(half); dy += 1) {
        for (let dx = -Math.floor(half); dx <= Math.floor(half); dx += 1) {
          canvas.set(Math.round(x + dx), Math.round(y + dy), colour);
        }
      }
    }
  }
}

function paintText(canvas: Canvas, text: TextShape, scale: number): void {
  const width = textWidth(text.text, text.size, text.bold);
  const start =
    text.anchor === 'middle' ? text.x - width / 2 : text.anchor === 'end' ? text.x - width : text.x;
  const colour = canvas.colour(text.bold ? '#9aa5b1' : '#cbd2d9');
  const top = Math.round((text.y - text.size * 0.55) * scale);
  const bottom = Math.round(text.y * scale);
  for (let y = top; y < bottom; y += 1) {
    for (let x = Math.round(start * scale); x < Math.round((start + width) * scale); x += 1) {
      canvas.set(x, y, colour);
    }
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  /** Writes `length` bits of `value`, least significant first (deflate's bit order). */
  bits(value: number, length: number): void {
    for (let i = 0; i < length; i += 1) {
      this.current |= ((value >>> i) & 1) << this.count;
      this.count += 1;
      if (this.count === 8) this.flush();
    }
  }

  /** Writes a Huffman code, most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i -= 1) this.bits((value >>> i) & 1, 1);
  }

  flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.count = 0;
  }

  finish(): Uint8Array {
    if (this.count > 0) this.flush();
    return Uint8Array.from(this.bytes);
  }
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];

function fixedSymbol(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

/** zlib stream of `data`: one fixed-Huffman block of literals and runs at distance 1. */
export function zlibCompress(data: Uint8Array): Uint8Array {
  const out = new BitWriter();
  out.bits(1, 1); // final block
  out.bits(1, 2); // fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    let run = 0;
    if (i > 0) {
      while (run < 258 && i + run < data.length && data[i + run] === data[i - 1]) run += 1;
    }
    if (run >= 3) {
      let code = LENGTH_BASE.length - 1;
      while ((LENGTH_BASE[code] ?? 0) > run) code -= 1;
      fixedSymbol(out, 257 + code);
      out.bits(run - (LENGTH_BASE[code] ?? 0), LENGTH_EXTRA[code] ?? 0);
      out.code(0, 5); // distance code 0: distance 1
      i += run;
    } else {
      fixedSymbol(out, data[i] ?? 0);
      i += 1;
    }
  }
  fixedSymbol(out, 256);
  const deflated = out.finish();
  const result = new Uint8Array(deflated.length + 6);
  result.set([0x78, 0x01]);
  result.set(deflated, 2);
  const check = adler32(data);
  result.set(
    [check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff],
    result.length - 4,
  );
  return result;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  body.set([...type].map((ch) => ch.charCodeAt(0)));
  body.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

/** A PNG of `drawing` at `scale` pixels per point (text greeked, no anti-aliasing). */
export function drawingToPng(drawing: Drawing, scale = 2): Uint8Array {
  const canvas = new Canvas(Math.ceil(drawing.width * scale), Math.ceil(drawing.height * scale));
  const paint = (shape: Shape): void => {
    if (shape.type === 'rect') paintRect(canvas, shape, scale);
    else if (shape.type === 'line') paintLine(canvas, shape, scale);
    else if (shape.type === 'text') paintText(canvas, shape, scale);
    else shape.shapes.forEach(paint);
  };
  drawing.shapes.forEach(paint);
  const raw = new Uint8Array((canvas.width + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y += 1) {
    raw.set(
      canvas.pixels.subarray(y * canvas.width, (y + 1) * canvas.width),
      y * (canvas.width + 1) + 1,
    );
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, canvas.width);
  view.setUint32(4, canvas.height);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indexed colour, deflate, no filter, no interlace
  const palette = Uint8Array.from(
    canvas.palette.flatMap((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))),
  );
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', zlibCompress(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
