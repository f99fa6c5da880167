// Every bundled template opens with `?template=<stem>` and shows each variant's regions, zones,
// components and edges; the start screen lists them all.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocumentText } from '../shared/schema/parse';
import type { NinesDocument } from '../shared/model/types';
import { COMPONENT_KINDS } from '../shared/model/nodes';
import { PlannerPage } from './pages/planner-page';

const templateDir = fileURLToPath(new URL('../assets/templates/', import.meta.url));
const templates = readdirSync(templateDir)
  .filter((file) => file.endsWith('.nines.json'))
  .sort()
  .map((file) => {
    const parsed = parseDocumentText(readFileSync(templateDir + file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.problems)}`);
    return { stem: file.slice(0, -'.nines.json'.length), document: parsed.document };
  });

test('the templates folder is not empty', () => {
  expect(templates.length).toBeGreaterThan(0);
});

for (const { stem, document } of templates) {
  test(`template ${stem} shows every variant's regions, zones and components`, async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.openTemplate(stem);
    await expect(planner.documentName).toHaveText(document.name);
    await expect.poll(() => planner.variantCount()).toBe(document.variants.length);
    for (const variant of document.variants) {
      await planner.showVariant(variant.id);
      // Each variant's view is fitted once drawn: read the boxes below in the fitted view, not
      // one on each side of the fit.
      await planner.waitForFittedView();
      for (const kind of ['region', 'zone', ...COMPONENT_KINDS]) {
        const expected = variant.nodes.filter((n) => n.kind === kind).length;
        await expect(planner.nodesOfKind(kind), `${variant.id}: ${kind} nodes`).toHaveCount(
          expected,
        );
      }
      for (const node of variant.nodes) {
        await expect(planner.node(node.id), `${variant.id}: node ${node.id}`).toHaveCount(1);
      }
      await expect(planner.edges, `${variant.id}: edges`).toHaveCount(variant.edges.length);
      await expectNested(planner, variant.nodes);
    }
    expect(planner.errors).toEqual([]);
  });
}

/** Each zone's box lies inside its region's box and each placed component inside its parent. */
async function expectNested(
  planner: PlannerPage,
  nodes: NinesDocument['variants'][number]['nodes'],
): Promise<void> {
  for (const node of nodes) {
    if (node.parent === undefined) continue;
    const child = await planner.node(node.id).boundingBox();
    const parent = await planner.node(node.parent).boundingBox();
    expect(child, node.id).not.toBeNull();
    expect(parent, node.parent).not.toBeNull();
    if (!child || !parent) return;
    const slack = 1;
    expect(child.x, `${node.id} inside ${node.parent}`).toBeGreaterThanOrEqual(parent.x - slack);
    expect(child.y, `${node.id} inside ${node.parent}`).toBeGreaterThanOrEqual(parent.y - slack);
    expect(child.x + child.width, `${node.id} inside ${node.parent}`).toBeLessThanOrEqual(
      parent.x + parent.width + slack,
    );
    expect(child.y + child.height, `${node.id} inside ${node.parent}`).toBeLessThanOrEqual(
      parent.y + parent.height + slack,
    );
  }
}

test('the start screen lists every template and opens the one chosen', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openStart();
  for (const { stem, document } of templates) {
    const card = page.getByTestId(`template-${stem}`);
    await expect(card).toContainText(document.name);
    if (document.description) await expect(card).toContainText(document.description);
  }
  const [first] = templates;
  if (!first) throw new Error('no templates');
  await page.getByTestId(`template-${first.stem}`).click();
  await expect(planner.documentName).toHaveText(first.document.name);
  await expect(planner.nodesOfKind('region')).toHaveCount(
    first.document.variants[0]?.nodes.filter((n) => n.kind === 'region').length ?? 0,
  );
});

test('an unknown ?template= says so and shows the start screen', async ({ page }) => {
  const planner = new PlannerPage(page);
  await page.goto('./?template=no-such-template');
  await expect(planner.problemsDialog).toContainText('No template named “no-such-template”');
  await planner.problemsDialog.getByRole('button', { name: 'OK' }).click();
  await expect(planner.problemsDialog).toHaveCount(0);
  await expect(planner.gallery).toBeVisible();
});

test('after New → Empty the address no longer names the template, so a reload does not bring it back', async ({
  page,
}) => {
  // Issue 17: the address kept ?template= after another document was opened.
  const planner = new PlannerPage(page);
  await planner.openTemplate('warm-standby-2-regions');
  expect(new URL(page.url()).searchParams.get('template')).toBe('warm-standby-2-regions');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByTestId('template-empty').click();
  await expect(planner.documentName).toHaveText('Untitled');
  await expect.poll(() => new URL(page.url()).searchParams.has('template')).toBe(false);
  await page.reload();
  await expect(planner.gallery).toBeVisible();
  await expect(planner.canvas).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});
