// Scenarios from the start and the inspector's inputs: the standard drills that follow a design
// drawn from an empty document (one undo step with what brought them, a remove button that undo
// reverses), Add scenario through its pickers, a price-book picker with its custom-value marker, a
// time typed with its unit, a fraction in a percent field, and a router's kind; screenshots in
// both themes (test-results/screenshots/scenarios-*.png).
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor-page';

const rows = (page: Page) => page.locator('[data-testid^="scenario-row-"]');
const rowIds = async (page: Page) =>
  (await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).map((id) =>
    id?.replace('scenario-row-', ''),
  );

test('a design drawn from an empty document gets its standard drills, removable and undoable', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openEmpty();
  await expect(rows(page)).toHaveCount(0);

  const region = await editor.dropNew('region', 60, 60);
  await expect(page.getByTestId(`scenario-row-region-outage-${region}`)).toContainText(
    `Region outage (${region})`,
  );
  const zone = await editor.dropNew('zone', 160, 160);
  const db = await editor.dropNew('datastore', 170, 200);
  await editor.node(db).click();
  await expect(editor.field('parent')).toContainText(zone);
  expect(await rowIds(page)).toEqual([
    `region-outage-${region}`,
    `zone-outage-${zone}`,
    `corruption-${db}`,
  ]);

  // The corruption came with the datastore: one undo takes both away, redo brings both back.
  await page.keyboard.press('Control+z');
  await expect(editor.node(db)).toHaveCount(0);
  await expect(page.getByTestId(`scenario-row-corruption-${db}`)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId(`scenario-row-corruption-${db}`)).toBeVisible();

  // A location chosen for the region renames its drill.
  await editor.node(region).click({ position: { x: 30, y: 12 } });
  await editor.setField('provider', 'aws');
  await editor.setField('location', 'eu-west-1');
  await expect(page.getByTestId(`scenario-row-region-outage-${region}`)).toContainText(
    'Region outage (eu-west-1)',
  );

  // Remove one; undo restores it.
  await page.getByTestId(`remove-scenario-zone-outage-${zone}`).click();
  await expect(page.getByTestId(`scenario-row-zone-outage-${zone}`)).toHaveCount(0);
  await editor.canvas.locator('.react-flow__pane').click({ position: { x: 700, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId(`scenario-row-zone-outage-${zone}`)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/scenarios-drills-light.png' });
  expect(editor.errors).toEqual([]);
});

test('Add scenario names what it fails through pickers', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await page.getByTestId('add-scenario').click();
  const form = page.getByTestId('add-scenario-form');
  await form.getByLabel('Kind').selectOption('traffic-shift');
  await form.getByLabel('From').selectOption('euw1');
  await form.getByLabel('To').selectOption('use1');
  await form.getByLabel('Share').fill('50');
  await expect(page.getByTestId('add-scenario-preview')).toHaveText(
    'Adds “Traffic shift (eu-west-1 → us-east-1, 50\u00a0%)”.',
  );
  await page.screenshot({ path: 'test-results/screenshots/scenarios-add-light.png' });
  await form.getByRole('button', { name: 'Add' }).click();
  const added = page.getByTestId('scenario-row-traffic-shift-euw1-use1');
  await expect(added).toContainText('moves 50\u00a0% of Europe (Ireland)');
  await expect(added.getByTestId('scenario-status')).toBeVisible();

  // The same again is refused: it is a scenario already.
  await page.getByTestId('add-scenario').click();
  await form.getByLabel('Kind').selectOption('corruption');
  await form.getByLabel('Datastore').selectOption('redis-use1');
  await expect(page.getByTestId('add-scenario-preview')).toContainText('Already a scenario');
  await expect(form.getByRole('button', { name: 'Add' })).toBeDisabled();
  await form.getByLabel('Datastore').selectOption('redis-euw1');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('scenario-row-corruption-redis-euw1')).toBeVisible();
  expect(editor.errors).toEqual([]);
});

test('an instance type is picked from the price book; a custom one is marked unpriced', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await editor.node('app-use1').click();
  const input = editor.fieldInput('instanceType');
  await input.click();
  const list = page.getByRole('listbox');
  // The whole us-east-1 book is offered (from t4g.nano up); the template's type with its figures.
  await expect(list.getByRole('option', { name: /^m7i\.large\b/ })).toContainText(
    '2\u00a0vCPU · 8\u00a0GiB · $0.1008/h',
  );
  await input.fill('r7i.x');
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/scenarios-picker-light.png' });
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('r7i.xlarge');
  await expect(page.getByTestId('custom-instanceType')).toHaveCount(0);

  // Enter straight after typing, without waiting for the filtered list: it takes what matches
  // the input (nothing here), never the first option of the list drawn before.
  await input.fill('m99.huge');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('m99.huge');
  await expect(page.getByTestId('custom-instanceType')).toHaveText(
    'not in the price book · unpriced',
  );
  expect(editor.errors).toEqual([]);
});

test('a time typed with its unit is stored in the field’s unit; a fraction in a % field asks', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await editor.node('dns').click();
  await editor.setField('healthCheckSeconds', '5 min');
  await expect(editor.fieldInput('healthCheckSeconds')).toHaveValue('300');
  await expect(editor.field('healthCheckSeconds')).toContainText('s');

  await editor.fieldInput('healthCheckSeconds').fill('5 fortnights');
  await expect(editor.field('healthCheckSeconds').getByRole('alert')).toContainText(
    'ms, s, min, h, d',
  );
  await page.keyboard.press('Escape');

  await editor.setField('availability', '0.9999');
  const hint = page.getByTestId('hint-availability');
  await expect(hint).toContainText('Did you mean 99.99 %?');
  await hint.getByRole('button').click();
  await expect(editor.fieldInput('availability')).toHaveValue('99.99');
  await expect(hint).toHaveCount(0);
  expect(editor.errors).toEqual([]);
});

test('a router’s kind sets its DNS TTL and where it lives', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.openTemplate('active-active-2-regions');
  await editor.node('dns').click();
  const kind = editor.fieldInput('routerKind');
  await expect(kind).toHaveValue('dns');
  await expect(editor.fieldInput('dnsTtlSeconds')).toHaveValue('60');
  await editor.field('routerKind').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/scenarios-router-kind-light.png' });

  await kind.selectOption('global-lb');
  await expect(editor.field('dnsTtlSeconds')).toHaveCount(0);
  await expect(editor.field('parent')).toContainText('global');

  await kind.selectOption('regional:use1');
  await expect(editor.field('parent')).toContainText('US East');
  await expect(editor.field('routerKind')).toContainText('Fails with its region');

  await kind.selectOption('dns');
  await expect(editor.field('parent')).toContainText('global');
  await expect(editor.fieldInput('dnsTtlSeconds')).toHaveValue('60');
  expect(editor.errors).toEqual([]);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('screenshots of Add scenario, a picker and the router kind', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.openTemplate('active-active-2-regions');
    await page.getByTestId('add-scenario').click();
    await page.getByTestId('add-scenario-form').getByLabel('Kind').selectOption('partition');
    await page.screenshot({ path: 'test-results/screenshots/scenarios-add-dark.png' });
    await editor.node('redis-use1').click();
    await editor.fieldInput('instanceType').click();
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/scenarios-picker-dark.png' });
    await page.keyboard.press('Escape');
    await editor.node('dns').click();
    await editor.field('routerKind').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/scenarios-router-kind-dark.png' });
    expect(editor.errors).toEqual([]);
  });
});
