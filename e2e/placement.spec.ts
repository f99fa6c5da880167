// Placement that tidies itself, in the web build: palette clicks land in view and in the selected
// container; zones fill their region's strip; Shift+click selects several nodes, edited together;
// align left; snapping guides while dragging. Screenshots (test-results/screenshots/) of a
// two-region design built by clicking, the guides and the align toolbar, at 1280×800 and
// 1920×1080, light and dark.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor-page';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 &&
  b.x < a.x + a.width - 1 &&
  a.y < b.y + b.height - 1 &&
  b.y < a.y + a.height - 1;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** Clicks a palette item and returns the id of the node it added. */
async function clickNew(editor: EditorPage, kind: string): Promise<string> {
  const before = new Set(await editor.nodeIds());
  await editor.paletteItem(kind).click();
  await expect.poll(async () => (await editor.nodeIds()).length).toBe(before.size + 1);
  const added = (await editor.nodeIds()).find((id) => !before.has(id));
  if (!added) throw new Error(`clicking ${kind} added no node`);
  return added;
}

/**
 * Fits the design in view, so that every node can be clicked, and waits until the view stops
 * moving: Fit animates the view for 200 ms, and boxes read during it are of different frames
 * (a zone read early sits some tens of px left of its region read later).
 */
async function fit(editor: EditorPage): Promise<void> {
  await editor.page.getByRole('button', { name: 'Fit', exact: true }).click();
  await editor.waitForFittedView();
}

/** The boxes of `ids` on screen, read in one go: all of the same frame. */
async function boxesOf(page: Page, ids: readonly string[]): Promise<Box[]> {
  return page.evaluate(
    (wanted) =>
      wanted.map((id) => {
        const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        if (!el) throw new Error(`${id} is not on the canvas`);
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    ids,
  );
}

/** Selects a container by its title bar, the whole design in view. */
async function selectContainer(editor: EditorPage, id: string): Promise<void> {
  await fit(editor);
  await editor.node(id).click({ position: { x: 24, y: 10 } });
  await expect(editor.node(id)).toHaveClass(/selected/);
}

/** A two-region design built by palette clicks only: three zones and a stack in each region. */
async function buildByClicking(editor: EditorPage) {
  await editor.openEmpty();
  const regions: string[] = [];
  for (let r = 0; r < 2; r += 1) {
    await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const region = await clickNew(editor, 'region');
    regions.push(region);
    await selectContainer(editor, region);
    await clickNew(editor, 'router');
    const zones: string[] = [];
    for (let z = 0; z < 3; z += 1) {
      await selectContainer(editor, region);
      zones.push(await clickNew(editor, 'zone'));
    }
    for (const zone of zones) {
      await selectContainer(editor, zone);
      await clickNew(editor, 'service');
    }
    await selectContainer(editor, zones[0] ?? '');
    await clickNew(editor, 'datastore');
  }
  return regions;
}

/** Every pair of nodes on screen of which neither holds the other: none may overlap. */
async function overlapping(page: Page): Promise<string[]> {
  const nodes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-id') ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
  const found: string[] = [];
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      if (overlaps(a, b) && !inside(a, b) && !inside(b, a)) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

test('a palette click puts the node inside the visible canvas', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-3-regions');
  // Scroll the design far off to one side: the click must still land in view.
  const pane = await boxOf(editor.canvas);
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.down();
  await page.mouse.move(pane.x + 60, pane.y + 40, { steps: 8 });
  await page.mouse.up();
  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  for (const kind of ['external', 'region']) {
    const id = await clickNew(editor, kind);
    await expect.poll(async () => inside(await boxOf(editor.node(id)), pane)).toBe(true);
  }
  expect(await overlapping(page)).toEqual([]);
  expect(editor.errors).toEqual([]);
});

// Once read as "the region drawn 86 px right of its zones": the boxes were read one by one while
// Fit still animated the view, the region last; read in one go, once the view stands still.
test('three zones clicked into a region sit in its strip, apart, and the region holds them', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openEmpty();
  const region = await clickNew(editor, 'region');
  const zones: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    await selectContainer(editor, region);
    zones.push(await clickNew(editor, 'zone'));
  }
  await fit(editor);
  const [held, a, b, c] = (await boxesOf(page, [region, ...zones])) as [Box, Box, Box, Box];
  expect(Math.abs(a.y - b.y)).toBeLessThan(1);
  expect(Math.abs(b.y - c.y)).toBeLessThan(1);
  expect(b.x).toBeGreaterThan(a.x + a.width);
  expect(c.x).toBeGreaterThan(b.x + b.width);
  for (const box of [a, b, c]) expect(inside(box, held)).toBe(true);
  for (const zone of zones) {
    await selectContainer(editor, zone);
    await expect(editor.field('parent')).toContainText(region);
  }
  expect(editor.errors).toEqual([]);
});

test('Ctrl+D on a region puts the copy right of the rightmost region, alone selected, in view', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await editor.node('use1').click({ position: { x: 24, y: 8 } });
  const before = new Set(await editor.nodeIds());
  await page.keyboard.press('Control+d');
  await expect(editor.nodesOfKind('region')).toHaveCount(3);
  const copy = (await editor.nodeIds()).find((id) => !before.has(id) && id.startsWith('region-'));
  if (!copy) throw new Error('Ctrl+D made no region');
  await expect(editor.canvas.locator('.react-flow__node.selected')).toHaveCount(1);
  await expect(editor.node(copy)).toHaveClass(/selected/);
  await editor.waitForFittedView();
  const pane = await boxOf(editor.canvas);
  const [east, west, made] = (await boxesOf(page, ['use1', 'euw1', copy])) as [Box, Box, Box];
  expect(inside(made, pane)).toBe(true);
  expect(made.x).toBeGreaterThan(Math.max(east.x + east.width, west.x + west.width));
  expect(Math.abs(made.y - east.y)).toBeLessThan(1);
  expect(await overlapping(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/placement-duplicate-light.png' });
  expect(editor.errors).toEqual([]);
});

test('Shift+click selects several nodes; instances are edited together; align left', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await editor.node('app-use1').click();
  await editor.node('app-euw1').click({ modifiers: ['Shift'] });
  await expect(editor.canvas.locator('.react-flow__node.selected')).toHaveCount(2);
  await expect(page.getByTestId('inspector-name')).toHaveText('2 nodes selected');

  await editor.setField('instances', '5');
  for (const id of ['app-use1', 'app-euw1']) {
    await editor.node(id).click();
    await expect(editor.fieldInput('instances')).toHaveValue('5');
  }
  // One undo step for the two nodes.
  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await editor.node('app-use1').click();
  await expect(editor.fieldInput('instances')).not.toHaveValue('5');

  // Align left: the router and the service of the other region line up on the leftmost edge.
  await editor.node('dns').click();
  await editor.node('app-euw1').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('align-left')).toBeVisible();
  const before = await Promise.all(['dns', 'app-euw1'].map((id) => boxOf(editor.node(id))));
  const left = Math.min(...before.map((b) => b.x));
  await page.getByTestId('align-left').click();
  await expect
    .poll(async () => Math.round((await boxOf(editor.node('dns'))).x))
    .toBe(Math.round(left));
  await expect
    .poll(async () => Math.round((await boxOf(editor.node('app-euw1'))).x))
    .toBe(Math.round(left));
  expect(await overlapping(page)).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await boxOf(editor.node('app-euw1'))).x))
    .toBe(Math.round(before[1]?.x ?? 0));
  // The same from the keyboard: Alt+A aligns left edges.
  await page.keyboard.press('Alt+a');
  await expect
    .poll(async () => Math.round((await boxOf(editor.node('app-euw1'))).x))
    .toBe(Math.round(left));
  expect(editor.errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a dragged node snaps to another node’s edge and a guide shows it (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const editor = new EditorPage(page);
    await editor.openTemplate('active-active-2-regions');
    const target = await boxOf(editor.node('app-use1'));
    const dns = await boxOf(editor.node('dns'));
    // Drag the router until its left edge comes within a few pixels of the service's.
    const grab = { x: dns.x + dns.width / 2, y: dns.y + 12 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + 5, grab.y + 5, { steps: 2 });
    await page.mouse.move(grab.x + (target.x - dns.x) + 3, grab.y + 20, { steps: 12 });
    await expect(page.getByTestId('snap-guide').first()).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/placement-guides-${colorScheme}.png` });
    await page.mouse.up();
    await expect(page.getByTestId('snap-guide')).toHaveCount(0);
    await expect
      .poll(async () => Math.round((await boxOf(editor.node('dns'))).x))
      .toBe(Math.round(target.x));
    expect(editor.errors).toEqual([]);
  });
}

test('a region made wider by its handle pushes its neighbour aside, as one undo step', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  const east = editor.node('use1');
  await east.click({ position: { x: 24, y: 8 } });
  const handle = east.locator('.react-flow__resize-control.handle.bottom.right');
  await expect(handle).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/placement-resize-light.png' });
  const west = await boxOf(editor.node('euw1'));
  const grip = await boxOf(handle);
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + 60, grip.y + 10, { steps: 4 });
  await page.mouse.move(grip.x + 160, grip.y + 20, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await boxOf(editor.node('euw1'))).x).toBeGreaterThan(west.x + 60);
  expect(await overlapping(page)).toEqual([]);
  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await boxOf(editor.node('euw1'))).x))
    .toBe(Math.round(west.x));
  expect(editor.errors).toEqual([]);
});

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a two-region design built by clicking, ${width}×${height} ${colorScheme}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      const editor = new EditorPage(page);
      const regions = await buildByClicking(editor);
      expect(await overlapping(page)).toEqual([]);
      await fit(editor);
      await editor.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      const name = `placement-built-${width}-${colorScheme}`;
      await page.screenshot({ path: `test-results/screenshots/${name}.png` });
      // The align toolbar over a selection of the two regions' load balancers.
      const lbs = await editor
        .nodesOfKind('router')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
      await editor.node(lbs[0] ?? '').click();
      await editor.node(lbs[1] ?? '').click({ modifiers: ['Shift'] });
      await expect(page.getByTestId('align-top')).toBeVisible();
      await page.screenshot({
        path: `test-results/screenshots/placement-align-${width}-${colorScheme}.png`,
      });
      expect(regions).toHaveLength(2);
      expect(editor.errors).toEqual([]);
    });
  }
}
