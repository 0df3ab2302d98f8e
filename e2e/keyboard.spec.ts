import { expect, test } from '@playwright/test';
import { dataRows, row } from './helpers';

test('move through a list with the keyboard and open a row with Enter', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await expect(row(page, 'Workloads', /^reviews-v3/)).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Workloads' });
  await grid.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const second = (await dataRows(page, 'Workloads').nth(1).locator('[role=gridcell]').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: second.trim() })).toBeVisible();

  // With the panel open, the cursor carries the selection along.
  await page.keyboard.press('ArrowDown');
  const third = (await dataRows(page, 'Workloads').nth(2).locator('[role=gridcell]').first().textContent()) ?? '';
  await expect(panel.getByRole('heading', { name: third.trim() })).toBeVisible();
});

test('"g" then a key jumps between screens and keeps the namespace', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await expect(row(page, 'Workloads', /^reviews-v1/)).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/config\?ns=bookinfo$/);
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/\/services\?ns=bookinfo$/);
});

test('"n" opens the namespace picker; Enter shows only the highlighted namespace', async ({ page }) => {
  await page.goto('/workloads');
  await expect(row(page, 'Workloads', /^reviews-v1/)).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('online');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ns=online-shop/);
  await expect(page.getByRole('button', { name: 'Namespace: online-shop' })).toBeVisible();
});
