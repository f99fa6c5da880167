import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../shared/model/types';
import { topologyFigure } from '../shared/plan/diagram';
import type { PlanDocument } from '../shared/plan/document';
import { textWidth, type Shape, type TextShape } from '../shared/plan/drawing';
import { samplePlan } from '../shared/plan/sample-plan';
import {
  PLAN_FORMATS,
  renderPlan,
  resvgPng,
  resvgRender,
  startPdfWriter,
  writePlanFile,
} from './plan-io';

const dir = mkdtempSync(join(tmpdir(), 'nines-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = JSON.parse(
  readFileSync(
    new URL('../assets/templates/single-region-3az.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;
const doc = samplePlan(model, '1 December 2026');

describe('writePlanFile', () => {
  it.each(PLAN_FORMATS)('writes a %s file', async (format) => {
    const path = join(dir, `plan.${format}`);
    await writePlanFile(doc, format, path);
    const bytes = readFileSync(path);
    const magic = { pdf: '%PDF-', docx: 'PK\u0003\u0004', md: `# ${model.name}` }[format];
    expect(bytes.subarray(0, Buffer.byteLength(magic)).toString('latin1')).toBe(
      Buffer.from(magic).toString('latin1'),
    );
  });

  it('writes the same PDF twice (no clock, no randomness in the output)', async () => {
    await writePlanFile(doc, 'pdf', join(dir, 'a.pdf'));
    await writePlanFile(doc, 'pdf', join(dir, 'b.pdf'));
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
  });
});

describe('renderPlan', () => {
  it.each(PLAN_FORMATS)('writes a %s plan of empty blocks', async (format) => {
    const empty: PlanDocument = {
      meta: { title: 'Empty', version: '0', date: 'never' },
      blocks: [
        { kind: 'table', columns: [{ header: 'Only a header' }], rows: [] },
        { kind: 'list', ordered: true, items: [] },
        { kind: 'keyValue', rows: [] },
        { kind: 'paragraph', runs: [] },
      ],
    };
    const bytes = await renderPlan(empty, format);
    expect(bytes.length).toBeGreaterThan(0);
  });
});

describe('the PDF writer thread (startPdfWriter)', () => {
  const launcher = new URL('./bin/nines.cjs', import.meta.url).pathname;

  it('writes the bytes this thread writes, and a failure as an error', async () => {
    const writer = startPdfWriter(launcher);
    try {
      const [threaded, here] = await Promise.all([writer.write(doc), renderPlan(doc, 'pdf')]);
      expect(Buffer.from(threaded).equals(Buffer.from(here))).toBe(true);
      const twice = { ...doc, blocks: [...doc.blocks, ...doc.blocks] };
      await expect(writer.write(twice)).rejects.toThrow(/is used twice/);
      // The thread goes on after a failed plan.
      expect(Buffer.from(await writer.write(doc)).equals(Buffer.from(here))).toBe(true);
    } finally {
      writer.close();
    }
  });
});

describe('the DOCX figure fallback (resvgPng)', () => {
  const variant = model.variants[0];
  if (!variant) throw new Error('no variant');
  const drawing = topologyFigure(variant, { id: 'f', caption: 'Figure 1. T' }).drawing;
  const withoutText = (shapes: readonly Shape[]): Shape[] =>
    shapes.flatMap((s): Shape[] =>
      s.type === 'text' ? [] : s.type === 'group' ? [{ ...s, shapes: withoutText(s.shapes) }] : [s],
    );
  const titles = (shapes: readonly Shape[]): TextShape[] =>
    shapes.flatMap((s) =>
      s.type === 'text' ? (s.bold ? [s] : []) : s.type === 'group' ? titles(s.shapes) : [],
    );

  it('draws the labels as text: dark glyph pixels where each name is, none without the text', () => {
    // `pixels` copies the image out of resvg at each read: read once.
    const image = (d: typeof drawing) => {
      const rendered = resvgRender(d);
      return { width: rendered.width, pixels: rendered.pixels };
    };
    const labelled = image(drawing);
    const bare = image({ ...drawing, shapes: withoutText(drawing.shapes) });
    const scale = labelled.width / drawing.width;
    expect(scale).toBeCloseTo(2, 1);
    /** Pixels darker than the lightest text colour (the greeked painter's bars are lighter). */
    const dark = (image: typeof labelled, t: TextShape) => {
      let count = 0;
      const x0 = Math.floor(t.x * scale);
      const x1 = Math.ceil((t.x + textWidth(t.text, t.size, true)) * scale);
      for (let y = Math.floor((t.y - t.size * 0.8) * scale); y < Math.ceil(t.y * scale); y += 1) {
        for (let x = x0; x < x1; x += 1) {
          const i = (y * image.width + x) * 4;
          const [r = 255, g = 255, b = 255] = image.pixels.subarray(i, i + 3);
          if (0.299 * r + 0.587 * g + 0.114 * b < 110) count += 1;
        }
      }
      return count;
    };
    const names = titles(drawing.shapes);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const t of names) {
      expect(dark(labelled, t), t.text).toBeGreaterThan(t.text.length * 4);
      expect(dark(bare, t), t.text).toBe(0);
    }
  });

  it('is the picture the DOCX embeds beside the SVG', async () => {
    const files = unzipSync(await renderPlan(doc, 'docx'));
    const png = Object.entries(files).find(([path]) => /^word\/media\/.*\.png$/.test(path))?.[1];
    const figure = doc.blocks.find((b) => b.kind === 'figure');
    expect(figure?.kind).toBe('figure');
    if (figure?.kind !== 'figure') return;
    expect(Buffer.from(png ?? []).equals(Buffer.from(resvgPng(figure.drawing)))).toBe(true);
  });
});
