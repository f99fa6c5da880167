// The analyses beside the results, each in a Web Worker: Monte Carlo equals `nines simulate` and
// a long run can be cancelled; the sensitivity tornado ranks the parameters as the engine does;
// the sensitivity of a 301-node design shows its progress and can be cancelled.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { priceBookSchema } from '../shared/catalog/price-book';
import { sensitivity, sensitivityKey } from '../shared/engine';
import { generatedModel } from '../shared/testing/generated-model';
import { parseDocumentText } from '../shared/schema/parse';
import { formatUsd } from '../shared/text';
import { ninesJson } from './pages/cli';
import { PlannerPage } from './pages/planner-page';

const templateDir = fileURLToPath(new URL('../assets/templates/', import.meta.url));

// A failed run prints what the results column showed (the sensitivity panel's state: open or
// not, running, cancelled), so that a failure seen only in CI says which state it was in.
test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  const panel = page.getByTestId('sensitivity');
  const isOpen = await panel.evaluate((d) => (d as HTMLDetailsElement).open).catch(() => null);
  const text = await panel.innerText({ timeout: 1_000 }).catch(() => '(no sensitivity panel)');
  console.log(`[${testInfo.title}] sensitivity open=${String(isOpen)}:\n${text.slice(0, 2_000)}`);
});

test('Monte Carlo in a worker: a run equals nines simulate, a long run can be cancelled', async ({
  page,
}) => {
  const report = ninesJson<{
    variants: { mean: number; ci95: [number, number]; exact: number }[];
  }>(
    'simulate',
    '--years',
    '10000',
    '--variant',
    'aa2',
    `${templateDir}active-active-2-regions.nines.json`,
  );
  const simulated = report.variants[0];
  if (!simulated) throw new Error('nines simulate reported no variant');
  const percent = (a: number) => `${(a * 100).toFixed(4)} %`;
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const panel = page.getByTestId('simulation');
  await panel.getByRole('button', { name: 'Simulate' }).click();
  await expect(panel.getByTestId('simulation-mean')).toHaveText(percent(simulated.mean));
  await expect(panel.getByTestId('simulation-result')).toContainText(
    `95 % ${percent(simulated.ci95[0])} – ${percent(simulated.ci95[1])} · exact ${percent(simulated.exact)}`,
  );
  await expect(panel.getByTestId('simulation-histogram').locator('rect')).toHaveCount(8);
  await panel.getByTestId('simulation-result').screenshot({
    path: 'test-results/screenshots/simulation-light.png',
  });

  // Long by its input: a hundred times the run that just finished, so it cannot end before its
  // Cancel on any machine; the test waits for the progress, then for the cancelled state.
  await panel.getByLabel('Simulated years', { exact: true }).selectOption('1000000');
  await panel.getByRole('button', { name: 'Simulate' }).click();
  await expect(panel.getByTestId('simulation-progress')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('simulation-cancelled')).toContainText('of 1,000,000 years');
  await expect(panel.getByTestId('simulation-progress')).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

test('sensitivity: the tornado ranks the parameters as the engine does, with what to improve first', async ({
  page,
}) => {
  const parsed = parseDocumentText(
    readFileSync(`${templateDir}warm-standby-2-regions.nines.json`, 'utf8'),
  );
  if (!parsed.ok) throw new Error('the template does not parse');
  const variantId = parsed.document.variants[0]?.id ?? '';
  const priceBook = priceBookSchema.parse(
    JSON.parse(readFileSync(new URL('../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
  );
  const expected = sensitivity(parsed.document, variantId, { priceBook });
  const top = expected?.bars[0];
  if (!top) throw new Error('no sensitivity bar');
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const panel = page.getByTestId('sensitivity');
  await panel.locator('summary').click();
  const bars = panel.getByTestId('tornado-chart').locator('[data-testid^="tornado-bar-"]');
  await expect(bars.first()).toHaveAttribute('data-testid', `tornado-bar-${sensitivityKey(top)}`);
  await expect(bars).toHaveCount(Math.min(10, expected.bars.filter((b) => b.swing > 0).length));
  await expect(panel.getByTestId('improve-first').locator('li').first()).toBeVisible();
  await expect(panel.getByTestId('sensitivity-progress')).toHaveCount(0);
  await panel
    .getByTestId('tornado-chart')
    .screenshot({ path: 'test-results/screenshots/sensitivity-light.png' });

  // The cost tornado: its widest bars are the engine's, prices and failure parameters alike.
  const costBars = expected.costBars.slice(0, 10);
  expect(costBars.length).toBeGreaterThan(2);
  await panel.getByRole('button', { name: 'Yearly cost' }).click();
  const costChart = panel.locator('[data-testid="tornado-chart"][data-kind="cost"]');
  await expect(costChart.locator('[data-testid^="tornado-bar-"]')).toHaveCount(costBars.length);
  const shown = await costChart
    .locator('[data-testid^="tornado-bar-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
  expect(shown).toEqual(costBars.map((b) => `tornado-bar-${sensitivityKey(b)}`));
  // The design's own yearly cost, beside the chart's legend.
  await expect(panel).toContainText(`${formatUsd(Math.round(expected.baseYearlyCost ?? 0))}/yr`);
  await costChart.screenshot({ path: 'test-results/screenshots/sensitivity-cost-light.png' });
  // The whole window (1280 × 800) in the dark theme, the chart scrolled into the results column.
  await page.emulateMedia({ colorScheme: 'dark' });
  await costChart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/sensitivity-cost-dark.png' });
  await panel.getByRole('button', { name: 'Downtime / yr' }).click();
  await panel.getByTestId('tornado-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/sensitivity-dark.png' });
  expect(planner.errors).toEqual([]);
});

test('sensitivity of a 301-node design runs in a worker with progress and can be cancelled', async ({
  page,
}) => {
  // Long by its input, not by the machine's speed: over a thousand full evaluations of a
  // 301-node design take a minute or more, so no run here can finish before its Cancel. Nothing
  // below waits for a number of evaluations done, only for the states a person sees.
  const doc = generatedModel(33);
  expect(doc.variants[0]?.nodes.length).toBeGreaterThan(300);
  const planner = new PlannerPage(page);
  await planner.openDocument(doc, test.info().outputPath('large.nines.json'));
  const panel = page.getByTestId('sensitivity');
  await panel.locator('summary').click();
  const progress = panel.getByTestId('sensitivity-progress');
  const cancelled = panel.getByTestId('sensitivity-cancelled');
  const counted = /^[\d,]+ of [\d,]{5,} evaluations/;
  // Every bar end is a full evaluation: over a thousand of them, counted before the first.
  await expect(progress).toContainText(counted);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/sensitivity-progress-light.png' });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(cancelled).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(panel.getByTestId('improve-first')).toBeVisible();

  // A change of layout only keeps it cancelled: the generated design opened auto-laid-out (its
  // own undo step, which may land before or after the Cancel), and undoing that moves every
  // node but changes no figure. A Cancel that did not hold started the run again here (CI,
  // stop 30). The click on "Yearly cost" after the undo is handled after the undo's effects.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute('title', /^Undo auto-layout/);
  await undo.click();
  await expect(undo).toBeDisabled();
  const yearlyCost = panel.getByRole('button', { name: 'Yearly cost' });
  await yearlyCost.click();
  await expect(yearlyCost).toHaveAttribute('aria-pressed', 'true');
  await expect(cancelled).toBeVisible();
  await expect(progress).toHaveCount(0);
  await panel.getByRole('button', { name: 'Downtime / yr' }).click();

  // Run again starts over, and can be cancelled again.
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(cancelled).toBeVisible();

  // Closing the panel ends the run: opened again, it starts over ("Starting…", before its first
  // count) rather than showing the count the closed run had reached. Every text the progress
  // shows is recorded as the page renders it, so no state is missed between two looks.
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect(progress).toContainText(counted);
  await panel.locator('summary').click();
  await expect(progress).toHaveCount(0);
  await panel.evaluate((details) => {
    const shown: string[] = [];
    (window as unknown as { sensitivityProgress: string[] }).sensitivityProgress = shown;
    const record = () => {
      const text = details.querySelector('[data-testid="sensitivity-progress"] .num')?.textContent;
      if (text && text !== shown.at(-1)) shown.push(text);
    };
    new MutationObserver(record).observe(details, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await panel.locator('summary').click();
  await expect(progress).toBeVisible();
  const shown = () =>
    page.evaluate(
      () => (window as unknown as { sensitivityProgress: string[] }).sensitivityProgress,
    );
  await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
  expect((await shown())[0]).toBe('Starting…');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(cancelled).toBeVisible();
  expect(planner.errors).toEqual([]);
});
