// The diff view (File › Compare with…): a template against a modified copy, with the changed node
// marked, the added and removed ones marked, the figures equal to `nines diff --json`, one click
// to open the other side, and screenshots (light and dark) in test-results/screenshots/.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesignDiff } from '../shared/diff';
import type { NinesDocument } from '../shared/model/types';
import { formatAvailability } from '../shared/text';
import { ninesJson } from './pages/cli';
import { PlannerPage } from './pages/planner-page';

const TEMPLATE = fileURLToPath(
  new URL('../assets/templates/active-active-2-regions.nines.json', import.meta.url),
);

/** A copy of the template with app-use1 at 9 instances, backup-euw1 removed and a queue added. */
function modifiedCopy(): string {
  const doc = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as NinesDocument;
  const variant = doc.variants[0]!;
  const app = variant.nodes.find((n) => n.id === 'app-use1');
  if (app?.kind !== 'service') throw new Error('the template has no app-use1');
  app.instances = 9;
  variant.nodes = variant.nodes.filter((n) => n.id !== 'backup-euw1');
  variant.edges = variant.edges.filter((e) => e.from !== 'backup-euw1' && e.to !== 'backup-euw1');
  delete variant.layout?.['backup-euw1'];
  variant.nodes.push({ id: 'audit-queue', kind: 'queue', name: 'Audit queue', parent: 'use1' });
  const path = join(mkdtempSync(join(tmpdir(), 'nines-e2e-diff-')), 'modified.nines.json');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

test('Compare with… opens the diff view of a template against a modified copy, the changed node marked', async ({
  page,
}) => {
  const copy = modifiedCopy();
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-2-regions');

  await page.getByRole('button', { name: 'File' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Compare with…' }).click();
  await (await chooser).setFiles(copy);

  const view = page.getByTestId('diff-view');
  await expect(view).toBeVisible();
  // The copy is the base, the open template the head: app-use1 changed (9 → 15 instances), the
  // audit queue removed, the euw1 backup added.
  await expect(view.getByTestId('diff-node-app-use1')).toHaveAttribute('data-mark', 'changed');
  await expect(view.getByTestId('diff-node-backup-euw1')).toHaveAttribute('data-mark', 'added');
  await expect(view.getByTestId('diff-node-audit-queue')).toHaveAttribute('data-mark', 'removed');
  await expect(view.getByTestId('diff-node-app-euw1')).toHaveAttribute('data-mark', 'unchanged');
  await expect(view.getByTestId('diff-topology')).toContainText(
    '~ app-use1 (service)  instances 9 → 15',
  );

  // The figures are the command line's, on the same two files.
  const cli = ninesJson<DesignDiff>('diff', copy, TEMPLATE);
  const rw = cli.variants[0]!.figures.availability.requestWeighted;
  const availability = view.getByTestId('diff-figures').getByRole('row', { name: /^Availability/ });
  await expect(availability).toHaveText(
    `Availability${formatAvailability(rw.before!)} → ${formatAvailability(rw.after!)}`,
  );

  mkdirSync('test-results/screenshots', { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screenshots/diff-view-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // One click opens the base in the editor; the view closes.
  await view.getByTestId('diff-open-base').click();
  await expect(view).toBeHidden();
  await expect(planner.documentName).toBeVisible();
  await expect(planner.node('audit-queue')).toBeVisible();
  expect(planner.errors).toEqual([]);
});
