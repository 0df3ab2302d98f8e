import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { row } from './helpers';

const API_PORT = 7171 + Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);
const PROMETHEUS_FAULT = `http://127.0.0.1:${API_PORT}/admin/faults/prometheus`;

function card(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test('open reviews-v1 from the workloads list: pods, proxy status and the config that applies', async ({ page }) => {
  await page.goto('/workloads?ns=bookinfo');
  await row(page, 'Workloads', /^reviews-v1/).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await panel.getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/workloads\/bookinfo\/reviews-v1\?ns=bookinfo$/);
  await expect(page.getByRole('heading', { name: 'reviews-v1', level: 1 })).toBeVisible();

  await expect(card(page, 'Pods').getByRole('row')).toHaveCount(1);
  await expect(card(page, 'Pods')).toContainText(/reviews-v1-\S+\s*Running/);
  await expect(card(page, 'Proxy status')).toContainText('istio-proxy ready');
  const config = card(page, 'Config that applies');
  await expect(config.getByRole('link', { name: 'reviews', exact: true })).toHaveCount(2);
  await expect(config).toContainText('VirtualService');
  await expect(config).toContainText('DestinationRule');
  await expect(card(page, 'Health')).toContainText(/Requests\s*\d+(\.\d+)? \/s/);
  await expect(card(page, 'Related').getByRole('link', { name: 'reviews', exact: true }).first()).toHaveAttribute('href', /\/services\/bookinfo\/reviews/);
});

test('tabs switch and are kept in the URL; a service has no outbound tab', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/workloads/bookinfo/reviews-v1');
  await page.getByRole('tab', { name: 'Logs' }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/tab=logs/);
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('grid', { name: 'Access log' }).getByRole('row').filter({ hasText: 'GET' }).first()).toBeVisible({ timeout: 45_000 });

  await page.getByRole('tab', { name: 'Inbound metrics' }).click();
  await expect(page).toHaveURL(/tab=inbound/);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');

  await page.goto('/services/bookinfo/reviews');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('tab')).toHaveText(['Overview', 'Inbound metrics', 'Traces', 'Logs']);
  await expect(card(page, 'Related')).toContainText('reviews-v1');
  await expect(card(page, 'Related')).toContainText('reviews-v3');
});

test('a workload that does not exist says so and leads back', async ({ page }) => {
  await page.goto('/workloads/bookinfo/reviews-v9');
  await expect(page.getByRole('heading', { name: 'No workload reviews-v9 in bookinfo' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the workloads' }).click();
  await expect(page).toHaveURL(/\/workloads$/);
});

test('with Prometheus down the health card and metrics tab say so while the rest works, then recover', async ({ page }) => {
  test.setTimeout(120_000);
  const set = async (fault: object) => expect((await page.request.put(PROMETHEUS_FAULT, { data: fault })).ok()).toBe(true);
  try {
    await set({ kind: 'unavailable', message: 'Prometheus is down for maintenance' });
    await page.goto('/workloads/bookinfo/reviews-v1');
    const health = card(page, 'Health');
    await expect(health.getByRole('alert')).toContainText('Prometheus unreachable: Prometheus is down for maintenance', { timeout: 20_000 });
    // The rest of the page does not depend on Prometheus.
    await expect(card(page, 'Proxy status')).toContainText('istio-proxy ready');
    await expect(card(page, 'Config that applies')).toContainText('VirtualService');

    await page.getByRole('tab', { name: 'Inbound metrics' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Prometheus unreachable' }).first()).toBeVisible({ timeout: 45_000 });

    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByRole('grid', { name: 'Access log' }).getByRole('row').filter({ hasText: 'GET' }).first()).toBeVisible({ timeout: 45_000 });

    await page.getByRole('tab', { name: 'Overview' }).click();
    await set({ kind: 'none' });
    // No reload: the card polls and recovers by itself.
    await expect(health).toContainText(/Requests\s*\d+(\.\d+)? \/s/, { timeout: 40_000 });
    await expect(health.getByRole('alert')).toHaveCount(0);
  } finally {
    await set({ kind: 'none' });
  }
});
