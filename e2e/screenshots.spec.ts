// The three-region template at 1280 × 800 and 1920 × 1080 in both themes: the whole topology
// fits the canvas, and a screenshot of each is written to test-results/screenshots/ to look at.
// With NINES_README_IMAGES=1 the spec also writes the README's images in docs/ (screenshot.png,
// compare.png, scenario.png) from the same states: `npm run build:web &&
// NINES_README_IMAGES=1 npx playwright test e2e/screenshots.spec.ts`.
import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './pages/planner-page';

const README_IMAGES = process.env.NINES_README_IMAGES === '1';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Writes a screenshot to test-results/screenshots/, and to docs/ when README images are asked. */
async function shoot(page: Page, name: string, readmeName?: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  if (README_IMAGES && readmeName) await page.screenshot({ path: `docs/${readmeName}.png` });
}

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the three-region template fits the canvas at ${size.width} × ${size.height} in the ${colorScheme} theme`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      const planner = new PlannerPage(page);
      await planner.openTemplate('active-active-3-regions');
      await expect(planner.nodesOfKind('region')).toHaveCount(3);
      // The view is fitted once React Flow has measured the nodes, a frame or more after they
      // appear: wait for the fit rather than read the boxes of the first paint.
      await expect(async () => {
        const canvas = await planner.canvas.boundingBox();
        if (!canvas) throw new Error('no canvas');
        for (const region of await planner.nodesOfKind('region').all()) {
          const box = await region.boundingBox();
          if (!box) throw new Error('region not laid out');
          expect(box.x).toBeGreaterThanOrEqual(canvas.x);
          expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
          expect(box.y).toBeGreaterThanOrEqual(canvas.y);
          expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
        }
      }).toPass();
      await planner.node('app-use1').click();
      await expect(planner.inspector.getByTestId('inspector-name')).toHaveText('Checkout API');
      await expect(page.getByTestId('findings-summary')).toHaveText(/^\d+$/);
      expect(planner.errors).toEqual([]);
      const isReadme = size.width === 1280 && colorScheme === 'light';
      await shoot(
        page,
        `three-regions-${colorScheme}-${size.width}`,
        isReadme ? 'screenshot' : undefined,
      );
    });
  }
}

test('the comparison of the HA options, for the README', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('ha-options');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('[data-testid^="compare-row-"]')).toHaveCount(5);
  expect(planner.errors).toEqual([]);
  await shoot(page, 'compare-readme-light', 'compare');
});

test('a region outage of the pilot light in scenario mode, for the README', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('pilot-light-2-regions');
  // The inspector collapsed to its header, so the scenario's panel has the column.
  await page.getByRole('button', { name: 'Inspector' }).click();
  await page.getByTestId('scenario-row-region-outage').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  await expect(page.getByTestId('scenario-rto')).toBeVisible();
  expect(planner.errors).toEqual([]);
  await shoot(page, 'scenario-readme-light', 'scenario');
});
