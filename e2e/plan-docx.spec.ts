// The plan's DOCX exported from the app: the topology's PNG fallback (what LibreOffice and older
// Word show) is drawn by the browser's canvas with its labels as text, not as the grey bars of
// the pure TypeScript painter: dark glyph pixels where each card's name is.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { NinesDocument } from '../shared/model/types';
import { topologyFigure } from '../shared/plan/diagram';
import { textWidth, type Shape, type TextShape } from '../shared/plan/drawing';
import { PlannerPage } from './pages/planner-page';

/** The bold texts of the drawing (the cards' names and the regions'), with their boxes. */
function titles(shapes: readonly Shape[]): TextShape[] {
  return shapes.flatMap((s) =>
    s.type === 'text' ? (s.bold ? [s] : []) : s.type === 'group' ? titles(s.shapes) : [],
  );
}

test('the DOCX topology fallback drawn in the app shows its labels as text', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-3-regions');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export DOCX' }).click();
  const file = await download;
  const files = unzipSync(new Uint8Array(readFileSync((await file.path()) as string)));
  const png = Object.entries(files).find(([path]) => /^word\/media\/.*\.png$/.test(path))?.[1];
  expect(png).toBeDefined();

  const model = JSON.parse(
    readFileSync(
      new URL('../assets/templates/active-active-3-regions.nines.json', import.meta.url),
      'utf8',
    ),
  ) as NinesDocument;
  const variant = model.variants[0];
  if (!variant) throw new Error('the template has no variant');
  const drawing = topologyFigure(variant, { id: 'f', caption: 'Figure 1. T' }).drawing;
  const boxes = titles(drawing.shapes).map((t) => ({
    text: t.text,
    x: t.x,
    y: t.y - t.size * 0.8,
    width: textWidth(t.text, t.size, true),
    height: t.size * 0.8,
  }));
  expect(boxes.length).toBeGreaterThan(8);
  // Pixels darker than any grey bar of the fallback painter, in each name's box.
  const dark = await page.evaluate(
    async ({ bytes, boxes, width }) => {
      const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const scale = image.width / width;
      return boxes.map((b) => {
        const data = context.getImageData(
          Math.floor(b.x * scale),
          Math.floor(b.y * scale),
          Math.ceil(b.width * scale),
          Math.ceil(b.height * scale),
        ).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const luminance =
            0.299 * (data[i] ?? 255) + 0.587 * (data[i + 1] ?? 255) + 0.114 * (data[i + 2] ?? 255);
          if (luminance < 110) count += 1;
        }
        return count;
      });
    },
    { bytes: [...(png ?? [])], boxes, width: drawing.width },
  );
  boxes.forEach((b, i) => expect(dark[i], b.text).toBeGreaterThan(b.text.length * 4));
  expect(planner.errors).toEqual([]);
});
