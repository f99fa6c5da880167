import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import { templateSamplePlans } from '../../testing/pdf-render';
import { toSvg } from '../drawing';
import { installFastSvgSize } from './svg-size';
import { writePdf } from './write-pdf';

const require = createRequire(import.meta.url);
const fromPdfmake = createRequire(require.resolve('pdfmake'));
// The XML parser pdfmake sizes an SVG with, and its SVGMeasure.
const { XmlDocument } = fromPdfmake('xmldoc') as {
  XmlDocument: new (xml: string) => { attr: Record<string, string>; toString(): string };
};
interface SvgMeasureLike {
  measureSVG(svg: string): { width?: number; height?: number };
  writeDimensions(svg: string, size: { width: number; height: number }): string;
}
const SvgMeasure = (
  require('pdfmake/js/SVGMeasure') as {
    default: { new (): SvgMeasureLike; prototype: SvgMeasureLike };
  }
).default;

const plans = templateSamplePlans();
const figures = plans.flatMap(({ name, plan }) =>
  plan.blocks.flatMap((block) =>
    block.kind === 'figure' ? [{ name, svg: toSvg(block.drawing), drawing: block.drawing }] : [],
  ),
);

/** What pdfmake's own writeDimensions returns: the SVG parsed, resized and written by xmldoc. */
function xmldocResized(svg: string, width: number, height: number): string {
  const doc = new XmlDocument(svg);
  doc.attr.width = `${width}`;
  doc.attr.height = `${height}`;
  return doc.toString();
}

describe('installFastSvgSize', () => {
  installFastSvgSize(SvgMeasure.prototype);
  const measure = new SvgMeasure();

  it("reads and sets every template figure's size as pdfmake does", () => {
    expect(figures.length).toBeGreaterThanOrEqual(plans.length);
    for (const { name, svg, drawing } of figures) {
      const root = new XmlDocument(svg);
      expect(measure.measureSVG(svg), name).toEqual({
        width: parseFloat(root.attr.width ?? ''),
        height: parseFloat(root.attr.height ?? ''),
      });
      for (const [width, height] of [
        [drawing.width, drawing.height],
        [468, 300.25],
      ] as const) {
        const resized = measure.writeDimensions(svg, { width, height });
        // The same XML as pdfmake's, and the figure's text as it was written past the root tag.
        expect(new XmlDocument(resized).toString(), name).toBe(xmldocResized(svg, width, height));
        expect(resized.slice(resized.indexOf('>'))).toBe(svg.slice(svg.indexOf('>')));
      }
    }
  });

  it('leaves any other SVG to pdfmake', () => {
    const others = [
      "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10' viewBox='0 0 20 10'/>",
      '<svg width="20" height="10"><rect width="1" height="1"/></svg>',
      '<svg viewBox="0 0 20 10"><rect width="1" height="1"/></svg>',
    ];
    for (const svg of others) {
      const root = new XmlDocument(svg);
      const viewBox = (root.attr.viewBox ?? '').split(' ').map(Number);
      expect(measure.measureSVG(svg), svg).toEqual({
        width: parseFloat(root.attr.width ?? '') || viewBox[2],
        height: parseFloat(root.attr.height ?? '') || viewBox[3],
      });
      // pdfmake's xmldoc pass, which adds a missing viewBox.
      expect(measure.writeDimensions(svg, { width: 40, height: 20 })).toMatch(/viewBox="0 0 /);
    }
  });

  it("leaves the PDF of every template's plan the same byte for byte", async () => {
    const proto = SvgMeasure.prototype;
    const fast = { measureSVG: proto.measureSVG, writeDimensions: proto.writeDimensions };
    for (const { name, plan } of plans) {
      const after = await writePdf(plan, nodePdfMake());
      // pdfmake's own sizing, for this plan only.
      proto.measureSVG = function measureSVG(svg: string) {
        const root = new XmlDocument(svg);
        return {
          width: parseFloat(root.attr.width ?? ''),
          height: parseFloat(root.attr.height ?? ''),
        };
      };
      proto.writeDimensions = (svg: string, { width, height }: { width: number; height: number }) =>
        xmldocResized(svg, width, height);
      try {
        const before = await writePdf(plan, nodePdfMake());
        expect(Buffer.from(after).equals(Buffer.from(before)), name).toBe(true);
      } finally {
        Object.assign(proto, fast);
      }
    }
  }, 300_000);
});
