// The design advisor in the window: findings beside the results, their nodes highlighted on the
// canvas, Preview without changing the document, Apply as one undoable step, the progress and
// Cancel of a long review, and screenshots to look at.
import { expect, test } from '@playwright/test';
import { generatedModel } from '../shared/testing/generated-model';
import { PlannerPage } from './pages/planner-page';

test('findings of the warm standby: highlight, preview, apply and undo', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  const findings = page.getByTestId('findings');
  const splitBrain = findings.getByTestId('finding-split-brain-two-primaries-0');
  const capacity = findings.getByTestId('finding-capacity-after-region-loss-0');
  await expect(splitBrain).toBeVisible();
  await expect(splitBrain).toContainText('high');
  // Named as the person named them (issue 17), the two Redis told apart by their region.
  await expect(splitBrain).toContainText('Redis (us-east-1) can end up with two primaries');
  // Two primaries, two backups slower than the RPO with detection, the region outage's and the
  // corruption's RTO, the global deploy (a common cause), the N+1 capacity and the global DNS.
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (8)');
  // The one DNS provider: a second one is a measured model change.
  await expect(findings.getByTestId('finding-single-point-of-failure-0')).toContainText(
    'Add a second DNS provider beside Route 53',
  );
  // Once reviewed, no progress bar is left. (Whether a quick review shows one at all depends on
  // how long it takes against the 500 ms threshold, so that is unit-tested on fake timers in
  // renderer/src/store/advice.test.ts, not here on a machine of unknown speed.)
  await expect(findings.getByTestId('findings-progress')).toHaveCount(0);

  await splitBrain.hover();
  await expect(planner.node('redis-use1')).toHaveClass(/\bis-finding\b/);
  await expect(planner.node('redis-euw1')).toHaveClass(/\bis-finding\b/);

  const availability = await page.getByTestId('metric-availability').textContent();
  await capacity.getByRole('button', { name: 'Preview' }).click();
  await expect(capacity.getByTestId('finding-preview')).toContainText(
    'Checkout API: instances 4 → 10',
  );
  await page.mouse.move(5, 400);
  await expect(planner.node('app-euw1')).toHaveClass(/\bis-fix\b/);
  await expect(planner.node('redis-use1')).not.toHaveClass(/\bis-finding\b/);
  await expect(page.getByTestId('metric-availability')).toHaveText(availability ?? '');
  await capacity.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/advisor-preview-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/advisor-preview-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await splitBrain.getByRole('button', { name: 'Apply' }).click();
  await expect(splitBrain).toHaveCount(0);
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (7)');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'title',
    /witness/,
  );

  await planner.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(splitBrain).toBeVisible();
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (8)');
  expect(planner.errors).toEqual([]);
});

test('a second DNS provider: applied as one step, drawn, no longer a single point of failure', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const findings = page.getByTestId('findings');
  const dns = findings.getByTestId('finding-single-point-of-failure-0');
  await expect(dns).toContainText('Route 53 is a single point of failure');
  await expect(dns.getByTestId('finding-effect')).toHaveText(
    '99.9958\u00a0% → 99.9968\u00a0% (−5.23\u00a0min/yr), +$4/month',
  );
  await dns.getByRole('button', { name: 'Preview' }).click();
  await expect(dns.getByTestId('finding-preview')).toContainText('adds dns-2');
  await dns.getByTestId('finding-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/advisor-dns-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/advisor-dns-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await dns.getByRole('button', { name: 'Apply' }).click();
  await expect(planner.node('dns-2')).toBeVisible();
  await expect(planner.node('dns-resolvers')).toBeVisible();
  await expect(dns).toHaveCount(0);
  await expect(page.getByTestId('metric-availability')).toContainText('99.9968');
  await page.screenshot({ path: 'test-results/screenshots/advisor-dns-applied-light.png' });
  expect(planner.errors).toEqual([]);
});

test('the review of a large design shows its progress; Cancel stops it, Run again restarts it', async ({
  page,
}) => {
  // Long by its input: 201 nodes under three times the generated load, where the N+1 check
  // searches many tiers, take well over ten seconds to review on an idle machine, so the review
  // cannot end before its Cancel. The test waits for states (progress shown, then stopped), never
  // for an amount of work done in a given time.
  const generated = generatedModel(20);
  const rps = generated.workload?.requestsPerSecond ?? 0;
  const doc = { ...generated, workload: { ...generated.workload, requestsPerSecond: rps * 3 } };
  const planner = new PlannerPage(page);
  await planner.openDocument(doc, test.info().outputPath('large.nines.json'));

  const findings = page.getByTestId('findings');
  const progress = findings.getByTestId('findings-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (…)');
  const bar = progress.getByRole('progressbar');
  await expect.poll(() => bar.evaluate((e) => (e as HTMLProgressElement).value)).toBeGreaterThan(0);
  await expect(progress).toContainText(/\d+ %/);
  await page.screenshot({ path: 'test-results/screenshots/advisor-progress-light.png' });

  await progress.getByRole('button', { name: 'Cancel' }).click();
  const stopped = findings.getByTestId('findings-cancelled');
  await expect(stopped).toContainText(/Review stopped at \d+ %/);
  await expect(progress).toHaveCount(0);
  await expect(findings).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (—)');
  await page.screenshot({ path: 'test-results/screenshots/advisor-stopped-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/advisor-stopped-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await stopped.getByRole('button', { name: 'Run again' }).click();
  await expect(stopped).toHaveCount(0);
  await expect(page.getByTestId('findings-count')).toHaveText('Findings (…)');
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(stopped).toBeVisible();
  expect(planner.errors).toEqual([]);
});
