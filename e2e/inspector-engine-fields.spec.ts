// The inspector's fields for routers with instances and planned maintenance (issue 20, parts 4
// and 5): a regional load balancer made a pair of instances stops being a single point of
// failure; a datastore's maintenance window shows the availability without planned maintenance
// beside the headline figure, and clearing the window removes it. Screenshots of both groups go
// to test-results/screenshots/.
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor-page';

test('router instances and a maintenance window, edited in the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1400 });
  const editor = new EditorPage(page);
  await editor.openTemplate('single-region-3az');
  const spofs = page.getByTestId('spofs');
  await expect(spofs).toContainText('ALB us-east-1');

  // A regional router: instances, needed and the address failover time (under Routing).
  await editor.node('lb-use1').click();
  await editor.setField('instances', '2');
  await expect(editor.fieldInput('instances')).toHaveValue('2');
  await expect(spofs).not.toContainText('ALB us-east-1');
  await expect(editor.field('failoverSeconds')).toBeVisible();
  await expect(editor.fieldInput('failoverSeconds')).toHaveAttribute('placeholder', /3/);
  await editor.field('failoverSeconds').scrollIntoViewIfNeeded();
  await editor.inspector.screenshot({ path: 'test-results/screenshots/inspector-router-pair.png' });

  // A datastore's maintenance: 4 h, 12 a year (the first value), the whole node.
  await editor.node('redis-use1').click();
  const unplanned = page.getByTestId('metric-availability-unplanned');
  await expect(unplanned).toHaveCount(0);
  await editor.setField('maintenance-windowMinutes', '4 h');
  await expect(editor.fieldInput('maintenance-perYear')).toHaveValue('12');
  await expect(unplanned).toBeVisible();
  await expect(spofs).toContainText('planned maintenance');
  const group = page.getByTestId('maintenance');
  await group.scrollIntoViewIfNeeded();
  await group.screenshot({ path: 'test-results/screenshots/inspector-maintenance.png' });
  await editor.setField('maintenance-rolling', 'yes');
  await expect(spofs).not.toContainText('planned maintenance');
  await editor.setField('maintenance-windowMinutes', '');
  await expect(unplanned).toHaveCount(0);
  await expect(editor.fieldInput('maintenance-perYear')).toHaveCount(0);
  expect(editor.errors).toEqual([]);
});
