// File → Import → Terraform JSON…: the report (mapped, assumed, inferred, skipped, warnings)
// before the design opens, an assumption that opens the design at its node, and a refused file
// that leaves the open document as it was.
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlannerPage } from './pages/planner-page';

const STATE = fileURLToPath(
  new URL('../shared/import/terraform/__fixtures__/two-region-state.json', import.meta.url),
);

async function importFile(planner: PlannerPage, path: string): Promise<void> {
  const { page } = planner;
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('menu', { name: 'File' })
    .getByRole('menuitem', { name: 'Terraform JSON…' })
    .click();
  await (await chooser).setFiles(path);
}

test('imports a Terraform state: the report first, then the design at the assumed node', async ({
  page,
}, info) => {
  const planner = new PlannerPage(page);
  await planner.openStart();
  await importFile(planner, STATE);

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Import two-region-state.json' })).toBeVisible();
  const summary = report.getByLabel('Summary');
  for (const [label, value] of [
    ['Mapped', '24'],
    ['Assumed', '5'],
    ['Inferred', '2'],
    ['Skipped', '2'],
    ['Warnings', '2'],
  ] as const) {
    await expect(summary.getByText(label, { exact: true }).locator('xpath=..')).toContainText(
      value,
    );
  }
  await expect(report.getByLabel('Inferred')).toContainText('asg-app-use1 → redis-use1');
  await expect(report.getByLabel('Warnings')).toContainText('manual-region-promotion');
  await expect(report.getByLabel('Skipped')).toContainText('aws_iam_role ×1');
  // The design is not open yet: the start screen is still there behind the report.
  await expect(planner.gallery).toBeAttached();
  await page.screenshot({ path: info.outputPath('import-report.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('import-report-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(report.getByRole('checkbox', { name: /standard drills/ })).toBeChecked();

  await report.getByRole('button', { name: /asg-app-use1\.minHealthy/ }).click();
  await expect(report).toBeHidden();
  await planner.waitForFittedView();
  await expect(planner.documentName).toContainText(
    'Imported from terraform state (terraform 1.9.8)',
  );
  await expect(planner.nodesOfKind('region')).toHaveCount(2);
  await expect(planner.node('asg-app-use1')).toHaveClass(/selected/);
  // The node's notes carry its Terraform address and the assumption.
  await expect(planner.inspector.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    /tf: aws_autoscaling_group\.app_use1.*assumed minHealthy = 4/,
  );
  // The standard drills came with it: the region outages are evaluated at once.
  await expect(page.getByText('Region outage (us-east-1)').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('imported-design.png') });
  expect(planner.errors).toEqual([]);
});

test('a file that is not show-json output is refused and nothing opens', async ({ page }, info) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('single-region-3az');
  const path = info.outputPath('v2.json');
  writeFileSync(path, '{"format_version": "2.0", "values": {}}');
  await importFile(planner, path);
  await expect(planner.problemsDialog).toContainText('Cannot import v2.json');
  await expect(planner.problemsDialog).toContainText(
    'unsupported terraform JSON format_version "2.0"',
  );
  await planner.problemsDialog.getByRole('button', { name: 'OK' }).click();
  await expect(planner.nodesOfKind('region')).toHaveCount(1);
  expect(planner.errors).toEqual([]);
});
