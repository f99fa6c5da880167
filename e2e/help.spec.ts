// Help in the window: the keyboard-shortcut sheet on ? and F1 lists every shortcut; Ctrl+F finds
// a node by name, zooms to it and selects it; the Help menu opens the bundled docs with no
// network; the empty-canvas hint shows on an empty design only.
import { expect, test } from '@playwright/test';
// The list itself, not the folder's door: the door also exports components that import CSS.
import { shortcutsFor } from '../renderer/src/help/shortcuts';
import { EditorPage } from './pages/editor-page';
import { PlannerPage } from './pages/planner-page';

test('? and F1 open the sheet of every keyboard shortcut; Escape closes it', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const sheet = page.getByTestId('shortcut-sheet');
  const listed = shortcutsFor('web');
  for (const key of ['?', 'F1']) {
    await page.keyboard.press(key);
    await expect(sheet).toBeVisible();
    const rows = sheet.getByTestId('shortcut');
    await expect(rows).toHaveCount(listed.length);
    const keys = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-keys')));
    expect(keys).toEqual(listed.map((s) => s.keys.join(' ')));
    for (const shortcut of listed) await expect(sheet).toContainText(shortcut.action);
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
  }
  // The Help menu opens it too; ? typed in a text field stays in the field.
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  const name = planner.fieldInput('documentName');
  await name.click();
  await page.keyboard.press('?');
  await expect(sheet).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

test('Ctrl+F finds a node by name, zooms the canvas to it and selects it', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  await page.keyboard.press('Control+f');
  const box = page.getByRole('combobox', { name: 'Find a node by name or id' });
  await expect(box).toBeFocused();
  await box.fill('checkout');
  await expect(page.getByTestId('node-search-count')).toHaveText('1 of 2');
  await expect(page.getByTestId('node-search').getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('node-search-count')).toHaveText('2 of 2');
  const zoomBefore = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.keyboard.press('Enter');
  await expect(planner.inspector.getByTestId('inspector-name')).toHaveText('Checkout API');
  await expect(planner.inspector).toContainText('app-euw1');
  await expect(planner.node('app-euw1').locator('.plan-card')).toHaveClass(/is-selected/);
  // Zoomed to it: the view changed and the card is in the middle part of the canvas.
  await expect
    .poll(() => page.locator('.react-flow__viewport').getAttribute('style'))
    .not.toBe(zoomBefore);
  await expect(async () => {
    const canvas = await planner.canvas.boundingBox();
    const card = await planner.node('app-euw1').boundingBox();
    if (!canvas || !card) throw new Error('not laid out');
    const centre = card.x + card.width / 2;
    expect(Math.abs(centre - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width / 4);
  }).toPass();
  await page.screenshot({ path: 'test-results/screenshots/node-search-light.png' });

  // By id as well; nothing found says so; Escape closes the box.
  await box.fill('redis-use1');
  await expect(page.getByTestId('node-search-count')).toHaveText('1 of 1');
  await box.fill('postgres');
  await expect(page.getByTestId('node-search-count')).toHaveText('none');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-search')).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

test('Help → Documentation opens the bundled docs, with no network', async ({ page, baseURL }) => {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    if (
      route
        .request()
        .url()
        .startsWith(baseURL ?? 'http://localhost')
    )
      return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const planner = new PlannerPage(page);
  await planner.openTemplate('pilot-light-2-regions');
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Documentation' }).click();
  const docs = page.getByTestId('help-docs');
  const doc = docs.getByTestId('help-doc');
  await expect(doc.locator('h1')).toHaveText('The renderer: how it is put together');
  await docs.getByRole('button', { name: 'The model' }).click();
  await expect(doc.locator('h1')).toHaveText(/^The Nines model/);
  await expect(doc.locator('table').first()).toBeVisible();
  // A link to another page of the help opens it in place.
  await doc.locator('a[data-help-page="scenarios"]').first().click();
  await expect(doc).toHaveAttribute('data-page', 'scenarios');
  await expect(doc.locator('h1')).toHaveText(/^Failure scenarios, RTO and RPO/);
  await expect(docs.getByRole('button', { name: 'Scenarios, RTO and RPO' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.screenshot({ path: 'test-results/screenshots/help-docs-light.png' });
  await page.keyboard.press('Escape');
  await expect(docs).toHaveCount(0);
  expect(outside).toEqual([]);
  expect(planner.errors).toEqual([]);
});

test('the empty-canvas hint shows on an empty design only', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openEmpty();
  const hint = page.getByTestId('empty-canvas-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Drag a Region here, or start from a template');
  await page.screenshot({ path: 'test-results/screenshots/empty-canvas-light.png' });
  // Drops go through the hint to the canvas; the first node ends it.
  await editor.dropNew('region', 300, 300);
  await expect(hint).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(hint).toBeVisible();
  // Its button opens the gallery; a template has nodes, so no hint.
  await hint.getByRole('button', { name: 'Browse the templates' }).click();
  await page.getByTestId('template-active-active-2-regions').click();
  await expect(editor.nodesOfKind('region')).toHaveCount(2);
  await expect(hint).toHaveCount(0);
  expect(editor.errors).toEqual([]);
});
