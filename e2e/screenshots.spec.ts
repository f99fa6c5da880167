// The three-region template at 1280×800 in both themes: the whole topology fits the canvas,
// and a screenshot is written to test-results/screenshots/ to look at.
import { expect, test } from '@playwright/test';
import { PlannerPage } from './pages/planner-page';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the three-region template fits the canvas in the ${colorScheme} theme`, async ({
    page,
  }) => {
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
    expect(planner.errors).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/three-regions-${colorScheme}.png` });
  });
}
