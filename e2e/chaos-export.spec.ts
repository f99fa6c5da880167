// Export chaos experiments from the scenario panel: the dialog warns about the missing stop
// alarm as the CLI does, and the ZIP archive it saves holds exactly the files (same paths, same
// text) that `nines export-chaos` writes for the same scenario and flags; screenshot in
// test-results/screenshots/chaos-export-light.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { PlannerPage } from './pages/planner-page';

const CLI = fileURLToPath(new URL('../cli/bin/nines.cjs', import.meta.url));
const TEMPLATE = fileURLToPath(
  new URL('../assets/templates/active-active-2-regions.nines.json', import.meta.url),
);
const ALARM = 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:checkout-5xx';

/** Every file under `dir` as `relative/path` → text. */
function filesUnder(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  return new Map(
    entries.map((e) => {
      const path = join(e.parentPath, e.name);
      return [relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8')];
    }),
  );
}

test('the scenario panel exports the same experiment files as nines export-chaos', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  // Downloads rather than the save picker, which a test cannot answer.
  await planner.useClassicFileDialogs();
  await planner.openTemplate('active-active-2-regions');
  const panel = page.getByTestId('scenario-panel');
  // A click that lands while the template is still being set up can be undone by it: click
  // again only while the panel is not shown (the row toggles scenario mode).
  await expect(async () => {
    if (!(await panel.isVisible())) await page.getByTestId('scenario-row-zone-outage').click();
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await panel.getByTestId('export-chaos').click();
  const dialog = page.getByTestId('chaos-export-dialog');
  await expect(dialog).toBeVisible();
  // Every region is on AWS: FIS is offered first.
  await expect(dialog.getByLabel('Target')).toHaveValue('fis');
  await expect(dialog.getByTestId('chaos-export-warnings')).toContainText(
    'no --stop-alarm: the FIS templates have no stop condition',
  );
  await expect(dialog.getByTestId('chaos-export-summary')).toHaveText(
    /^1\sexperiment in 3\sfiles, with each scenario’s hypothesis\.json and README\.md\.$/,
  );
  await dialog.getByLabel('Stop alarms').fill(ALARM);
  await expect(dialog.getByTestId('chaos-export-warnings')).not.toContainText('no --stop-alarm');
  await expect(dialog.getByTestId('chaos-export-command')).toHaveText(
    `nines export-chaos checkout-active-active-two-regions.nines.json --target fis --variant aa2 --scenario zone-outage --stop-alarm ${ALARM}`,
  );
  await page.screenshot({ path: 'test-results/screenshots/chaos-export-light.png' });
  // The dialog passes axe's critical and serious rules (labels, contrast, names).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="chaos-export-dialog"]')
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export ZIP…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('checkout-active-active-two-regions-aa2-chaos-fis.zip');
  await expect(dialog).toContainText('Exported');
  const zipPath = join(mkdtempSync(join(tmpdir(), 'nines-chaos-e2e-')), 'export.zip');
  await file.saveAs(zipPath);
  const archive = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const top = 'checkout-active-active-two-regions-aa2-chaos-fis/';
  const fromApp = new Map(
    Object.entries(archive).map(([path, bytes]) => {
      expect(path.startsWith(top), path).toBe(true);
      return [path.slice(top.length), strFromU8(bytes)];
    }),
  );

  const out = mkdtempSync(join(tmpdir(), 'nines-chaos-cli-'));
  execFileSync(process.execPath, [
    CLI,
    'export-chaos',
    TEMPLATE,
    '--target',
    'fis',
    '--variant',
    'aa2',
    '--scenario',
    'zone-outage',
    '--stop-alarm',
    ALARM,
    '--out',
    out,
  ]);
  const fromCli = filesUnder(out);
  expect([...fromApp.keys()].sort()).toEqual([
    'README.md',
    'aa2/zone-outage/fis-use1.json',
    'aa2/zone-outage/hypothesis.json',
  ]);
  expect([...fromApp.keys()].sort()).toEqual([...fromCli.keys()].sort());
  for (const [path, text] of fromCli) expect(fromApp.get(path), path).toBe(text);
  expect(planner.errors).toEqual([]);
});
