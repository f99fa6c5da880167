// The contingency plan in the app: open the three-region template, preview its plan, export the
// PDF (a download in the browser) and read it back: a PDF of eight pages or more whose BIA
// holds the same figures as `nines plan`.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { priceBookSchema } from '../shared/catalog/price-book';
import { evaluate } from '../shared/engine';
import type { NinesDocument } from '../shared/model/types';
import { formatDuration, formatUsd } from '../shared/text';
import { PlannerPage } from './pages/planner-page';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

test('the plan of the three-region template previews and exports as a PDF of 8+ pages', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-3-regions');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('article', { name: 'Plan preview' });
  for (const chapter of [
    '4  Business impact analysis',
    '7  Recovery',
    'Appendix I. Glossary and acronyms',
  ]) {
    await expect(preview.getByRole('heading', { name: chapter, exact: true })).toBeVisible();
  }
  await expect(
    preview.getByRole('img', { name: /Topology of Active-Active, 3 regions/ }),
  ).toBeVisible();

  // Kept for a person to look at.
  await page.screenshot({ path: 'test-results/plan/plan-dialog.png' });

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(
    'checkout-active-active-three-regions-aa3-contingency-plan.pdf',
  );
  const bytes = new Uint8Array(readFileSync((await file.path()) as string));
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const pdf = await getDocument({ data: bytes, standardFontDataUrl, disableFontFace: true })
    .promise;
  expect(pdf.numPages).toBeGreaterThanOrEqual(8);
  let text = '';
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  text = text.replace(/\s+/g, ' ');
  // The app's figures are the engine's, as in `nines plan` (cli/plan.test.ts parses them back).
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const model = JSON.parse(
    read('../assets/templates/active-active-3-regions.nines.json'),
  ) as NinesDocument;
  const priceBook = priceBookSchema.parse(JSON.parse(read('../assets/pricing/pricebook.json')));
  const evaluation = evaluate(model, 'aa3', { priceBook }).variants[0];
  expect(text).toContain(
    `${formatUsd(evaluation?.cost?.expectedDowntimeCostPerYear ?? NaN)} a year`.replace(
      /\s+/g,
      ' ',
    ),
  );
  for (const s of evaluation?.scenarios ?? []) {
    expect(text).toContain(
      `achieved RTO in the model is ${formatDuration(s.rtoSeconds)}`.replace(/\s+/g, ' '),
    );
  }
  await expect(dialog.getByRole('status')).toContainText('Exported');
  expect(planner.errors).toEqual([]);
});

test('Ctrl+E (File → Export… on the desktop) opens the plan, Escape closes it', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toHaveCount(0);
  await planner.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  expect(planner.errors).toEqual([]);
});
