import { expect, test } from '@playwright/test';
import { dataRows, pickNamespace, row } from './helpers';

const WORKLOADS = 'Workloads';

test('see the reviews versions with their ready pods and sidecars', async ({ page }) => {
  await page.goto('/workloads');
  await pickNamespace(page, 'bookinfo');
  for (const [name, pods] of [['reviews-v1', '1/1'], ['reviews-v2', '2/2'], ['reviews-v3', '1/1']] as const) {
    const workload = row(page, WORKLOADS, new RegExp(`^${name}`));
    await expect(workload).toBeVisible();
    await expect(workload).toContainText(pods);
    await expect(workload).toContainText('sidecar');
    await expect(workload).toContainText(name.slice(-2));
  }
  await expect(dataRows(page, WORKLOADS).filter({ hasText: 'online-shop' })).toHaveCount(0);
});

test('filter the workloads by text, kept in the URL', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await expect(row(page, WORKLOADS, /^productpage-v1/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('reviews');
  await expect(page).toHaveURL(/q=reviews/);
  await expect(dataRows(page, WORKLOADS)).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Filter' }).fill('version=v2');
  await expect(dataRows(page, WORKLOADS)).toHaveCount(1);
  await expect(row(page, WORKLOADS, /^reviews-v2/)).toBeVisible();
});

test('open a workload to see its pods and containers; Escape closes it', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await row(page, WORKLOADS, /^reviews-v2/).click();
  await expect(page).toHaveURL(/sel=Deployment%2Fbookinfo%2Freviews-v2/);
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: 'reviews-v2' })).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Pods' }).getByRole('row')).toHaveCount(2);
  await expect(panel).toContainText('examples-bookinfo-reviews-v2');

  await page.reload();
  await expect(panel.getByRole('heading', { name: 'reviews-v2' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/sel=/);
});

test('sort by a column from its header', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await expect(row(page, WORKLOADS, /^reviews-v3/)).toBeVisible();
  const header = page.getByRole('columnheader', { name: 'Name', exact: true });
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-name/);
  await expect(dataRows(page, WORKLOADS).first()).toContainText('reviews-v3');
});
