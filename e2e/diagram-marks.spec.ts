// The diagram's marks on the canvas (issue 21): instance pips in each zone by the round-robin
// spread, dimmed by a what-if zone outage; standby regions and datastores; the legend.
import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvaluationReport } from '../shared/engine';
import type { NinesDocument } from '../shared/model/types';
import { generatedModel } from '../shared/testing/generated-model';
import { formatMinutesPerYear, formatShare, formatUsd } from '../shared/text';
import { ninesJson } from './pages/cli';
import { PlannerPage } from './pages/planner-page';

function template(stem: string): NinesDocument {
  const url = new URL(`../assets/templates/${stem}.nines.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
}

/** Instances per tier in each zone by the spread rule: instance i to zone i mod z (FORMAT.md). */
function spread(doc: NinesDocument): Map<string, Map<string, number>> {
  const variant = doc.variants[0];
  const out = new Map<string, Map<string, number>>();
  for (const tier of variant?.nodes ?? []) {
    if (tier.kind !== 'service' && tier.kind !== 'datastore' && tier.kind !== 'queue') continue;
    const zones = (variant?.nodes ?? []).filter(
      (n) => n.kind === 'zone' && n.parent === tier.parent,
    );
    for (let i = 0; i < (tier.instances ?? 1) && zones.length > 0; i += 1) {
      const zone = zones[i % zones.length]?.id ?? '';
      const counts = out.get(zone) ?? new Map<string, number>();
      counts.set(tier.id, (counts.get(tier.id) ?? 0) + 1);
      out.set(zone, counts);
    }
  }
  return out;
}

test('each zone shows the instances the spread puts there; a zone outage dims exactly those', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('single-region-3az');
  const expected = spread(template('single-region-3az'));
  expect(expected.size).toBe(3);
  for (const [zone, counts] of expected) {
    const tiers = planner.node(zone).locator('.zone-pips__tier');
    await expect(tiers).toHaveCount(counts.size);
    for (const [tier, count] of counts) {
      const pips = planner.node(zone).locator(`.zone-pips__tier[data-tier="${tier}"]`);
      await expect(pips).toHaveAttribute('data-count', String(count));
      await expect(pips).toHaveAttribute(
        'title',
        new RegExp(`: ${count} of \\d+\\sinstances? in this zone$`),
      );
    }
  }
  await expect(planner.canvas.locator('.zone-pips__tier.is-down')).toHaveCount(0);

  await planner.node('use1-a').click({ button: 'right', position: { x: 20, y: 8 } });
  await page
    .getByTestId('what-if-menu')
    .getByRole('menuitem', { name: /^Zone outage/ })
    .click();
  await expect(page.getByTestId('scenario-panel')).toContainText('What if:');
  const inA = expected.get('use1-a')?.size ?? 0;
  await expect(planner.node('use1-a').locator('.zone-pips__tier.is-down')).toHaveCount(inA);
  await expect(planner.canvas.locator('.zone-pips__tier.is-down')).toHaveCount(inA);
  await page.screenshot({ path: 'test-results/screenshots/zone-outage-pips.png' });
  expect(planner.errors).toEqual([]);
});

test('pilot light and warm standby mark the standby region and its datastore differently', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('pilot-light-2-regions');
  await expect(planner.node('euw1').getByTestId('region-badge')).toHaveText(
    /^Standby · 0\s%\sof traffic$/,
  );
  await expect(planner.node('use1').getByTestId('region-badge')).toHaveText(/^100\s%\sof traffic$/);
  await expect(planner.node('redis-euw1').getByTestId('standby-badge')).toHaveText(
    'Standby · manual · 1/2',
  );
  await expect(planner.node('app-euw1').getByTestId('standby-badge')).toHaveText('Scaled 1/15');
  await expect(
    page.locator('.plan-edge-label', { hasText: 'async · manual failover' }),
  ).toBeVisible();

  await planner.openTemplate('warm-standby-2-regions');
  await expect(planner.node('redis-euw1').getByTestId('standby-badge')).toHaveText('Standby');
  await expect(planner.node('app-euw1').getByTestId('standby-badge')).toHaveText('Scaled 4/15');
  expect(planner.errors).toEqual([]);
});

test('the legend lists the marks in use and stays collapsed for the session', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('ha-options');
  const legend = page.getByTestId('canvas-legend');
  await expect(legend.locator('li[data-mark]')).not.toHaveCount(0);
  await expect(legend.locator('li[data-mark="pips"]')).toBeVisible();
  await expect(legend.locator('li[data-mark="spof"]')).toBeVisible();
  await page.getByTestId('legend-toggle').click();
  await expect(page.getByTestId('legend-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.locator('li')).toHaveCount(0);
  // Another variant draws a new canvas: the legend stays as the person left it.
  await planner.showVariant('pilot-light');
  await expect(page.getByTestId('legend-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('legend-toggle').click();
  await expect(legend.locator('li[data-mark="manual-failover"]')).toBeVisible();
  await expect(legend.locator('li[data-mark="standby"]')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test("the toolbar's card figures: each card's monthly cost and downtime equal nines evaluate's", async ({
  page,
}) => {
  const stem = 'warm-standby-2-regions';
  const report = ninesJson<EvaluationReport>(
    'evaluate',
    fileURLToPath(new URL(`../assets/templates/${stem}.nines.json`, import.meta.url)),
  );
  const result = report.variants[0];
  if (!result?.cost || !result.availability) throw new Error('no evaluation');
  const planner = new PlannerPage(page);
  await planner.openTemplate(stem);
  await expect(planner.canvas.getByTestId('card-figures')).toHaveCount(0);
  await page.getByTestId('card-figures-toggle').click();
  await expect(page.getByTestId('card-figures-toggle')).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['app-use1', 'redis-use1', 'app-euw1']) {
    const usd = result.cost.breakdown
      .filter((l) => l.nodeId === id)
      .reduce((sum, l) => sum + l.monthlyUsd, 0);
    expect(usd).toBeGreaterThan(0);
    await expect(planner.node(id).getByTestId('card-cost')).toHaveText(`${formatUsd(usd)}/mo`);
  }
  // Route 53 is one basic event: its share of the structural downtime is its Fussell–Vesely.
  const fv = result.importance.find((i) => i.event === 'dns')?.fussellVesely ?? NaN;
  await expect(planner.node('dns').getByTestId('card-downtime')).toHaveText(
    `${formatMinutesPerYear(fv * result.availability.structuralMinutesPerYear)} · ${formatShare(fv)}`,
  );
  await page.screenshot({ path: 'test-results/screenshots/card-figures.png' });
  await page.getByTestId('card-figures-toggle').click();
  await expect(planner.canvas.getByTestId('card-figures')).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

/** The distinct left edges and top edges of `boxes` on screen, rounded to 10 px. */
async function columnsAndRows(boxes: Locator): Promise<{ columns: number; rows: number }> {
  const all = await Promise.all((await boxes.all()).map((b) => b.boundingBox()));
  const xs = new Set(all.map((b) => Math.round((b?.x ?? NaN) / 10)));
  const ys = new Set(all.map((b) => Math.round((b?.y ?? NaN) / 10)));
  return { columns: xs.size, rows: ys.size };
}

/** Every region of the canvas lies within the canvas on screen. */
async function expectAllInView(planner: PlannerPage): Promise<void> {
  await expect(async () => {
    const canvas = await planner.canvas.boundingBox();
    if (!canvas) throw new Error('no canvas');
    for (const region of await planner.nodesOfKind('region').all()) {
      const box = await region.boundingBox();
      if (!box) throw new Error('region not laid out');
      expect(box.x).toBeGreaterThanOrEqual(canvas.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
      expect(box.y).toBeGreaterThanOrEqual(canvas.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    }
  }).toPass();
}

for (const regions of [12, 40]) {
  test(`a generated ${regions}-region design without a layout opens laid out, undoably, and fits`, async ({
    page,
  }, info) => {
    // ELK lays out 40 regions (about 330 nodes) in its worker in some 10 s on an idle machine,
    // several times that on a busy one: the layout may take longer than one state usually does.
    test.setTimeout(360_000);
    const layoutTimeout = { timeout: 240_000 };
    const planner = new PlannerPage(page);
    await planner.openDocument(
      generatedModel(regions),
      info.outputPath(`generated-${regions}.nines.json`),
    );
    await expect(planner.nodesOfKind('region')).toHaveCount(regions);
    // Laid out as an edit: the document has unsaved changes, the regions stand in a grid.
    const dirty = page.getByRole('img', { name: 'unsaved changes' });
    await expect(dirty).toBeVisible(layoutTimeout);
    await expect
      .poll(async () => (await columnsAndRows(planner.nodesOfKind('region'))).columns)
      .toBe(Math.max(2, Math.round(Math.sqrt(regions))));
    await planner.waitForFittedView();
    await expectAllInView(planner);
    // Large designs are routed in a worker: the picture is taken with the routes drawn.
    await expect(planner.canvas).toHaveAttribute('data-routing', 'done', layoutTimeout);
    await page.screenshot({ path: `test-results/screenshots/generated-${regions}-opened.png` });
    // Undo gives back the file's own (automatic) layout: one long row, the document as saved.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(dirty).toHaveCount(0);
    await expect
      .poll(async () => (await columnsAndRows(planner.nodesOfKind('region'))).rows)
      .toBe(1);
    // Fit still shows all of it.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await planner.waitForFittedView();
    await expectAllInView(planner);
    expect(planner.errors).toEqual([]);
  });
}
