// The editor in the web build: a two-region Active-Active design drawn from an empty document by
// drag and drop only, whose displayed availability equals `nines evaluate` of the saved file;
// placement rules and re-parenting; undo and redo across a drag; the editing keys; a 301-node
// design evaluated in the worker; screenshots in both themes (test-results/screenshots/).
import { formatAvailability } from '../shared/text';
import { expect, test } from '@playwright/test';
import { generatedModel } from '../shared/testing/generated-model';
import { availabilityByCli } from './pages/cli';
import { EditorPage } from './pages/editor-page';

test('draws a two-region Active-Active design from an empty document by drag and drop', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.useClassicFileDialogs();
  await editor.openEmpty();
  // An empty design reads as empty: how to start, no engine error, no findings claim, and
  // Simulate disabled with its reason (issue 17).
  await expect(page.getByTestId('results-empty')).toContainText('Start by adding a component');
  await expect(page.getByTestId('engine-issues')).toHaveCount(0);
  await expect(page.getByTestId('findings-empty')).toBeVisible();
  await expect(page.getByText('nothing in the design breaks a principle')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Simulate' })).toBeDisabled();
  await expect(page.getByTestId('simulate-reason')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/empty-design-light.png' });

  const dns = await editor.dropNew('router', 380, 60);
  const east = await editor.dropNew('region', 40, 170);
  const west = await editor.dropNew('region', 420, 170);
  expect([dns, east, west]).toEqual(['router-1', 'region-1', 'region-2']);

  const stack = async (dx: number) => ({
    lb: await editor.dropNew('router', 200 + dx, 240),
    app: await editor.dropNew('service', 200 + dx, 340),
    db: await editor.dropNew('datastore', 200 + dx, 440),
  });
  const a = await stack(0);
  const b = await stack(380);
  for (const [region, ids] of [
    [east, a],
    [west, b],
  ] as const) {
    for (const id of Object.values(ids)) {
      await editor.node(id).click();
      await expect(editor.field('parent')).toContainText(region);
    }
  }
  // The first component became the entry: a router with no targets yet serves nothing.
  await expect(editor.availability).toHaveText('0.0000 %');

  await editor.connect(dns, a.lb);
  await editor.connect(dns, b.lb);
  for (const s of [a, b]) {
    await editor.connect(s.lb, s.app);
    await editor.connect(s.app, s.db);
  }
  await expect(editor.canvas.locator('.plan-edge--depends')).toHaveCount(6);
  const beforeReplication = await editor.availability.textContent();
  await editor.connect(a.db, b.db, 'right', 'left');
  await expect(editor.canvas.locator('.plan-edge--replicates')).toHaveCount(1);

  // What must be set, through the inspector: the data tier replicates active-active, the tier
  // has instances to spare.
  for (const s of [a, b]) {
    await editor.node(s.db).click();
    await editor.setField('replication', 'active-active');
    await editor.node(s.app).click();
    await editor.setField('instances', '3');
    await expect(editor.fieldInput('instances')).toHaveValue('3');
  }
  await expect(editor.availability).not.toHaveText(beforeReplication ?? '');
  await expect(page.getByTestId('spofs')).toContainText(dns);

  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 700, y: 20 } });
  const shown = (await editor.availability.textContent()) ?? '';
  await page.screenshot({ path: 'test-results/screenshots/editor-built-light.png' });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const saved = await (await download).path();
  const cli = availabilityByCli(saved);
  expect(shown).toBe(formatAvailability(cli));
  expect(editor.errors).toEqual([]);
});

test('zones go only in regions; a moved node changes container and keeps its place', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openEmpty();
  await editor.drop('zone', 300, 300);
  await expect(editor.canvas.locator('.react-flow__node')).toHaveCount(0);

  const region = await editor.dropNew('region', 60, 60);
  const zone = await editor.dropNew('zone', 160, 160);
  await editor.node(zone).click();
  await expect(editor.field('parent')).toContainText(region);
  const app = await editor.dropNew('service', 160, 190);
  await editor.node(app).click();
  await expect(editor.field('parent')).toContainText(zone);

  // Out of every region: the service becomes global, where it was dropped.
  await editor.dragNode(app, 420, 0);
  await editor.node(app).click();
  await expect(editor.field('parent')).toContainText('global');
  const out = await editor.node(app).boundingBox();
  // Back into the region's zone.
  await editor.dragNode(app, -420, 0);
  await editor.node(app).click();
  await expect(editor.field('parent')).toContainText(zone);
  const back = await editor.node(app).boundingBox();
  expect(Math.abs((out?.x ?? 0) - (back?.x ?? 0))).toBeGreaterThan(300);
  expect(editor.errors).toEqual([]);
});

test('one undo puts a dragged node back, redo moves it again', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  const dns = editor.node('dns');
  const start = await dns.boundingBox();
  if (!start) throw new Error('dns is not on the canvas');
  await editor.dragNode('dns', 160, -10);
  // The canvas draws the drop a frame or more after the mouse is up: wait for it.
  await expect.poll(async () => ((await dns.boundingBox())?.x ?? 0) - start.x).toBeGreaterThan(100);

  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.abs(((await dns.boundingBox())?.x ?? 0) - start.x))
    .toBeLessThan(2);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => ((await dns.boundingBox())?.x ?? 0) - start.x).toBeGreaterThan(100);
  expect(editor.errors).toEqual([]);
});

test('Delete removes the selection with its edges; undo brings both back', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  const edges = await editor.edges.count();
  await editor.node('app-use1').click();
  await page.keyboard.press('Delete');
  await expect(editor.node('app-use1')).toHaveCount(0);
  await expect(editor.edges).toHaveCount(edges - 2);
  await page.keyboard.press('Control+z');
  await expect(editor.node('app-use1')).toHaveCount(1);
  await expect(editor.edges).toHaveCount(edges);

  // An edge is selected by clicking it and deleted with the keyboard too.
  // Edges are routed around the cards, so the middle of an edge's box may be off its path: click
  // the middle of the path itself.
  const interaction = page
    .getByTestId('rf__edge-depends:dns>lb-use1')
    .locator('.react-flow__edge-interaction');
  const middle = await interaction.evaluate((path: SVGPathElement) => {
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const at = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM() ?? undefined);
    return { x: at.x, y: at.y };
  });
  await page.mouse.click(middle.x, middle.y);
  await page.keyboard.press('Delete');
  await expect(editor.edges).toHaveCount(edges - 1);
  await page.keyboard.press('Control+z');
  await expect(editor.edges).toHaveCount(edges);

  // In a text field, Ctrl+Z is the field's own undo, not the document's.
  await editor.node('app-use1').click();
  await editor.setField('instances', '7');
  const instances = editor.fieldInput('instances');
  await instances.fill('9');
  await instances.press('Control+z');
  await instances.press('Escape');
  await expect(instances).toHaveValue('7');
  expect(editor.errors).toEqual([]);
});

test('copy, paste, duplicate and select all from the keyboard; the palette adds on click', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  const count = await editor.canvas.locator('.react-flow__node').count();
  await editor.node('redis-use1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(editor.canvas.locator('.react-flow__node')).toHaveCount(count + 1);
  await expect(editor.node('db-1')).toHaveClass(/selected/);
  await page.keyboard.press('Control+d');
  await expect(editor.node('db-2')).toHaveCount(1);
  await page.keyboard.press('Control+a');
  await expect(editor.canvas.locator('.react-flow__node.selected')).toHaveCount(count + 2);

  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await editor.paletteItem('external').click();
  await expect(editor.node('ext-1')).toHaveCount(1);
  // Double-click renames, in the inspector's name field.
  await editor.node('ext-1').dblclick();
  await expect(editor.fieldInput('name')).toBeFocused();
  await page.keyboard.type('Payments API');
  await page.keyboard.press('Enter');
  await expect(editor.node('ext-1')).toContainText('Payments API');
  await editor.paletteItem('queue').focus();
  await page.keyboard.press('Enter');
  await expect(editor.node('queue-1')).toHaveCount(1);
  expect(editor.errors).toEqual([]);
});

test('auto-layout keeps every child inside its container, as one undo step', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-3-regions');
  const before = await editor.node('app-use1').boundingBox();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect
    .poll(async () => JSON.stringify(await editor.node('app-use1').boundingBox()))
    .not.toBe(JSON.stringify(before));
  const inside = async (child: string, parent: string) => {
    const c = await editor.node(child).boundingBox();
    const p = await editor.node(parent).boundingBox();
    if (!c || !p) throw new Error(`${child} or ${parent} is not shown`);
    return (
      c.x >= p.x - 1 &&
      c.y >= p.y - 1 &&
      c.x + c.width <= p.x + p.width + 1 &&
      c.y + c.height <= p.y + p.height + 1
    );
  };
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  for (const [child, parent] of [
    ['app-use1', 'use1'],
    ['use1-a', 'use1'],
    ['lb-euw1', 'euw1'],
  ] as const) {
    // Read once the new layout is drawn whole, not between two frames of it.
    await expect.poll(() => inside(child, parent), `${child} in ${parent}`).toBe(true);
  }
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(editor.errors).toEqual([]);
});

test('undo of auto-layout brings back the positions and the view, redo the laid-out ones', async ({
  page,
}) => {
  // Issue 17: Undo put the positions back but left the view fitted to the new layout.
  const editor = new EditorPage(page);
  await editor.openTemplate('warm-standby-2-regions');
  const view = () =>
    page.evaluate(() => {
      const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
      const [x = NaN, y = NaN, zoom = NaN] = (t?.match(/-?[\d.]+/g) ?? []).map(Number);
      return { x: Math.round(x), y: Math.round(y), zoom: Math.round(zoom * 1000) / 1000 };
    });
  const position = () => editor.node('redis-use1').getAttribute('style');
  // The person has moved the view away from the fitted one.
  const pane = await editor.canvas.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  await page.mouse.move(pane.x + pane.width - 40, pane.y + pane.height - 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 140, pane.y + pane.height - 100, { steps: 5 });
  await page.mouse.up();
  const viewBefore = await view();
  const positionBefore = await position();

  const autoLayout = page.getByRole('button', { name: 'Auto-layout' });
  await autoLayout.click();
  await expect.poll(position).not.toBe(positionBefore);
  // The button is disabled until the fit after the layout has ended (its animation included):
  // a view read before then is one frame of the fit, not the view that Undo keeps for Redo.
  await expect(autoLayout).toBeEnabled();
  await expect.poll(async () => JSON.stringify(await view())).not.toBe(JSON.stringify(viewBefore));
  await editor.waitForFittedView();
  const viewAfter = await view();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(position).toBe(positionBefore);
  await expect.poll(view).toEqual(viewBefore);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(view).toEqual(viewAfter);
  expect(editor.errors).toEqual([]);
});

test('variants as tabs: duplicate, rename, switch, delete', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await page.getByTestId('variant-duplicate').click();
  const copy = editor.variantTab('aa2-copy-1');
  await expect(copy).toHaveAttribute('aria-selected', 'true');
  await copy.dblclick();
  const name = page.getByLabel('Variant name');
  await name.fill('Three zones only');
  await name.press('Enter');
  await expect(copy).toHaveText('Three zones only');
  await editor.node('euw1').click();
  await page.keyboard.press('Delete');
  await expect(editor.nodesOfKind('region')).toHaveCount(1);
  await editor.variantTab('aa2').click();
  await expect(editor.nodesOfKind('region')).toHaveCount(2);
  await editor.variantTab('aa2-copy-1').click();
  // The cross beside the active tab (out of the tablist's accessibility tree, issue 25)…
  await page.getByTitle('Delete this variant').click();
  await expect(editor.variantTab('aa2-copy-1')).toHaveCount(0);
  await expect(editor.variantTab('aa2')).toHaveAttribute('aria-selected', 'true');
  expect(editor.errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the editor in the ${colorScheme} theme: selection, marks and results`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const editor = new EditorPage(page);
    await editor.openTemplate('active-active-2-regions');
    await expect(editor.node('dns')).toHaveClass(/is-spof/);
    await expect(editor.availability).toHaveText(/^\d{2,3}\.\d{4}\s%$/);
    await expect(page.getByTestId('scenario-row-zone-outage')).toContainText('RTO');
    await editor.node('redis-use1').click();
    await page.screenshot({ path: `test-results/screenshots/editor-${colorScheme}.png` });
    expect(editor.errors).toEqual([]);
  });
}

test('a 301-node design is evaluated in a worker and its figures arrive', async ({ page }) => {
  const doc = generatedModel(33);
  expect(doc.variants[0]?.nodes.length).toBeGreaterThan(300);
  const path = test.info().outputPath('large.nines.json');
  const editor = new EditorPage(page);
  await editor.openDocument(doc, path);
  await expect(editor.nodesOfKind('region')).toHaveCount(33);
  await expect(editor.availability).toHaveText(/^\d{2,3}\.\d{4}\s%$/);
  await expect(page.getByTestId('results')).toHaveAttribute('aria-busy', 'false');
  expect(formatAvailability(availabilityByCli(path))).toBe(await editor.availability.textContent());
  expect(editor.errors).toEqual([]);
});
