// Issue 25: no critical or serious axe-core violation in any view or dialog, light and dark.
// axe-core (through @axe-core/playwright) checks the page as it stands after each view settled;
// a failure names every rule with the elements it found, so the fix can start from the message.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installHostStore, leaveRecoveryCopy } from './pages/host-storage';
import { PlannerPage } from './pages/planner-page';
import { encodeRecoveryCopy } from '../renderer/src/app/recovery';

const INVALID = fileURLToPath(new URL('./fixtures/invalid.nines.json', import.meta.url));
const VALID = fileURLToPath(new URL('./fixtures/two-regions.nines.json', import.meta.url));

/** The impacts that fail the check: axe's two highest. */
const FAILING_IMPACTS = new Set(['critical', 'serious']);
/**
 * The page's structure, moderate in axe's terms but part of issue 25 too: one `main`, one `h1`,
 * banners never nested, every content in a landmark.
 */
const STRUCTURE_RULES = new Set([
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
  'landmark-complementary-is-top-level',
  'page-has-heading-one',
  'region',
]);

/** Runs axe over the whole page and fails with each critical or serious rule and its targets. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations.filter(
    (v) => FAILING_IMPACTS.has(v.impact ?? '') || STRUCTURE_RULES.has(v.id),
  );
  const report = failing.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help}\n` +
      v.nodes
        .slice(0, 12)
        .map(
          (n) =>
            `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`,
        )
        .join('\n'),
  );
  expect(
    failing,
    `${view}: critical, serious or structure axe violations\n${report.join('\n')}`,
  ).toEqual([]);
}

/** Each view or dialog, reached as a person would, from a fresh page. */
const views: { name: string; open: (planner: PlannerPage) => Promise<void> }[] = [
  {
    name: 'editor with a node selected (inspector, results, findings)',
    open: async (planner) => {
      await planner.openTemplate('active-active-3-regions');
      await planner.node('app-use1').click();
      await expect(planner.node('app-use1')).toHaveClass(/\bselected\b/);
      await expect(planner.page.getByTestId('findings-count')).not.toHaveText('Findings (…)');
    },
  },
  {
    name: 'scenario what-if',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      await planner.node('use1').click({ button: 'right', position: { x: 30, y: 10 } });
      const menu = planner.page.getByTestId('what-if-menu');
      await menu.getByRole('menuitem', { name: /^Region outage/ }).click();
      await expect(planner.page.getByTestId('scenario-panel')).toContainText('What if:');
    },
  },
  {
    name: 'what-if menu',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      await planner.node('use1').click({ button: 'right', position: { x: 30, y: 10 } });
      await expect(
        planner.page.getByTestId('what-if-menu').getByRole('menuitem').first(),
      ).toBeVisible();
    },
  },
  {
    name: 'keyboard connect menu',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      await planner.node('app-use1').click();
      await planner.page.keyboard.press('c');
      await expect(
        planner.page.getByTestId('connect-menu').getByRole('menuitem').first(),
      ).toBeFocused();
    },
  },
  {
    name: 'compare',
    open: async (planner) => {
      await planner.page.goto('./?template=ha-options&view=compare');
      await expect(planner.page.getByTestId('scenario-matrix')).toBeVisible();
    },
  },
  {
    name: 'template gallery',
    open: async (planner) => {
      await planner.openStart();
    },
  },
  {
    name: 'plan dialog',
    open: async (planner) => {
      await planner.openTemplate('warm-standby-2-regions');
      await planner.page.getByRole('button', { name: 'Plan', exact: true }).click();
      const dialog = planner.page.getByTestId('plan-dialog');
      await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
    },
  },
  {
    name: 'problems dialog',
    open: async (planner) => {
      await planner.useClassicFileDialogs();
      await planner.openTemplate('warm-standby-2-regions');
      await planner.openFile(INVALID);
      await expect(planner.problemsDialog).toBeVisible();
    },
  },
  {
    name: 'inspector of the document (nothing selected)',
    open: async (planner) => {
      await planner.openTemplate('active-active-3-regions');
      await expect(planner.inspector).toBeVisible();
    },
  },
  {
    name: 'findings with a fix previewed',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      const findings = planner.page.getByTestId('findings');
      const preview = findings.getByRole('button', { name: 'Preview' }).first();
      await preview.click();
      await expect(findings.getByTestId('finding-preview')).toBeVisible();
    },
  },
  {
    name: 'sensitivity',
    open: async (planner) => {
      await planner.openTemplate('warm-standby-2-regions');
      const panel = planner.page.getByTestId('sensitivity');
      await panel.locator('summary').click();
      await expect(panel.getByTestId('improve-first').locator('li').first()).toBeVisible();
      await expect(panel.getByTestId('sensitivity-progress')).toHaveCount(0);
    },
  },
  {
    name: 'Monte Carlo',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      const panel = planner.page.getByTestId('simulation');
      await panel.getByRole('button', { name: 'Simulate' }).click();
      await expect(panel.getByTestId('simulation-histogram')).toBeVisible();
    },
  },
  {
    name: 'sensitivity opened wide',
    open: async (planner) => {
      await planner.openTemplate('warm-standby-2-regions');
      const panel = planner.page.getByTestId('sensitivity');
      await panel.locator('summary').click();
      await planner.page
        .getByRole('button', { name: 'Open wide: Sensitivity · improve this first' })
        .click();
      const wide = planner.page.getByTestId('sensitivity-wide');
      await expect(wide.getByTestId('improve-first').locator('li').first()).toBeVisible();
    },
  },
  {
    name: 'theme menu',
    open: async (planner) => {
      await planner.openTemplate('active-active-2-regions');
      await planner.page.getByRole('button', { name: /^Theme: / }).focus();
      await planner.page.keyboard.press('Enter');
      await expect(planner.page.getByRole('menuitemradio').first()).toBeFocused();
    },
  },
  {
    name: 'a variant tab being renamed (F2)',
    open: async (planner) => {
      await planner.openTemplate('ha-options');
      const tab = planner.page.getByRole('tab', { selected: true });
      await tab.focus();
      await planner.page.keyboard.press('F2');
      await expect(planner.page.getByRole('textbox', { name: 'Variant name' })).toBeFocused();
    },
  },
  {
    name: 'recovery dialog',
    open: async (planner) => {
      await installHostStore(planner.page);
      await planner.openStart();
      await leaveRecoveryCopy(
        planner.page,
        encodeRecoveryCopy({
          fileName: 'checkout.nines.json',
          writtenAtMs: Date.UTC(2026, 10, 26, 7, 30),
          text: readFileSync(VALID, 'utf8'),
        }),
      );
      await planner.page.reload();
      await expect(planner.page.getByTestId('recovery-dialog')).toBeVisible();
    },
  },
];

// Each view is opened once and checked in the light theme, then in the dark one: the themes are
// CSS only (`light-dark()` on the system's colour scheme, transitions off with reduced motion),
// so the page turns dark as it stands, as it does when the system's setting changes.
for (const view of views) {
  test(`axe: ${view.name}, light and dark themes`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const planner = new PlannerPage(page);
    await view.open(planner);
    await expectNoSeriousViolations(page, `${view.name} (light)`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expect.poll(background).not.toBe(light);
    await expectNoSeriousViolations(page, `${view.name} (dark)`);
    expect(planner.errors).toEqual([]);
  });
}

// More contrast (`prefers-contrast: more`) in either theme, and a theme chosen in the app over the
// system's: the editor with a node selected, the view with the most kinds of text and border.
const editor = views[0];
for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: ${editor?.name ?? ''}, more contrast, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce', contrast: 'more' });
    const planner = new PlannerPage(page);
    await editor?.open(planner);
    await expectNoSeriousViolations(page, `more contrast (${colorScheme})`);
    expect(planner.errors).toEqual([]);
  });
  const chosen = colorScheme === 'light' ? 'dark' : 'light';
  test(`axe: ${editor?.name ?? ''}, ${chosen} chosen in the app over a ${colorScheme} system`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.addInitScript((theme) => localStorage.setItem('nines.theme.v1', theme), chosen);
    const planner = new PlannerPage(page);
    await editor?.open(planner);
    await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
    await expectNoSeriousViolations(page, `${chosen} over ${colorScheme}`);
    expect(planner.errors).toEqual([]);
  });
}
