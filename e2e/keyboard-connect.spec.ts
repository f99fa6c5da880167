// Issue 25: an edge drawn with the keyboard only. The node is found with Ctrl+F, `C` lists the
// nodes it may be joined to, the arrows and Enter choose one: the edge is drawn as one undo step,
// the focus is back on the node and a live region says what was drawn.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { formatAvailability } from '../shared/text';
import { availabilityByCli } from './pages/cli';
import { PlannerPage } from './pages/planner-page';

const TEMPLATE = fileURLToPath(
  new URL('../assets/templates/active-active-2-regions.nines.json', import.meta.url),
);
/** The template's availability target (its `targets.availability`). */
const TARGET = 0.9999;

test('connect two nodes with the keyboard only, then undo it', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const edgesBefore = await planner.edges.count();
  const drawn = planner.canvas.locator('.react-flow__edge[data-id="depends:app-use1>app-euw1"]');
  await expect(drawn).toHaveCount(0);

  // Select the source by name from the keyboard.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('app-use1');
  await page.keyboard.press('Enter');
  await expect(planner.node('app-use1').locator('.plan-card')).toHaveClass(/is-selected/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-search')).toHaveCount(0);
  // The live regions say the selection, and the headline figure as `nines evaluate` has it.
  const said = page.getByTestId('canvas-announcement');
  await expect(said).toHaveText('Selected Checkout API (US East (N. Virginia)), service.');
  // The node's own name for assistive technology: kind, name, place and size.
  await expect(planner.node('app-use1')).toHaveAttribute(
    'aria-label',
    /^Service Checkout API \(US East \(N\. Virginia\)\), \d+\sinstances, \d+ needed$/,
  );
  const cli = availabilityByCli(TEMPLATE);
  expect(cli).toBeGreaterThanOrEqual(TARGET);
  await expect(page.getByTestId('results-announcement')).toHaveText(
    `Availability ${formatAvailability(cli)}, target met.`,
  );

  // C lists the valid targets only: never the node itself, a region or a zone.
  await page.keyboard.press('c');
  const menu = page.getByTestId('connect-menu');
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  const labels = await items.allTextContents();
  expect(labels).toContain('depends on Checkout API (Europe (Ireland))');
  expect(
    labels.some((l) => /US East \(N\. Virginia\)$|USE1-A|Checkout API \(US East/.test(l)),
  ).toBe(false);
  // Escape closes the list and gives the focus back to the node.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(planner.node('app-use1')).toBeFocused();

  // Again, down to the other region's service, Enter.
  await page.keyboard.press('c');
  await expect(items.first()).toBeFocused();
  const index = labels.indexOf('depends on Checkout API (Europe (Ireland))');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(items.nth(index)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(drawn).toHaveCount(1);
  await expect(drawn).toHaveAttribute(
    'aria-label',
    'Checkout API (US East (N. Virginia)) depends on Checkout API (Europe (Ireland))',
  );
  await expect(planner.edges).toHaveCount(edgesBefore + 1);
  await expect(said).toHaveText(
    'Connected: Checkout API (US East (N. Virginia)) depends on Checkout API (Europe (Ireland)).',
  );
  await expect(planner.node('app-use1')).toBeFocused();
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute(
    'title',
    /^Undo connect/,
  );

  // One undo step.
  await page.keyboard.press('Control+z');
  await expect(drawn).toHaveCount(0);
  await expect(planner.edges).toHaveCount(edgesBefore);
  expect(planner.errors).toEqual([]);
});
