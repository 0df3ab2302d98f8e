import { expect, test } from '@playwright/test';
import { SECURED_CONSOLE_URL } from '../playwright.config';
import { expectConnected, pickNamespace, row } from './helpers';

test('the theme toggle switches theme and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/workloads');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('the theme follows the system until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/workloads');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('namespace, time range and refresh live in the URL: reload and navigation keep them', async ({ page }) => {
  await page.goto('/workloads');
  await expectConnected(page);
  await pickNamespace(page, 'bookinfo');
  await page.getByRole('combobox', { name: 'Time range' }).selectOption('3h');
  await page.getByRole('combobox', { name: 'Refresh interval' }).selectOption('10s');
  await expect(page).toHaveURL(/ns=bookinfo/);
  await expect(page).toHaveURL(/range=3h/);
  await expect(page).toHaveURL(/refresh=10s/);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Namespace: bookinfo' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('3h');
  await expect(page.getByRole('combobox', { name: 'Refresh interval' })).toHaveValue('10s');

  await page.getByRole('link', { name: 'Services' }).click();
  await expect(page).toHaveURL(/\/services\?.*ns=bookinfo/);
  await expect(row(page, 'Services', /^productpage/)).toBeVisible();
});

test('several namespaces can be selected at once', async ({ page }) => {
  await page.goto('/workloads');
  await page.getByRole('button', { name: /^Namespace:/ }).click();
  await page.getByRole('option', { name: /^bookinfo/ }).locator('.ns-check').click();
  await page.getByRole('option', { name: /^online-shop/ }).locator('.ns-check').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Namespace: bookinfo, online-shop' })).toBeVisible();
  await expect(page).toHaveURL(/ns=bookinfo%2Conline-shop|ns=bookinfo,online-shop/);
  await expect(row(page, 'Workloads', /^reviews-v1/)).toBeVisible();
  await expect(row(page, 'Workloads', /^frontend/)).toBeVisible();
  await expect(row(page, 'Workloads', /^istiod/)).toHaveCount(0);
});

test('screens still to be built say what they will do', async ({ page }) => {
  await page.goto('/canary');
  await expect(page.getByRole('heading', { name: 'Canary', level: 1 })).toBeVisible();
  await expect(page.getByText(/shift traffic between versions/i).first()).toBeVisible();
  await expect(page.getByText(/coming soon/i)).toHaveCount(0);
});

test('when the API cannot be reached the console says so, retries on request, and recovers by itself', async ({ page }) => {
  let refused = 0;
  await page.route('**/k8s/**', (route) => {
    refused += 1;
    return route.abort('connectionrefused');
  });
  await page.goto('/workloads');
  await expect(page.getByRole('status').filter({ hasText: 'API unreachable' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot reach the Kubernetes API at /k8s' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('kubectl proxy');

  const before = refused;
  await alert.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => refused).toBeGreaterThan(before);

  await page.unroute('**/k8s/**');
  await expectConnected(page);
  await expect(alert).toBeHidden();
  await expect(row(page, 'Workloads', /^reviews-v1/)).toBeVisible();
});

test('an API that answers 401 asks for a bearer token, rejects a bad one and accepts a good one', async ({ page }) => {
  await page.goto(`${SECURED_CONSOLE_URL}/workloads?ns=bookinfo`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to the Kubernetes API' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('kubectl create token');

  await dialog.getByLabel('Bearer token').fill('not-a-valid-token');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toContainText('rejected the token');

  await dialog.getByLabel('Bearer token').fill('meshdeck-admin-token');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Workloads', /^reviews-v2/)).toBeVisible();

  await page.reload();
  await expect(row(page, 'Workloads', /^reviews-v2/)).toBeVisible();
  await expect(dialog).toBeHidden();
});
