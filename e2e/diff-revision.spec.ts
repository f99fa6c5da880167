// File › Compare with git revision…, the desktop app's comparison of the open file with its
// version at a git revision. Electron cannot run here, so the page gets a stand-in for the
// desktop host (`window.nines`, the preload's object) that answers the contract as main does:
// the file arrives as one the operating system asked to open (so it has a handle), and
// `readRevision` knows HEAD only. Main's side (git show on a real repository) is covered by
// electron/main/services/documents.test.ts.
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlannerPage } from './pages/planner-page';

const TEMPLATE = readFileSync(
  fileURLToPath(new URL('../assets/templates/active-active-2-regions.nines.json', import.meta.url)),
  'utf8',
);
/** The file as committed at HEAD: app-use1 had 12 instances (15 in the working file). */
const AT_HEAD = TEMPLATE.replace('"instances": 15', '"instances": 12');

test('Compare with git revision… diffs the open file against HEAD, and says why another revision fails', async ({
  page,
}) => {
  expect(AT_HEAD).not.toBe(TEMPLATE);
  await page.addInitScript(
    ([working, atHead]) => {
      const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
      const file = { fileId: 'file-1', name: 'checkout.nines.json', text: working };
      (window as unknown as { nines: unknown }).nines = {
        kind: 'desktop',
        openFile: () => ok(null),
        openRecent: () => ok(file),
        listRecent: () => ok([]),
        saveFile: () => ok(null),
        exportFile: () => ok(null),
        setDirty: () => ok(undefined),
        writeRecovery: () => ok(undefined),
        readRecovery: () => ok(null),
        clearRecovery: () => ok(undefined),
        onMenuCommand: () => () => undefined,
        onFileOpened: (listener: (f: typeof file) => void) => {
          setTimeout(() => listener(file), 0);
          return () => undefined;
        },
        readRevision: ({ ref }: { fileId: string; ref: string }) =>
          ref === 'HEAD'
            ? ok({ name: 'checkout.nines.json', ref, commit: '3f2a9c1', text: atHead })
            : Promise.resolve({
                ok: false,
                code: 'not-found',
                message: `Cannot compare with checkout.nines.json at ${ref}: no commit "${ref}" in this repository.`,
              }),
      };
    },
    [TEMPLATE, AT_HEAD] as const,
  );
  const planner = new PlannerPage(page);
  await page.goto('./');
  await expect(planner.canvas).toBeVisible();
  const fileName = page.locator('.toolbar__doc-file');
  await expect(fileName).toHaveText('checkout.nines.json');

  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Compare with git revision…' }).click();
  const dialog = page.getByTestId('revision-dialog');
  await expect(dialog).toBeVisible();
  const revision = dialog.getByRole('textbox', { name: 'Revision' });
  await expect(revision).toBeFocused();

  // A revision git does not know: the dialog says so and stays open.
  await revision.fill('HEAD~3');
  await revision.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Cannot compare with checkout.nines.json at HEAD~3: no commit "HEAD~3" in this repository.',
  );
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/diff-revision-dialog.png' });

  await dialog.getByRole('button', { name: 'HEAD', exact: true }).click();
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await expect(dialog).toBeHidden();
  const view = page.getByTestId('diff-view');
  await expect(view).toBeVisible();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(
    'checkout.nines.json at HEAD (3f2a9c1) → checkout.nines.json',
  );
  await expect(view.getByTestId('diff-node-app-use1')).toHaveAttribute('data-mark', 'changed');
  await expect(view.getByTestId('diff-topology')).toContainText(
    '~ app-use1 (service)  instances 12 → 15',
  );
  await page.screenshot({ path: 'test-results/screenshots/diff-revision-view.png' });

  // The revision opens as a new, unsaved copy named after it.
  await view.getByTestId('diff-open-base').click();
  await expect(view).toBeHidden();
  await expect(fileName).toHaveText('checkout (HEAD).nines.json · not saved');
  expect(planner.errors).toEqual([]);
});
