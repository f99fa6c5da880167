import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSwapped, templateSamplePlans } from '../../testing/pdf-render';
import { toPdfDefinition, type PdfDefinition } from './pdf-definition';
import { installPlainVectorWriting } from './plain-vectors';

const require = createRequire(import.meta.url);
type RenderVector = (...args: unknown[]) => void;
const renderer = (
  require('pdfmake/js/Renderer') as { default: { prototype: { renderVector: RenderVector } } }
).default.prototype;
// pdfmake's own pdfkit, whose addContent every operator goes through.
const pdfkit = createRequire(require.resolve('pdfmake'))('pdfkit') as {
  prototype: { addContent: (...args: unknown[]) => unknown };
};

const stock = renderer.renderVector;
installPlainVectorWriting(renderer);
const writing = renderer.renderVector;
afterAll(() => {
  renderer.renderVector = writing;
});

/** The PDF of `definition()` drawn with `renderVector`, and how many pdfkit `addContent` calls. */
const render = (definition: () => PdfDefinition, renderVector: RenderVector) =>
  renderSwapped(
    definition,
    { target: renderer, method: 'renderVector', with: renderVector },
    { target: pdfkit.prototype, method: 'addContent' },
  );

const plans = templateSamplePlans();

describe('installPlainVectorWriting', () => {
  it("writes the PDF of every template's plan byte for byte as pdfkit does", async () => {
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const { name, plan } of plans) {
      const definition = () => toPdfDefinition(plan);
      const before = await render(definition, stock);
      const after = await render(definition, writing);
      expect(after.bytes.equals(before.bytes), name).toBe(true);
      // The table rules are written here, each in one call.
      expect(after.calls, name).toBeLessThan(before.calls);
    }
  }, 300_000);

  it('writes vectors of every kind byte for byte as pdfkit does', async () => {
    const definition = () =>
      ({
        info: { title: 't', creationDate: new Date(0), modDate: new Date(0) },
        content: [
          {
            canvas: [
              { type: 'rect', x: 1, y: 2, w: 30.123456789, h: 10, color: '#a3c' },
              { type: 'rect', x: 1, y: 20, w: 30, h: 10, r: 3, color: 'red', lineColor: 'blue' },
              { type: 'rect', x: 40, y: 2, w: 30, h: 10, lineColor: '#102030', fillOpacity: 0.4 },
              { type: 'rect', x: 40, y: 20, w: 30, h: 10, color: 'gray', fillOpacity: 0.4 },
              { type: 'rect', x: 40, y: 40, w: 30, h: 10, linearGradient: ['red', 'blue'] },
              { type: 'rect', x: 80, y: 2, w: 30, h: 10, color: [10, 200, 30] },
              { type: 'rect', x: 80, y: 20, w: 30, h: 10, color: 'nocolour' },
              { type: 'line', x1: 0, y1: 60, x2: 100.5, y2: 60, lineWidth: 0.5 },
              { type: 'line', x1: 0, y1: 64, x2: 100, y2: 64, dash: { length: 2 } },
              { type: 'line', x1: 0, y1: 68, x2: 100, y2: 68, lineCap: 'round', lineJoin: 'bevel' },
              {
                type: 'line',
                x1: 0,
                y1: 72,
                x2: 100,
                y2: 72,
                strokeOpacity: 0.3,
                lineColor: 'red',
              },
              { type: 'polyline', points: [], lineColor: 'green' },
              {
                type: 'polyline',
                points: [
                  { x: 0, y: 80 },
                  { x: 20, y: 90 },
                  { x: 0, y: 80 },
                ],
                color: '#eeeeee',
              },
              {
                type: 'polyline',
                closePath: true,
                points: [
                  { x: 30, y: 80 },
                  { x: 50, y: 90 },
                  { x: 60, y: 80 },
                ],
                lineColor: 'black',
                color: '#cccccc',
              },
              { type: 'ellipse', x: 150, y: 50, r1: 20, r2: 10, color: 'red' },
              { type: 'path', d: 'M 0 100 L 50 120', lineColor: 'blue' },
            ],
          },
          {
            table: {
              body: [
                [{ text: 'a', fillColor: '#eef4fb', fillOpacity: 0.7 }, 'b'],
                ['c', { text: 'd', fillColor: 'yellow' }],
              ],
            },
            layout: { hLineColor: () => '#616e7c', vLineWidth: () => 0.25 },
          },
        ],
      }) as unknown as PdfDefinition;
    const before = await render(definition, stock);
    const after = await render(definition, writing);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.calls).toBeLessThan(before.calls);
  }, 60_000);
});
