// Issue 21: on the canvas, edges go around the cards. On the three-region template, no point of
// any rendered edge path lies inside a card's box as the browser lays it out (a card's DOM box,
// shrunk by a pixel so that an edge ending on its border does not count). A large design is
// routed in a worker: the window answers while its routes are on their way.
import { expect, test } from '@playwright/test';
import { generatedModel } from '../shared/testing/generated-model';
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

test('a large design opens and answers at once; its routes arrive from a worker', async ({
  page,
}) => {
  const doc = generatedModel(40);
  const edgeCount = doc.variants[0]?.edges.length ?? 0;
  expect(doc.variants[0]?.nodes.length).toBeGreaterThan(300);
  // The routing worker's script is held back until the window has answered a click, so the
  // routes cannot arrive first however fast the machine is.
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/routes.worker*', async (route) => {
    await answered;
    await route.continue();
  });
  const planner = new PlannerPage(page);
  await planner.openDocument(doc, test.info().outputPath('large.nines.json'));
  await expect(planner.edges).toHaveCount(edgeCount);
  await expect(planner.canvas).toHaveAttribute('data-routing', 'pending');

  const snap = page.getByRole('button', { name: 'Snap to grid' });
  const wasPressed = await snap.getAttribute('aria-pressed');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', wasPressed === 'true' ? 'false' : 'true');
  await expect(planner.canvas).toHaveAttribute('data-routing', 'pending');
  const pathsOf = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].map(
        (p) => `${p.closest<SVGGElement>('.react-flow__edge')?.dataset.id} ${p.getAttribute('d')}`,
      ),
    );
  const unrouted = new Set(await pathsOf());
  await page.screenshot({ path: 'test-results/screenshots/large-design-routing-pending.png' });

  release();
  // Routing 364 nodes from nothing takes about 2.5 s of one core; beside the results and advice
  // workers on a loaded 2-core machine it took 27 s, so this state may take longer than most.
  await expect(planner.canvas).toHaveAttribute('data-routing', 'done', { timeout: 120_000 });
  // The routes replace the provisional paths: most edges are drawn along another path now.
  const routed = await pathsOf();
  expect(routed).toHaveLength(edgeCount);
  const changed = routed.filter((p) => !unrouted.has(p)).length;
  expect(changed).toBeGreaterThan(edgeCount / 2);
  await page.screenshot({ path: 'test-results/screenshots/large-design-routed.png' });
  expect(planner.errors).toEqual([]);
});
