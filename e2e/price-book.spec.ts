// The price book in the app (issue 19): a template prices completely from the core book with the
// dates of the prices it uses, and the inspector flags an instance type the book does not know.
import { expect, test } from '@playwright/test';
import { PlannerPage } from './pages/planner-page';

test('the three-region template prices completely and shows the dates of its prices', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-3-regions');
  const cost = page.getByTestId('metric-monthly-cost');
  // shared/engine/cost/cost.test.ts pins this total ($7,401.83) and its sources.
  await expect(cost).toContainText('$7,402 / month');
  await expect(cost).not.toContainText('≥');
  await expect(page.locator('.metric__detail').filter({ hasText: 'prices as of' })).toContainText(
    'the prices used are dated 2017-05-31 to 2026-09-20',
  );
  expect(planner.errors).toEqual([]);
});

test('the inspector lists the region’s instance types and flags one the book does not know', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.openTemplate('active-active-3-regions');
  await planner.node('app-euw1').click();
  const field = planner.inspector.getByLabel('Instance type');
  await field.click();
  // The catalog's eu-west-1 types, with vCPU, memory and price (m7i.large: $0.1124/h there).
  await expect(page.getByText('2 vCPU · 8 GiB · $0.1124/h')).toBeVisible();
  await field.fill('m99.huge');
  await field.press('Enter');
  await expect(page.getByTestId('custom-instanceType')).toHaveText(
    'not in the price book · unpriced',
  );
  await expect(page.getByTestId('metric-monthly-cost')).toContainText('≥');
});
