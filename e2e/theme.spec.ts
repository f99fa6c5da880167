// Issue 25: the theme chosen in the app (as the system, light or dark) overrides the system's,
// is remembered across a reload, and is chosen from the keyboard like every other menu.
import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './pages/planner-page';

/** The page's background colour as drawn: the theme actually in force. */
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a theme chosen from the keyboard overrides the system’s and is remembered', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-2-regions');
  const light = await background(page);
  const button = page.getByRole('button', { name: /^Theme: / });
  await expect(button).toHaveAccessibleName('Theme: As the system');

  // Focus the menu's button from the keyboard, open it, go down to Dark, choose it.
  await button.focus();
  await page.keyboard.press('Enter');
  const system = page.getByRole('menuitemradio', { name: 'As the system' });
  await expect(system).toBeFocused();
  await expect(system).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(button).toHaveAccessibleName('Theme: Dark');
  await expect(button).toBeFocused();
  const dark = await background(page);
  expect(dark).not.toBe(light);

  // The system's light setting does not win over the choice, and a reload keeps it.
  await page.reload();
  await expect(planner.canvas).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(dark);

  // Back to the system's: it follows the system again, both ways.
  await button.focus();
  await page.keyboard.press('Enter');
  // The menu focuses its first item when it has opened (a toggle event, a task later).
  await expect(page.getByRole('menuitemradio').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(system).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background(page)).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(dark);
  expect(planner.errors).toEqual([]);
});
