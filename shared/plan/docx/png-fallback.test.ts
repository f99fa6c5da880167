import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Drawing } from '../drawing';
import { drawingToPng, zlibCompress } from './png-fallback';

/** The chunks of a PNG, in order. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('zlibCompress', () => {
  it('gives a stream zlib inflates back to the input', () => {
    const input = new Uint8Array(5000);
    for (let i = 0; i < input.length; i += 1)
      input[i] = i % 700 === 0 ? (i * 31) & 0xff : i < 3000 ? 0 : 9;
    const packed = zlibCompress(input);
    expect(new Uint8Array(inflateSync(packed))).toEqual(input);
    // Runs compress: far smaller than the input.
    expect(packed.length).toBeLessThan(input.length / 20);
  });
});

describe('drawingToPng', () => {
  const drawing: Drawing = {
    width: 40,
    height: 20,
    title: 't',
    shapes: [
      {
        type: 'rect',
        x: 2,
        y: 2,
        width: 30,
        height: 12,
        radius: 2,
        fill: '#eeeeee',
        stroke: '#000000',
        strokeWidth: 1,
      },
      {
        type: 'line',
        points: [
          [0, 19],
          [39, 19],
        ],
        stroke: '#ff0000',
        strokeWidth: 1,
      },
    ],
  };

  it('writes an indexed PNG whose pixels show the shapes', () => {
    const png = drawingToPng(drawing, 1);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const header = new DataView(
      parts[0]?.data.buffer ?? new ArrayBuffer(0),
      parts[0]?.data.byteOffset,
    );
    const [width, height] = [header.getUint32(0), header.getUint32(4)];
    expect([width, height]).toEqual([40, 20]);
    const palette = parts[1]?.data ?? new Uint8Array();
    const colour = (index: number) =>
      `#${[...palette.subarray(index * 3, index * 3 + 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const raw = new Uint8Array(inflateSync(parts[2]?.data ?? new Uint8Array()));
    expect(raw.length).toBe((width + 1) * height);
    const pixel = (x: number, y: number) => colour(raw[y * (width + 1) + 1 + x] ?? -1);
    expect(pixel(0, 0)).toBe('#ffffff');
    expect(pixel(2, 8)).toBe('#000000');
    expect(pixel(15, 8)).toBe('#eeeeee');
    expect(pixel(20, 19)).toBe('#ff0000');
  });
});
