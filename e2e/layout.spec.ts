// The window's layout at 1280 × 800: the right column's sections collapse and resize and keep
// their sizes across a reload; no label in the column is cut; the tornado and the histogram open
// in the wide area at the width they need; six variants leave the active tab in view and the
// rest in the overflow menu; the document's name and file name, cut (the file name in the
// middle), are whole in their tooltip.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { PlannerPage } from './pages/planner-page';

const templateDir = new URL('../assets/templates/', import.meta.url);
const TEMPLATES = readdirSync(templateDir)
  .filter((f) => f.endsWith('.nines.json'))
  .map((f) => f.slice(0, -'.nines.json'.length));

/** The elements of the right column that name something; none may be cut. */
const LABELS = [
  'label',
  'dt',
  'h2',
  'h3',
  'summary',
  'button',
  '.metric__label',
  '.field-group__title',
  '.column-section__title',
].join(', ');

/** The labels of the right column wider than their box (shown ones only), with their text. */
function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(`.sidebar :is(${selector})`)) {
      if (element.clientWidth === 0) continue;
      if (element.scrollWidth > element.clientWidth) {
        out.push(
          `"${element.textContent}" needs ${element.scrollWidth} px, has ${element.clientWidth}`,
        );
      }
    }
    return out;
  }, LABELS);
}

test('the sections collapse and resize, and keep their sizes across a reload', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const inspector = page.getByTestId('column-inspector');
  const findings = page.getByTestId('column-findings');
  const height = async (section: typeof inspector) => (await section.boundingBox())?.height ?? 0;
  const before = await height(inspector);

  // Drag the separator below the inspector 120 px down.
  const separator = page.getByRole('separator', { name: 'Resize Inspector and Results' });
  const box = await separator.boundingBox();
  if (!box) throw new Error('no separator');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 120, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => height(inspector)).toBeGreaterThan(before + 100);
  const resized = await height(inspector);

  // Collapse the findings to their header; the results take the room.
  const toggle = page.getByRole('button', { name: 'Findings' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(findings.locator('.column-section__body')).toBeHidden();
  await expect.poll(() => height(findings)).toBeLessThan(40);

  await page.reload();
  await expect(planner.canvas).toBeVisible();
  await expect(page.getByRole('button', { name: 'Findings' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect.poll(() => height(inspector)).toBeCloseTo(resized, 0);

  // Open again, from its header.
  await page.getByRole('button', { name: 'Findings' }).click();
  await expect(page.getByRole('button', { name: 'Findings' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByTestId('findings')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test("scenario mode's panel opens in view, even from the canvas with the results collapsed", async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const panel = page.getByTestId('scenario-panel');
  // A row at the bottom of the scrolled results: the panel appears above, scrolled into view.
  const last = page.locator('[data-testid^="scenario-row-"]').last();
  await last.click();
  await expect(panel).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A what-if asked on the canvas opens the collapsed results to show its panel.
  const results = page.getByRole('button', { name: 'Results' });
  await results.click();
  await expect(results).toHaveAttribute('aria-expanded', 'false');
  await planner.node('use1').click({ button: 'right', position: { x: 30, y: 10 } });
  await page
    .getByTestId('what-if-menu')
    .getByRole('menuitem', { name: /^Region outage/ })
    .click();
  await expect(results).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeInViewport();
  await expect(panel).toContainText('What if: US East (N. Virginia) fails');
  expect(planner.errors).toEqual([]);
});

test('the last open section stays open', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  for (const name of ['Inspector', 'Results']) await page.getByRole('button', { name }).click();
  const findings = page.getByRole('button', { name: 'Findings' });
  await expect(findings).toHaveAttribute('aria-disabled', 'true');
  await findings.click({ force: true }); // a click on it all the same does nothing
  await expect(findings).toBeDisabled();
  await expect(findings).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('findings')).toBeVisible();
  await page.getByRole('button', { name: 'Results' }).click();
  await expect(findings).not.toHaveAttribute('aria-disabled', 'true');
  expect(planner.errors).toEqual([]);
});

test('the separator moves with the keyboard too', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const inspector = page.getByTestId('column-inspector');
  const before = (await inspector.boundingBox())?.height ?? 0;
  await page.getByRole('separator', { name: 'Resize Inspector and Results' }).focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
  await expect
    .poll(async () => (await inspector.boundingBox())?.height ?? 0)
    .toBeGreaterThan(before + 20);
});

test('no label in the right column is cut at 1280 × 800', async ({ page }) => {
  test.slow(); // every node of every template
  const planner = new PlannerPage(page);
  for (const stem of TEMPLATES) {
    await planner.openTemplate(stem);
    expect(await clippedLabels(page), `${stem}: the design`).toEqual([]);
    const ids = await planner.canvas
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
    for (const id of ids) {
      // A click on the node itself, whatever edge or child lies over its middle.
      await planner.node(id).dispatchEvent('click');
      await expect(planner.inspector.getByText(id, { exact: true }).first()).toBeVisible();
      expect(await clippedLabels(page), `${stem}: ${id} selected`).toEqual([]);
    }
  }
  // Scenario mode for each scenario, and the Monte Carlo and sensitivity panels open.
  await planner.openTemplate('warm-standby-2-regions');
  for (const row of await page.locator('[data-testid^="scenario-row-"]').all()) {
    await row.click();
    await expect(page.getByTestId('scenario-panel')).toBeVisible();
    expect(await clippedLabels(page), `${await row.getAttribute('data-testid')}`).toEqual([]);
    await page.keyboard.press('Escape');
  }
  await page.getByTestId('sensitivity').locator('summary').click();
  await expect(page.getByTestId('tornado-chart')).toBeVisible();
  await page.getByTestId('simulation').getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('simulation-histogram')).toBeVisible();
  expect(await clippedLabels(page), 'Monte Carlo and sensitivity').toEqual([]);
  expect(planner.errors).toEqual([]);
});

test('the tornado and the histogram open wide, at the width they need, and come back', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const sensitivity = page.getByTestId('sensitivity');
  await sensitivity.locator('summary').click();
  await expect(sensitivity.getByTestId('tornado-chart')).toBeVisible();
  const inColumn = await sensitivity.getByTestId('tornado-chart').boundingBox();
  await page.getByRole('button', { name: 'Open wide: Sensitivity · improve this first' }).click();

  const wide = page.getByTestId('wide-area');
  const tornado = wide.getByTestId('tornado-chart');
  await expect(tornado).toBeVisible();
  await expect(sensitivity).toContainText('Shown in the wide area');
  // Drawn at its own size: the viewBox is as wide as the chart on screen, and wider than the
  // column's; no bar's name is cut.
  const box = await tornado.boundingBox();
  const viewBoxWidth = await tornado.evaluate(
    (svg) => (svg as SVGSVGElement).viewBox.baseVal.width,
  );
  expect(box?.width ?? 0).toBeGreaterThan(2 * (inColumn?.width ?? 0));
  expect(Math.abs((box?.width ?? 0) - viewBoxWidth)).toBeLessThan(2);
  const names = await tornado.locator('.tornado__label').allTextContents();
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) expect(name).not.toContain('…');
  // The canvas is still there underneath, out of reach of the keyboard.
  await expect(page.locator('.workspace__design')).toHaveAttribute('inert', '');
  await wide.getByRole('button', { name: 'Back to the design' }).click();
  await expect(wide).toHaveCount(0);
  await expect(sensitivity.getByTestId('tornado-chart')).toBeVisible();
  await expect(planner.canvas).toBeVisible();

  // The histogram: a run started wide stays when the chart goes back.
  await page.getByRole('button', { name: 'Open wide: Monte Carlo simulation' }).click();
  await wide.getByRole('button', { name: 'Simulate' }).click();
  const histogram = wide.getByTestId('simulation-histogram');
  await expect(histogram.locator('rect')).toHaveCount(8);
  expect((await histogram.boundingBox())?.width ?? 0).toBeGreaterThan(600);
  await page.screenshot({ path: 'test-results/screenshots/wide-histogram-light.png' });
  await wide.getByRole('button', { name: 'Back to the design' }).click();
  await expect(page.getByTestId('simulation').getByTestId('simulation-histogram')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('six variants: the active tab stays in view, the rest are in the overflow menu', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('ha-options');
  await page.getByTestId('variant-duplicate').click();
  const copy = planner.variantTab('single-3az-copy-1');
  await expect(copy).toHaveAttribute('aria-selected', 'true');
  await expect(copy).toBeVisible();
  await expect.poll(() => planner.variantCount()).toBe(6);
  await expect(planner.variantOverflow).toBeVisible();

  // Every tab shown sits inside the toolbar, none over another control.
  const toolbar = await page.getByRole('toolbar', { name: 'Document' }).boundingBox();
  for (const tab of await page.getByRole('tab').all()) {
    const box = await tab.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(
      (toolbar?.x ?? 0) + (toolbar?.width ?? 0),
    );
  }

  // A variant chosen from the menu becomes active, and its tab is shown.
  await planner.variantOverflow.click();
  const menu = page.getByRole('menu', { name: 'More variants' });
  await expect(menu.getByRole('menuitem')).toHaveCount(6 - (await page.getByRole('tab').count()));
  await page.getByTestId('variant-menu-aa3').click();
  await expect(planner.variantTab('aa3')).toBeVisible();
  await expect(planner.variantTab('aa3')).toHaveAttribute('aria-selected', 'true');
  await expect(planner.nodesOfKind('region')).toHaveCount(3);
  expect(await planner.variantCount()).toBe(6);

  // A cut name is whole in its tooltip, as are the document's name and file name.
  await expect(planner.variantTab('aa3')).toHaveAttribute('title', /^Active-Active, 3 regions/);
  await expect(page.locator('.toolbar__doc')).toHaveAttribute(
    'title',
    /^Checkout — HA options compared\ncheckout-ha-options-compared\.nines\.json/,
  );
  // The file name, squeezed by the tabs, is cut in the middle: its end (the extension) stays.
  const head = page.locator('.middle-ellipsis__head');
  const tail = page.locator('.middle-ellipsis__tail');
  // A document from a template is offered under its own name's slug (docs/ui.md).
  expect(`${await head.textContent()}${await tail.textContent()}`).toBe(
    'checkout-ha-options-compared.nines.json',
  );
  await expect(tail).toHaveText(/nines\.json$/);
  expect(await head.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  expect(await tail.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/variants-overflow-light.png' });
  expect(planner.errors).toEqual([]);
});
