// Issue 25, done when: a small design (region, zone, service, datastore, one edge, one scenario)
// is built and its plan exported with the keyboard only. No mouse call anywhere in this file:
// every step is a key press (Tab to reach a control, Enter, the editor's keys), and after each one
// the focus is on something a person can see, never lost on the page's body.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlannerPage } from './pages/planner-page';

const INVALID = fileURLToPath(new URL('./fixtures/invalid.nines.json', import.meta.url));

/** Tab presses allowed to reach a control: more than the window has between any two. */
const MAX_TABS = 120;

/** What has the focus, for a failure message. */
function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = document.activeElement;
    if (!at || at === document.body) return 'the body (focus lost)';
    const name = at.getAttribute('aria-label') ?? at.textContent?.trim().slice(0, 40) ?? '';
    return `${at.tagName.toLowerCase()} "${name}"`;
  });
}

/**
 * The focused element shows that it has the focus: an outline (`:focus-visible`), a ring drawn
 * as a box shadow, or a background of its own that differs from what it has unfocused is left to
 * the theme; here an outline or a shadow is required, and the body never counts.
 */
async function expectFocusVisible(page: Page): Promise<void> {
  const seen = await page.evaluate(() => {
    const at = document.activeElement;
    if (!(at instanceof HTMLElement) || at === document.body) return 'lost';
    const style = getComputedStyle(at);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const hasRing = style.boxShadow !== 'none';
    return hasOutline || hasRing
      ? 'visible'
      : `no focus indicator on ${at.outerHTML.slice(0, 120)}`;
  });
  expect(seen).toBe('visible');
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus stays visible. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectFocusVisible(page);
      return;
    }
  }
  throw new Error(
    `${MAX_TABS} × ${key} never reached the control; focus on ${await focusedDescription(page)}`,
  );
}

/** Selects a node by name with Ctrl+F, Enter, Escape: the focus ends on the node. */
async function findNode(planner: PlannerPage, name: string, id: string): Promise<void> {
  const { page } = planner;
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('node-search')).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(planner.node(id).locator('.is-selected')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-search')).toHaveCount(0);
  await expect(planner.node(id)).toBeFocused();
  await expectFocusVisible(page);
}

test('build a small design and export its plan with the keyboard only', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.useClassicFileDialogs();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await planner.openStart();
  const said = page.getByTestId('canvas-announcement');

  // An empty document from the start screen.
  await tabTo(page, page.getByTestId('template-empty'));
  await page.keyboard.press('Enter');
  await expect(planner.canvas).toBeVisible();

  // Region, zone, service and datastore from the palette: each goes into the selected
  // container (the zone into the region, the service and the datastore into the zone).
  const added: [string, string][] = [
    ['region', 'Selected region-1, region.'],
    ['zone', 'Selected zone-1 (region-1), zone.'],
    ['service', 'Selected app-1 (zone-1), service.'],
    ['datastore', 'Selected db-1 (zone-1), datastore.'],
  ];
  for (const [kind, sentence] of added) {
    await tabTo(page, page.getByTestId(`palette-${kind}`));
    await page.keyboard.press('Enter');
    await expect(said).toHaveText(sentence);
  }

  // M: the datastore moves out of the zone into the region, chosen from the valid containers.
  await page.keyboard.press('m');
  const moveMenu = page.getByTestId('move-menu');
  await expect(moveMenu.getByRole('menuitem')).toHaveText([
    'into Region region-1',
    'outside every region',
  ]);
  await expect(moveMenu.getByRole('menuitem').first()).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(moveMenu).toHaveCount(0);
  await expect(said).toHaveText('Moved db-1 into Region region-1.');
  await expect(planner.node('db-1')).toHaveAttribute(
    'aria-label',
    /^Datastore db-1 \(region-1\), 1\sinstance, 1 needed$/,
  );
  await expect(planner.node('db-1')).toBeFocused();
  await expectFocusVisible(page);

  // C: the service depends on the datastore.
  await findNode(planner, 'app-1', 'app-1');
  await page.keyboard.press('c');
  const connectMenu = page.getByTestId('connect-menu');
  await expect(connectMenu.getByRole('menuitem')).toHaveText(['depends on db-1 (region-1)']);
  await page.keyboard.press('Enter');
  await expect(said).toHaveText('Connected: app-1 (zone-1) depends on db-1 (region-1).');
  await expect(planner.edges).toHaveCount(1);
  await expect(planner.node('app-1')).toBeFocused();

  // Ctrl+Shift+arrows: the region grows 10 px a press, by its right and bottom edges.
  await findNode(planner, 'region-1', 'region-1');
  const region = planner.node('region-1');
  const sizeOf = () =>
    region.evaluate((el) => [parseFloat(el.style.width), parseFloat(el.style.height)]);
  const [width, height] = await sizeOf();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowDown');
  await expect.poll(sizeOf).toEqual([(width ?? NaN) + 20, (height ?? NaN) + 10]);
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute(
    'title',
    /^Undo resize/,
  );

  // One scenario, from the results' Add scenario form: the datastore fails.
  await tabTo(page, page.getByTestId('add-scenario'));
  await page.keyboard.press('Enter');
  const form = page.getByTestId('add-scenario-form');
  await tabTo(page, form.getByLabel('Kind'));
  await page.keyboard.type('Component');
  await expect(form.getByLabel('Kind')).toHaveValue('component-failure');
  await page.keyboard.press('Tab');
  await page.keyboard.type('db-1');
  await tabTo(page, form.getByRole('button', { name: 'Add' }));
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('results')).toContainText('db-1');
  await expectFocusVisible(page);

  // A finding's fix, applied from the keyboard: one undo step named as the fix.
  const finding = page
    .getByTestId('findings')
    .locator('li.finding')
    .filter({ has: page.getByRole('button', { name: 'Apply' }) })
    .first();
  const fix = (await finding.locator('.finding__fix-label').textContent()) ?? '';
  expect(fix).not.toBe('');
  await tabTo(page, finding.getByRole('button', { name: 'Apply' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute(
    'title',
    new RegExp(`^Undo ${fix.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  await expectFocusVisible(page);

  // Ctrl+E: the plan dialog; Tab to Export PDF, Enter: the PDF is downloaded.
  const opener = await focusedDescription(page);
  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('plan-dialog');
  const exportPdf = dialog.getByRole('button', { name: 'Export PDF' });
  await expect(exportPdf).toBeEnabled();
  await tabTo(page, exportPdf);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/contingency-plan\.pdf$/);
  const bytes = readFileSync((await file.path()) as string);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await focusedDescription(page)).toBe(opener);
  await expectFocusVisible(page);
  expect(planner.errors).toEqual([]);
});

/**
 * Each dialog, opened from the keyboard on a focused opener and closed with Escape (the browser
 * gives the focus back on its own then) or by an answer that unmounts it (the app does).
 */
const dialogs: {
  name: string;
  opener: (page: Page) => Locator;
  /** Opens it with the opener focused (default: Enter). */
  open?: (page: Page) => Promise<void>;
  /** The file the file chooser the opener shows is answered with. */
  chosenFile?: string;
  dialog: (page: Page) => Locator;
  /** Closes it (default: Escape). */
  close?: (page: Page) => Promise<void>;
}[] = [
  {
    name: 'plan dialog',
    opener: (page) => page.getByRole('button', { name: 'Plan', exact: true }),
    dialog: (page) => page.getByTestId('plan-dialog'),
  },
  {
    name: 'template gallery',
    opener: (page) => page.getByRole('button', { name: 'New', exact: true }),
    dialog: (page) => page.getByTestId('template-gallery'),
  },
  {
    name: 'template gallery, a template chosen',
    opener: (page) => page.getByRole('button', { name: 'New', exact: true }),
    dialog: (page) => page.getByTestId('template-gallery'),
    close: async (page) => {
      await tabTo(page, page.getByTestId('template-single-region-3az'));
      await page.keyboard.press('Enter');
    },
  },
  {
    name: 'shortcut sheet (from a node, with ?)',
    opener: (page) => page.locator('.react-flow__node[data-id="app-use1"]'),
    open: (page) => page.keyboard.press('?'),
    dialog: (page) => page.getByTestId('shortcut-sheet'),
  },
  {
    name: 'help documentation (from the Help menu)',
    opener: (page) => page.getByRole('button', { name: 'Help', exact: true }),
    open: async (page) => {
      await page.keyboard.press('Enter');
      const item = page.getByRole('menuitem', { name: /Documentation/ });
      await expect(item).toBeFocused();
      await page.keyboard.press('Enter');
    },
    dialog: (page) => page.getByTestId('help-docs'),
  },
  {
    name: 'problems dialog (a file that does not parse)',
    opener: (page) => page.getByRole('button', { name: 'Open', exact: true }),
    chosenFile: INVALID,
    dialog: (page) => page.getByTestId('problems-dialog'),
  },
];

for (const { name, opener, open, chosenFile, dialog, close } of dialogs) {
  test(`the focus goes back to the opener when the ${name} closes`, async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.useClassicFileDialogs();
    if (chosenFile) planner.answerFileChooserWith(chosenFile);
    await planner.openTemplate('active-active-2-regions');
    if (name.startsWith('shortcut sheet')) await findNode(planner, 'app-use1', 'app-use1');
    else await tabTo(page, opener(page));
    await expect(opener(page)).toBeFocused();
    if (open) await open(page);
    else await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await expectFocusVisible(page);
    if (close) await close(page);
    else await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(opener(page)).toBeFocused();
    await expectFocusVisible(page);
    expect(planner.errors).toEqual([]);
  });
}
