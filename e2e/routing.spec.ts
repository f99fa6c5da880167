// Issue 21: on the canvas, edges go around the cards. On the three-region template, no point of
// any rendered edge path lies inside a card's box as the browser lays it out (a card's DOM box,
// shrunk by a pixel so that an edge ending on its border does not count).
import { expect, test } from '@playwright/test';
import { PlannerPage } from './pages/planner-page';

test('on the three-region template no rendered edge crosses a card', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-3-regions');
  await planner.waitForFittedView();
  await expect(planner.edges).toHaveCount(15);
  const found = await page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => !/react-flow__node-(region|zone)\b/.test(n.className))
      .map((n) => ({ id: n.dataset.id ?? '', box: n.getBoundingClientRect() }));
    const paths = [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
    const crossings: string[] = [];
    for (const path of paths) {
      const edge = path.closest<SVGGElement>('.react-flow__edge')?.dataset.id ?? '?';
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const p = new DOMPoint(
          path.getPointAtLength(at).x,
          path.getPointAtLength(at).y,
        ).matrixTransform(matrix);
        for (const { id, box } of cards) {
          if (
            p.x > box.left + 1 &&
            p.x < box.right - 1 &&
            p.y > box.top + 1 &&
            p.y < box.bottom - 1
          ) {
            crossings.push(`${edge} crosses ${id}`);
          }
        }
      }
    }
    return { paths: paths.length, cards: cards.length, crossings: [...new Set(crossings)] };
  });
  expect(found.paths).toBe(15);
  expect(found.cards).toBeGreaterThan(10);
  expect(found.crossings).toEqual([]);
  expect(planner.errors).toEqual([]);
});
