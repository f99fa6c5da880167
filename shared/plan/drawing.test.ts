// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { escapeXml, fitText, textWidth, toSvg, type Drawing } from './drawing';

/** Parses SVG strictly (XML), failing on any well-formedness error. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG is not well-formed: ${error.textContent ?? ''}`);
  return doc;
}

describe('toSvg', () => {
  const drawing: Drawing = {
    width: 200,
    height: 100,
    title: 'A <test> & "drawing"',
    shapes: [
      {
        type: 'rect',
        x: 1,
        y: 2,
        width: 50,
        height: 20,
        radius: 3,
        fill: '#ffffff',
        stroke: '#000000',
        dash: [3, 2],
      },
      {
        type: 'text',
        x: 5,
        y: 15,
        text: `R&D <eu-west> "quoted" 'single' \u0001`,
        size: 8,
        bold: true,
        color: '#111111',
        anchor: 'start',
      },
      {
        type: 'line',
        points: [
          [0, 0],
          [100, 50],
        ],
        stroke: '#333333',
        strokeWidth: 1,
        arrow: true,
      },
      {
        type: 'line',
        points: [
          [0, 90],
          [150, 90],
        ],
        control: [75, 40],
        stroke: '#6d28d9',
        strokeWidth: 1,
        dash: [4, 2],
      },
      {
        type: 'group',
        id: 'node-a&b',
        title: 'A & B',
        shapes: [{ type: 'rect', x: 0, y: 0, width: 1, height: 1, radius: 0 }],
      },
    ],
  };

  it('writes well-formed SVG whose text reads back exactly', () => {
    const doc = parseSvg(toSvg(drawing));
    const svg = doc.documentElement;
    expect(svg.getAttribute('viewBox')).toBe('0 0 200 100');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('A <test> & "drawing"');
    expect(doc.getElementsByTagName('text')[0]?.textContent).toBe(
      `R&D <eu-west> "quoted" 'single' `,
    );
    expect(doc.getElementsByTagName('g')[0]?.getAttribute('id')).toBe('node-a&b');
  });

  it('draws dash patterns, rounded corners, arrowheads and curves', () => {
    const doc = parseSvg(toSvg(drawing));
    const rect = doc.getElementsByTagName('rect')[0];
    expect(rect?.getAttribute('rx')).toBe('3');
    expect(rect?.getAttribute('stroke-dasharray')).toBe('3 2');
    const paths = [...doc.getElementsByTagName('path')].map((p) => p.getAttribute('d') ?? '');
    // The straight line, its filled arrowhead (a closed triangle ending at the tip), the curve.
    expect(paths).toHaveLength(3);
    expect(paths[1]).toMatch(/^M100 50 L.* Z$/);
    expect(paths[2]).toMatch(/^M0 90 Q75 40 /);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u000b`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('fitText', () => {
  it('keeps text that fits and shortens text that does not, with an ellipsis', () => {
    expect(fitText('Route 53', 100, 8)).toBe('Route 53');
    const short = fitText('Redis Enterprise Active-Active', 50, 8);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 8)).toBeLessThanOrEqual(50);
    expect('Redis Enterprise Active-Active'.startsWith(short.slice(0, -1))).toBe(true);
  });
});
