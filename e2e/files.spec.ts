// Not losing work in the web build: Save and Open round trip, the recovery copy after a crash,
// Save / Don't save / Cancel before unsaved changes are replaced, the browser's prompt on closing
// a tab with unsaved changes, and Save over a file another program changed.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NinesDocument } from '../shared/model/types';
import { parseDocumentText } from '../shared/schema/parse';
import { serializeDocument } from '../shared/schema/serialize';
import { decodeRecoveryCopy, encodeRecoveryCopy } from '../renderer/src/app/recovery';
import {
  installHostStore,
  leaveRecoveryCopy,
  readPrivateFile,
  readRecoveryCopy,
  usePrivateFileSystemPickers,
  writePrivateFile,
} from './pages/host-storage';
import { PlannerPage } from './pages/planner-page';

const VALID = fileURLToPath(new URL('./fixtures/two-regions.nines.json', import.meta.url));
const INVALID = fileURLToPath(new URL('./fixtures/invalid.nines.json', import.meta.url));

function load(path: string): NinesDocument {
  const parsed = parseDocumentText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.document;
}

const template = (stem: string) =>
  load(fileURLToPath(new URL(`../assets/templates/${stem}.nines.json`, import.meta.url)));
const SINGLE = template('single-region-3az');
const THREE = template('active-active-3-regions');
const FIXTURE = load(VALID);

/** The work a crashed session left: the three-region template, renamed. */
const UNSAVED: NinesDocument = { ...THREE, name: 'Checkout — edited before the crash' };
const CRASH_COPY = encodeRecoveryCopy({
  fileName: 'checkout.nines.json',
  writtenAtMs: Date.UTC(2026, 10, 26, 7, 30),
  text: serializeDocument(UNSAVED),
});

/** Starts on the start screen with a recovery copy left behind, and restores it: unsaved work. */
async function restoreUnsavedWork(page: Page): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await planner.openStart();
  await leaveRecoveryCopy(page, CRASH_COPY);
  await page.reload();
  const offer = page.getByTestId('recovery-dialog');
  await expect(offer).toContainText('Restore the unsaved changes to checkout.nines.json from');
  // The safe answer has the focus: Enter restores, it never discards.
  await expect(offer.getByRole('button', { name: 'Restore' })).toBeFocused();
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  await expect(planner.documentName).toHaveText(UNSAVED.name);
  await expect(page).toHaveTitle(`• ${UNSAVED.name} — Nines`);
  return planner;
}

/** Opens the fixture file from the start screen, then the single-region template over it. */
async function openFixtureThenTemplate(page: Page): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await planner.openStart();
  await planner.openFile(VALID);
  await expect(planner.documentName).toHaveText(FIXTURE.name);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByTestId('template-single-region-3az').click();
  await expect(planner.documentName).toHaveText(SINGLE.name);
  return planner;
}

test.describe('with the classic file dialogs', () => {
  test.beforeEach(async ({ page }) => {
    await new PlannerPage(page).useClassicFileDialogs();
    await installHostStore(page);
  });

  test('Save writes the document as it is, and Open reads it back the same', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.openTemplate('single-region-3az');
    await expect(page).toHaveTitle(`${SINGLE.name} — Nines`);
    // A template has no file yet: its name is the one Save suggests, the slug of the document's.
    await expect(
      page.getByText('checkout-single-region-three-zones.nines.json · not saved'),
    ).toBeVisible();

    // Save asks where (in a browser, a download).
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('checkout-single-region-three-zones.nines.json');
    const text = readFileSync(await saved.path(), 'utf8');
    expect(text).toBe(serializeDocument(SINGLE));
    await planner.expectSavedAs('checkout-single-region-three-zones.nines.json');

    await planner.openStart();
    await planner.openFile(await saved.path());
    await expect(planner.documentName).toHaveText(SINGLE.name);
    await expect(planner.nodesOfKind('zone')).toHaveCount(
      SINGLE.variants[0]?.nodes.filter((n) => n.kind === 'zone').length ?? -1,
    );
    await expect(page).toHaveTitle(`${SINGLE.name} — Nines`);

    // Save As always asks, even for a document that has a file; the text is the same again.
    const again = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+S');
    expect(readFileSync(await (await again).path(), 'utf8')).toBe(text);
    expect(planner.errors).toEqual([]);
  });

  test('the File menu saves as, and reopens recent files', async ({ page }) => {
    const planner = await openFixtureThenTemplate(page);

    const menu = page.getByRole('menu', { name: 'File' });
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await expect(menu).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    await page.getByRole('button', { name: 'File', exact: true }).click();
    const download = page.waitForEvent('download');
    await menu.getByRole('menuitem', { name: /Save As/ }).click();
    expect((await download).suggestedFilename()).toBe(
      'checkout-single-region-three-zones.nines.json',
    );
    await expect(menu).toBeHidden();
    // The download starts before the save is over (the recent files are written after it): the
    // file's name without "not saved" says it is over, so the menu below reads the new list.
    await planner.expectSavedAs('checkout-single-region-three-zones.nines.json');

    // From the keyboard: the menu opens on its first item; End goes to the oldest recent file.
    await page.getByRole('button', { name: 'File', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitem')).toHaveCount(5); // Save As, Compare with, Import and two recent files
    await expect(menu.getByRole('menuitem', { name: /Save As/ })).toBeFocused();
    await page.keyboard.press('End');
    const oldest = menu.getByRole('menuitem', { name: /two-regions\.nines\.json/ });
    await expect(oldest).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(planner.documentName).toHaveText(FIXTURE.name);
    await expect(planner.nodesOfKind('region')).toHaveCount(2);
    expect(planner.errors).toEqual([]);
  });

  test('recent files list a file once, and never one that did not open', async ({ page }) => {
    // Issue 17: the same file opened twice was listed twice, and a refused one was listed too.
    const planner = await openFixtureThenTemplate(page);
    // The host lists a file before the window shows it: once the window shows it, it is listed.
    await planner.openFile(VALID);
    await expect(planner.documentName).toHaveText(FIXTURE.name);
    await planner.openFile(INVALID);
    await expect(planner.problemsDialog).toBeVisible();
    await planner.problemsDialog.getByRole('button', { name: 'OK' }).click();

    const menu = page.getByRole('menu', { name: 'File' });
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await expect(menu.getByRole('menuitem', { name: /two-regions\.nines\.json/ })).toHaveCount(1);
    await expect(menu.getByRole('menuitem', { name: /invalid\.nines\.json/ })).toHaveCount(0);
    await expect(menu.getByRole('menuitem')).toHaveCount(4); // Save As, Compare with, Import and the one recent file
    expect(planner.errors).toEqual([]);
  });

  test('an edit is in the recovery copy within 2 s and survives a crash', async ({
    page,
    context,
  }) => {
    const planner = new PlannerPage(page);
    const installedAt = Date.now();
    await page.clock.install({ time: installedAt });
    await planner.openTemplate('single-region-3az');
    // "Within 2 s" is the page's time, not the machine's: from here the page's clock moves only
    // when the test moves it, so a busy machine makes the test slower, never the copy late. The
    // clock can only pause ahead of its time; it has run no longer than this test may, however
    // slow the steps before were, so the end of the test's time is always ahead (an hour when
    // run with no timeout, to debug).
    await page.clock.pauseAt(installedAt + (test.info().timeout || 3_600_000));
    // Selecting is not an edit: no copy.
    await planner.node(SINGLE.variants[0]?.nodes[0]?.id ?? '').click();
    await page.clock.runFor(2000);
    expect(await readRecoveryCopy(page)).toBeNull();

    await planner.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await planner.fieldInput('documentName').fill('Checkout — renamed');
    await planner.fieldInput('documentName').press('Enter');
    await expect(page).toHaveTitle('• Checkout — renamed — Nines');
    await page.clock.runFor(2000);
    // The copy is on its way (the write itself is the browser's storage, not a timer).
    await expect
      .poll(async () => decodeRecoveryCopy((await readRecoveryCopy(page)) ?? '').text)
      .toBe(serializeDocument({ ...SINGLE, name: 'Checkout — renamed' }));
    // The clock is the context's: the next page runs on time as it flows.
    await page.clock.resume();

    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    const restarted = new PlannerPage(next);
    await restarted.useClassicFileDialogs();
    await next.goto('./');
    const offer = next.getByTestId('recovery-dialog');
    await expect(offer).toContainText(
      'Restore the unsaved changes to checkout-renamed.nines.json from',
    );
    await offer.getByRole('button', { name: 'Restore' }).click();
    await expect(restarted.documentName).toHaveText('Checkout — renamed');
    await expect(next).toHaveTitle('• Checkout — renamed — Nines');
    expect([...planner.errors, ...restarted.errors]).toEqual([]);
  });

  test('after a crash the unsaved changes are offered at the next start and restored', async ({
    page,
    context,
  }) => {
    // The copy a session before this one left: restoring it makes unsaved work in this one.
    await restoreUnsavedWork(page);
    // This session protects the restored work with its own copy (at once: restoring is not an
    // edit that waits; the 2 s promise for edits is the test above, on the page's clock).
    await expect
      .poll(async () => decodeRecoveryCopy((await readRecoveryCopy(page)) ?? '').text)
      .toBe(serializeDocument(UNSAVED));

    // A crash: the tab goes without running beforeunload.
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    const planner = new PlannerPage(next);
    await planner.useClassicFileDialogs();
    await installHostStore(next);
    await next.goto('./');
    const offer = next.getByTestId('recovery-dialog');
    await expect(offer).toContainText('Restore the unsaved changes to checkout.nines.json from');
    await offer.getByRole('button', { name: 'Restore' }).click();
    await expect(planner.documentName).toHaveText(UNSAVED.name);
    await expect(planner.nodesOfKind('region')).toHaveCount(3);
    await expect(next).toHaveTitle(`• ${UNSAVED.name} — Nines`);

    // Saving makes the copy unnecessary: it is cleared, and the next start offers nothing.
    const download = next.waitForEvent('download');
    await next.keyboard.press('Control+s');
    expect((await download).suggestedFilename()).toBe('checkout.nines.json');
    await expect(next).toHaveTitle(`${UNSAVED.name} — Nines`);
    await expect.poll(() => readRecoveryCopy(next)).toBeNull();
    await next.reload();
    await expect(planner.gallery).toBeVisible();
    await expect(next.getByTestId('recovery-dialog')).toHaveCount(0);
    expect(planner.errors).toEqual([]);
  });

  test('a recovery copy that does not parse lists its problems and downloads as it is', async ({
    page,
  }) => {
    const planner = new PlannerPage(page);
    await planner.openStart();
    const damaged = '{"format": "nines/1", "name": "Half written", "variants": [';
    await leaveRecoveryCopy(page, damaged);
    await page.reload();
    const offer = page.getByTestId('recovery-dialog');
    await expect(offer).toContainText('cannot be opened');
    await expect(offer.getByRole('listitem')).not.toHaveCount(0);
    await expect(offer.getByRole('button', { name: 'Restore' })).toHaveCount(0);

    // Escape does not make it go away unanswered.
    await page.keyboard.press('Escape');
    await expect(offer).toBeVisible();

    const download = page.waitForEvent('download');
    await offer.getByRole('button', { name: 'Download the copy' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('recovered-untitled.nines.json');
    expect(readFileSync(await saved.path(), 'utf8')).toBe(damaged);
    expect(await readRecoveryCopy(page)).toBe(damaged);

    await offer.getByRole('button', { name: 'Discard' }).click();
    await expect(offer).toHaveCount(0);
    expect(await readRecoveryCopy(page)).toBeNull();
  });

  test('New and Open ask before unsaved changes are replaced', async ({ page }) => {
    const planner = await restoreUnsavedWork(page);
    const question = page.getByTestId('discard-dialog');

    // New, a template, then Cancel: the work stays, the gallery too.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const gallery = page.getByRole('dialog', { name: 'New from template' });
    await gallery.getByTestId('template-single-region-3az').click();
    await expect(question).toContainText(`Save the changes to “${UNSAVED.name}”?`);
    await expect(question.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toHaveCount(0);
    await expect(gallery).toBeVisible();
    await gallery.getByRole('button', { name: 'Close' }).click();
    await expect(planner.documentName).toHaveText(UNSAVED.name);

    // Open, a file, then Escape: the same.
    await planner.openFile(VALID);
    await expect(question).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(planner.documentName).toHaveText(UNSAVED.name);

    // Open, then Save: the work is saved first, then the file opens.
    await planner.openFile(VALID);
    const download = page.waitForEvent('download');
    await question.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await download;
    expect(readFileSync(await saved.path(), 'utf8')).toBe(serializeDocument(UNSAVED));
    await expect(planner.documentName).toHaveText(FIXTURE.name);
    await expect(page).toHaveTitle(`${FIXTURE.name} — Nines`);
    expect(planner.errors).toEqual([]);
  });

  test("Don't save lets the unsaved changes go, with their recovery copy", async ({ page }) => {
    const planner = await restoreUnsavedWork(page);
    await expect.poll(() => readRecoveryCopy(page)).not.toBeNull();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByTestId('template-single-region-3az').click();
    await page.getByTestId('discard-dialog').getByRole('button', { name: 'Don’t save' }).click();
    await expect(planner.documentName).toHaveText(SINGLE.name);
    await expect(page).toHaveTitle(`${SINGLE.name} — Nines`);
    await expect.poll(() => readRecoveryCopy(page)).toBeNull();
  });

  test('closing a tab with unsaved changes asks the browser to confirm', async ({ page }) => {
    await restoreUnsavedWork(page);
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const prompt = await dialog;
    expect(prompt.type()).toBe('beforeunload');
    await prompt.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(page.getByTestId('document-name')).toHaveText(UNSAVED.name);
  });
});

test('Save over a file another program changed asks: Overwrite, or Save as a copy', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await usePrivateFileSystemPickers(page, {
    openName: 'plan.nines.json',
    saveName: 'copy.nines.json',
  });
  await planner.openStart();
  const original = readFileSync(VALID, 'utf8');
  await writePrivateFile(page, 'plan.nines.json', original);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(planner.documentName).toHaveText(FIXTURE.name);
  const ours = serializeDocument(FIXTURE);

  // Unchanged on disk: Save writes without asking.
  await page.keyboard.press('Control+s');
  await expect.poll(() => readPrivateFile(page, 'plan.nines.json')).toBe(ours);

  const theirs = serializeDocument({ ...FIXTURE, name: 'Changed by someone else' });
  const question = page.getByTestId('changed-on-disk-dialog');
  const changeOnDisk = async () => {
    await page.waitForTimeout(20); // a later modification time than Nines' own write
    await writePrivateFile(page, 'plan.nines.json', theirs);
  };

  await changeOnDisk();
  await page.keyboard.press('Control+s');
  await expect(question).toContainText('“plan.nines.json” was changed by another program');
  await expect(question).toContainText(
    'Save as a copy keeps both versions. Overwrite replaces the other program’s version with this document.',
  );
  await expect(question.getByRole('button', { name: 'Save as a copy…' })).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(await readPrivateFile(page, 'plan.nines.json')).toBe(theirs);

  await page.keyboard.press('Control+s');
  await question.getByRole('button', { name: 'Overwrite' }).click();
  await expect.poll(() => readPrivateFile(page, 'plan.nines.json')).toBe(ours);

  await changeOnDisk();
  await page.keyboard.press('Control+s');
  await question.getByRole('button', { name: 'Save as a copy…' }).click();
  await expect.poll(() => readPrivateFile(page, 'copy.nines.json')).toBe(ours);
  expect(await readPrivateFile(page, 'plan.nines.json')).toBe(theirs);
  await expect(page.getByText('copy.nines.json', { exact: true })).toBeVisible();
  expect(planner.errors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the questions that protect work fit at ${size.width}×${size.height} in the ${colorScheme} theme`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await installHostStore(page);
      const shot = (name: string) =>
        page.screenshot({
          path: `test-results/screenshots/${name}-${size.width}x${size.height}-${colorScheme}.png`,
        });
      const fits = async (dialog: Locator) => {
        const box = await dialog.boundingBox();
        if (!box) throw new Error('the dialog is not shown');
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      };
      const planner = await restoreUnsavedWork(page);
      await expect(planner.nodesOfKind('region')).toHaveCount(3);
      await shot('restored');
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByTestId('template-single-region-3az').click();
      const question = page.getByTestId('discard-dialog');
      await fits(question);
      await shot('discard');
      await question.getByRole('button', { name: 'Cancel' }).click();
      await page
        .getByRole('dialog', { name: 'New from template' })
        .getByRole('button', {
          name: 'Close',
        })
        .click();

      // A damaged copy at the next start: its problems are listed in the dialog.
      await leaveRecoveryCopy(page, '{"format": "nines/1", "name": "Half written", "variants": [');
      await page.close({ runBeforeUnload: false });
      const next = await page.context().newPage();
      await next.setViewportSize(size);
      await next.emulateMedia({ colorScheme });
      await next.goto('./');
      const offer = next.getByTestId('recovery-dialog');
      await expect(offer).toContainText('cannot be opened');
      await fits(offer);
      await next.screenshot({
        path: `test-results/screenshots/damaged-recovery-${size.width}x${size.height}-${colorScheme}.png`,
      });
      expect(planner.errors).toEqual([]);
    });
  }
}
