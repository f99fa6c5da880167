// Opening files through the web host, the inspector, and refusing a file that does not parse.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_DEFAULTS } from '../shared/model/defaults';
import { parseDocumentText } from '../shared/schema/parse';
import { PlannerPage } from './pages/planner-page';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const VALID = fixture('two-regions.nines.json');
const INVALID = fixture('invalid.nines.json');

test.beforeEach(async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openStart();
});

test('a file chosen with Open is shown on the canvas', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openFile(VALID);
  await expect(planner.documentName).toHaveText('Fixture — two regions');
  await expect(planner.nodesOfKind('region')).toHaveCount(2);
  await expect(planner.nodesOfKind('zone')).toHaveCount(3);
  await expect(planner.nodesOfKind('service')).toHaveCount(2);
  await expect(planner.nodesOfKind('datastore')).toHaveCount(2);
  await expect(planner.edges).toHaveCount(6);
  await expect(planner.node('api-east')).toContainText('6 × m7i.large · 3 needed');
  await expect(planner.node('east')).toContainText('AWS · us-east-1');
  // api-west (west) → db-east-a (east) crosses regions; nothing else does.
  await expect(planner.canvas.locator('.plan-edge--cross-region')).toHaveCount(1);
  await expect(planner.canvas.locator('.plan-edge--replicates')).toHaveCount(1);
  await expect(planner.canvas.locator('.plan-edge-label')).toHaveText('sync');
});

test('selecting a node shows its fields, units and documented defaults', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openFile(VALID);
  await planner.node('api-east').click();
  await expect(planner.inspector.getByTestId('inspector-name')).toHaveText('API');
  await expect(planner.fieldInput('instances')).toHaveValue('6');
  await expect(planner.fieldInput('instanceType')).toHaveValue('m7i.large');
  await expect(planner.field('parent')).toContainText('east');
  await expect(planner.fieldInput('availability')).toHaveAttribute(
    'placeholder',
    'from MTBF and MTTR',
  );
  // Absent fields show the kind's default, marked, with its source on hover.
  const mtbf = planner.field('mtbfHours');
  await expect(planner.fieldInput('mtbfHours')).toHaveAttribute('placeholder', '4000');
  await expect(mtbf).toContainText('default');
  await expect(mtbf.locator('dd')).toHaveAttribute(
    'title',
    `Default. ${NODE_DEFAULTS.service.mtbfHours?.source ?? ''}`,
  );
  await expect(planner.fieldInput('mttrHours')).toHaveAttribute('placeholder', '0.25');
  await expect(planner.fieldInput('capacityRps')).toHaveAttribute('placeholder', 'not set');

  await planner.node('dns').click();
  await expect(planner.inspector.getByTestId('inspector-name')).toHaveText('Global DNS');
  await expect(planner.fieldInput('dnsTtlSeconds')).toHaveValue('30');
  await expect(planner.fieldInput('availability')).toHaveAttribute('placeholder', '99.99');
  await expect(planner.field('availability')).toContainText('default');

  // Clicking the empty canvas clears the selection and shows the variant again.
  await planner.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(planner.inspector).toContainText('Active-passive');
  await expect(planner.inspector).toContainText('Select a region, zone or component');
});

test('a file that does not parse lists its problems and keeps the open document', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openFile(VALID);
  await expect(planner.documentName).toHaveText('Fixture — two regions');

  await planner.openFile(INVALID);
  const parsed = parseDocumentText(readFileSync(INVALID, 'utf8'));
  if (parsed.ok) throw new Error('the invalid fixture parses');
  const dialog = planner.problemsDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Cannot open invalid.nines.json');
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(parsed.problems.length);
  for (const [i, problem] of parsed.problems.entries()) {
    await expect(items.nth(i)).toContainText(problem.path);
    await expect(items.nth(i)).toContainText(problem.message);
  }

  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(planner.documentName).toHaveText('Fixture — two regions');
  await expect(planner.nodesOfKind('region')).toHaveCount(2);
});

test('Save downloads the document as it is, and it opens again', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.openFile(VALID);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('two-regions.nines.json');
  const text = readFileSync(await saved.path(), 'utf8');
  const reopened = parseDocumentText(text);
  const original = parseDocumentText(readFileSync(VALID, 'utf8'));
  expect(reopened.ok && original.ok && reopened.document).toEqual(
    original.ok ? original.document : undefined,
  );
  await expect(page.getByText('two-regions.nines.json', { exact: true })).toBeVisible();
});

test('New shows the gallery over the document with the recent files, which reopen', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openFile(VALID);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New from template' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(planner.documentName).toHaveText('Fixture — two regions');

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await dialog.getByTestId('template-single-region-3az').click();
  await expect(dialog).toHaveCount(0);
  await expect(planner.documentName).not.toHaveText('Fixture — two regions');

  // The web host remembered the file in IndexedDB; it survives a reload.
  await page.reload();
  await expect(planner.gallery).toBeVisible();
  await planner.gallery.getByRole('button', { name: /two-regions\.nines\.json/ }).click();
  await expect(planner.documentName).toHaveText('Fixture — two regions');
  await expect(planner.nodesOfKind('region')).toHaveCount(2);
});

test('Ctrl+O opens and Ctrl+S saves, as the desktop menu does', async ({ page }) => {
  const planner = new PlannerPage(page);
  // The shortcut listener is attached once the app has mounted, a moment after the start screen
  // is painted: press again until the file chooser opens rather than racing the first render.
  // Each press waits long enough for a busy machine to answer it, so a late chooser is not
  // mistaken for a press that came too early.
  await expect(async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(VALID);
  }).toPass();
  await expect(planner.documentName).toHaveText('Fixture — two regions');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download).suggestedFilename()).toBe('two-regions.nines.json');
});
