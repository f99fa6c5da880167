// The comparison view: every template's scenario × variant matrix equals `nines evaluate --json`,
// `?view=compare` opens the ranked variants with the Pareto chart, and a screenshot to look at.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvaluationReport } from '../shared/engine';
import { parseDocumentText } from '../shared/schema/parse';
import { formatDuration, formatShare, scenarioTime, type TimeFigure } from '../shared/text';
import { ninesJson } from './pages/cli';
import { PlannerPage } from './pages/planner-page';

const templateDir = fileURLToPath(new URL('../assets/templates/', import.meta.url));
const stems = readdirSync(templateDir)
  .filter((file) => file.endsWith('.nines.json'))
  .sort()
  .map((file) => file.slice(0, -'.nines.json'.length));

function evaluateWithCli(stem: string): EvaluationReport {
  return ninesJson<EvaluationReport>('evaluate', `${templateDir}${stem}.nines.json`);
}

/** A scenario time as the app reads it: a duration, or `unknown` / `never` / `unbounded` (never ∞). */
const time = (seconds: number | null, figure: TimeFigure, kind: 'rto' | 'rpo' | 'full') =>
  scenarioTime({ ...figure, seconds }, kind).text;

for (const stem of stems) {
  test(`template ${stem}: the scenario matrix equals nines evaluate --json`, async ({ page }) => {
    const report = evaluateWithCli(stem);
    const planner = new PlannerPage(page);
    await planner.openTemplate(stem);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const matrix = page.getByTestId('scenario-matrix');
    await expect(matrix).toBeVisible();
    let cells = 0;
    for (const variant of report.variants) {
      for (const s of variant.scenarios) {
        const cell = matrix.getByTestId(`matrix-cell-${s.id}-${variant.id}`);
        if (!s.applies) {
          await expect(cell).toHaveText('does not apply');
          continue;
        }
        cells += 1;
        const survival =
          s.status === 'full'
            ? 'full service'
            : s.status === 'degraded'
              ? `degraded: ${formatShare(s.servedShare)} served`
              : 'goes down';
        await expect(cell.getByTestId('survival'), `${variant.id} / ${s.id}`).toHaveText(survival);
        await expect(cell.getByTestId('rto')).toHaveText(time(s.rtoSeconds, s.rto, 'rto'));
        await expect(cell.getByTestId('rpo')).toHaveText(time(s.rpoSeconds, s.rpo, 'rpo'));
        const isPass = s.meetsRto && s.meetsRpo && s.meetsMtd;
        await expect(cell).toHaveClass(isPass ? /\bis-pass\b/ : /\bis-fail\b/);
      }
    }
    expect(cells).toBeGreaterThan(0);
    expect(planner.errors).toEqual([]);
  });
}

test('?view=compare on ha-options ranks its five variants and draws the Pareto chart', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await page.goto('./?template=ha-options&view=compare');
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  const rows = view.locator('[data-testid^="compare-row-"]');
  await expect(rows).toHaveCount(5);
  const comparison = ninesJson<{
    variants: { id: string; meetsTargets: boolean; misses: string[] }[];
  }>('compare', `${templateDir}ha-options.nines.json`);
  for (const [i, v] of comparison.variants.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-testid', `compare-row-${v.id}`);
    await expect(rows.nth(i).getByTestId('targets')).toHaveText(
      v.meetsTargets ? 'met' : `missed: ${v.misses.join('; ')}`,
    );
  }
  const chart = page.getByTestId('pareto-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-testid^="pareto-point-"]')).toHaveCount(5);
  const best = comparison.variants[0];
  if (best?.meetsTargets) {
    await expect(page.getByTestId(`pareto-point-${best.id}`)).toHaveClass(/is-recommended/);
  }
  await page.screenshot({ path: 'test-results/screenshots/compare-light.png', fullPage: true });

  // The chart saves as a standalone SVG (styles written in, no theme variables) and as a PNG.
  const svgDownload = page.waitForEvent('download');
  await view.getByRole('button', { name: 'SVG' }).click();
  const svgFile = await svgDownload;
  // Exports are named <doc-slug>[-<variant-slug>]-<what>.<ext> (docs/ui.md).
  expect(svgFile.suggestedFilename()).toBe('checkout-ha-options-compared-nines-against-cost.svg');
  const svgPath = await svgFile.path();
  const svg = readFileSync(svgPath, 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('data-testid="pareto-frontier"');
  expect(svg).not.toContain('var(--');
  const pngDownload = page.waitForEvent('download');
  await view.getByRole('button', { name: 'PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  writeFileSync('test-results/screenshots/pareto-export.png', png);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/compare-dark.png' });

  // Leaving the view shows the design again.
  await page.getByRole('button', { name: 'Back to the design' }).click();
  await expect(planner.canvas).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('with a node selected, Compare and back (by either button) keeps the design and the selection', async ({
  page,
}) => {
  // Issue 17: the canvas mounted over a selection wrote React Flow's first, empty selection back
  // into the store and the two chased each other (React error #185, a white window).
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  await planner.node('redis-use1').click();
  await expect(planner.node('redis-use1')).toHaveClass(/selected/);
  const compare = page.getByRole('button', { name: 'Compare', exact: true });
  await compare.click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the design' }).click();
  await expect(planner.canvas).toBeVisible();
  await expect(planner.node('redis-use1')).toHaveClass(/selected/);
  await expect(planner.inspector).toContainText('Redis');
  await compare.click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await compare.click();
  await expect(planner.node('redis-use1')).toHaveClass(/selected/);
  await page.screenshot({ path: 'test-results/screenshots/compare-back-selected-light.png' });
  expect(planner.errors).toEqual([]);
});

test('scenario mode: a scenario chosen in the results dims what it stops and shows its RTO and RPO', async ({
  page,
}) => {
  const report = evaluateWithCli('active-active-2-regions');
  const variant = report.variants[0];
  const outage = variant?.scenarios.find((s) => s.id === 'region-outage');
  if (!variant || !outage) throw new Error('the template has no region-outage scenario');
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const panel = page.getByTestId('scenario-panel');
  // A click that lands while the template is still being set up can be undone by it: click
  // again only while the panel is not shown (the row toggles scenario mode).
  await expect(async () => {
    if (!(await panel.isVisible())) await page.getByTestId('scenario-row-region-outage').click();
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass();
  const stopped = new Set(outage.stops);
  for (const id of stopped) await expect(planner.node(id)).toHaveClass(/\bis-stopped\b/);
  // Read in one go: the canvas re-renders its nodes while the results settle.
  const survivors = await planner.canvas
    .locator('.react-flow__node.is-survivor')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
  expect(survivors.length).toBeGreaterThan(0);
  expect(survivors.filter((id) => stopped.has(id))).toEqual([]);
  await expect(panel.getByTestId('scenario-rto')).toContainText(
    time(outage.rtoSeconds, outage.rto, 'rto'),
  );
  await expect(panel.getByTestId('scenario-rpo')).toContainText(
    time(outage.rpoSeconds, outage.rpo, 'rpo'),
  );
  for (const part of outage.rto.parts) {
    await expect(panel.getByTestId('scenario-rto')).toContainText(
      formatDuration(part.seconds, { unbounded: 'unknown' }),
    );
  }
  await expect(planner.canvas.locator('.react-flow__edge.is-stopped').first()).toBeAttached();
  await expect(planner.canvas.locator('.react-flow__edge.is-surviving').first()).toBeAttached();
  await page.screenshot({ path: 'test-results/screenshots/scenario-mode-light.png' });

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(planner.canvas.locator('.react-flow__node.is-stopped')).toHaveCount(0);
  await expect(planner.canvas.locator('.react-flow__edge.is-stopped')).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

test('what-if on the canvas: a region outage asked by right click equals the CLI, and can be kept', async ({
  page,
}) => {
  const report = evaluateWithCli('active-active-2-regions');
  const outage = report.variants[0]?.scenarios.find((s) => s.id === 'region-outage');
  if (!outage) throw new Error('the template has no region-outage scenario');
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  await planner.node('use1').click({ button: 'right', position: { x: 30, y: 10 } });
  const menu = page.getByTestId('what-if-menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(3);
  await menu.getByRole('menuitem', { name: /^Region outage/ }).click();
  await expect(menu).toHaveCount(0);
  const panel = page.getByTestId('scenario-panel');
  await expect(panel).toContainText('What if: US East (N. Virginia) fails');
  // The same failure as the template's own scenario: the same figures as `nines evaluate`.
  await expect(panel.getByTestId('scenario-rto')).toContainText(
    time(outage.rtoSeconds, outage.rto, 'rto'),
  );
  await expect(panel.getByTestId('scenario-rpo')).toContainText(
    time(outage.rpoSeconds, outage.rpo, 'rpo'),
  );
  for (const id of outage.stops) await expect(planner.node(id)).toHaveClass(/\bis-stopped\b/);
  // The router's edges carry the requests the CLI reports, moved from one region to the other.
  for (const t of outage.edgeTraffic.filter((e) => e.from === 'dns')) {
    const label = `${Math.round(t.normalShare * 100)} % → ${Math.round(t.share * 100)} %`;
    await expect(page.locator('.plan-edge-label--traffic', { hasText: label })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/what-if-light.png' });

  // Kept, it is a scenario of the document (one undo step).
  await panel.getByTestId('keep-what-if').click();
  await expect(page.getByTestId('scenario-row-region-outage-1')).toBeVisible();
  await expect(panel).toContainText('Scenario: US East (N. Virginia) fails');
  await page.keyboard.press('Escape');
  await planner.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-row-region-outage-1')).toHaveCount(0);

  // From the keyboard: the context-menu key on the selected region, arrows, Enter.
  await planner.node('use1').click({ position: { x: 30, y: 10 } });
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('are cut off from each other');
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(panel).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('the diagram of the active variant saves as a vector SVG drawn from the model', async ({
  page,
}) => {
  const parsed = parseDocumentText(
    readFileSync(`${templateDir}active-active-2-regions.nines.json`, 'utf8'),
  );
  if (!parsed.ok) throw new Error('the template does not parse');
  const regions = parsed.document.variants[0]?.nodes.filter((n) => n.kind === 'region') ?? [];
  expect(regions.length).toBeGreaterThan(0);
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-2-regions');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the diagram' }).click();
  await page
    .getByRole('menu', { name: 'Save the diagram as' })
    .getByRole('menuitem', { name: /^SVG/ })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('checkout-active-active-two-regions-aa2-diagram.svg');
  const svg = readFileSync(await file.path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const region of regions) expect(svg).toContain(region.name ?? region.id);
  expect(planner.errors).toEqual([]);
});

test('the diagram saves as a PNG at twice the size of its SVG, chosen from the keyboard', async ({
  page,
}, testInfo) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-2-regions');
  const button = page.getByRole('button', { name: 'Save the diagram' });
  const menu = page.getByRole('menu', { name: 'Save the diagram as' });

  await button.click();
  const svgDownload = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: /^SVG/ }).click();
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('the SVG has no viewBox');
  const [width, height] = [Number(viewBox[1]), Number(viewBox[2])];
  await expect(menu).toBeHidden();

  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: /^SVG/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: /^SVG/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^PNG/ })).toBeFocused();
  const pngDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await pngDownload;
  expect(file.suggestedFilename()).toBe('checkout-active-active-two-regions-aa2-diagram.png');
  const png = readFileSync(await file.path());
  await file.saveAs(testInfo.outputPath('diagram.png'));
  // The PNG signature, then the IHDR chunk: width and height as 32-bit big-endian integers.
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
  expect(png.readUInt32BE(20)).toBe(Math.round(height * 2));
  await expect(menu).toBeHidden();
  expect(planner.errors).toEqual([]);
});
