import { expect, test } from '@playwright/test';
import { dataRows, pickNamespace, row, rowWithCell, table } from './helpers';

const CONFIG = 'Istio configuration';

test('pick bookinfo, filter VirtualServices, open reviews and read its YAML', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Istio Config' }).click();
  await pickNamespace(page, 'bookinfo');
  await expect(page).toHaveURL(/\/config\?.*ns=bookinfo/);
  await expect(row(page, CONFIG, 'reviews').first()).toBeVisible();
  await expect(dataRows(page, CONFIG).filter({ hasText: 'online-shop' })).toHaveCount(0);

  const chip = page.getByRole('button', { name: /^VirtualService/ });
  const chipCount = Number((await chip.locator('.chip-count').textContent()) ?? 'NaN');
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/kind=virtualservices\.networking\.istio\.io/);
  await expect(dataRows(page, CONFIG)).toHaveCount(chipCount);
  for (const kind of await dataRows(page, CONFIG).locator('[role=gridcell]:first-child').allTextContents()) {
    expect(kind).toBe('VirtualService');
  }

  await rowWithCell(page, CONFIG, 'reviews').getByRole('link', { name: 'reviews', exact: true }).click();
  await expect(page).toHaveURL(/\/config\/virtualservices\.networking\.istio\.io\/bookinfo\/reviews/);
  await expect(page.getByRole('heading', { name: 'reviews', level: 1 })).toBeVisible();
  const yaml = page.getByLabel(/VirtualService bookinfo\/reviews \(read-only\)/).last();
  await expect(yaml).toContainText('kind: VirtualService');
  await expect(yaml).toContainText('host: reviews');
  await expect(yaml).toContainText('subset: v3');
  await expect(page.getByText('Resource version')).toBeVisible();

  await page.getByRole('link', { name: 'Istio Config' }).first().click();
  await expect(page).toHaveURL(/ns=bookinfo/);
});

test('"/" focuses the name filter, which narrows the list and lives in the URL', async ({ page }) => {
  await page.goto('/config?ns=bookinfo');
  await expect(row(page, CONFIG, 'ratings-viewer')).toBeVisible();
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
  await page.keyboard.type('ratings');
  await expect(page).toHaveURL(/q=ratings/);
  await expect(row(page, CONFIG, 'ratings-viewer')).toBeVisible();
  await expect(dataRows(page, CONFIG).filter({ hasText: 'productpage' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue('ratings');
  await page.getByRole('searchbox', { name: 'Filter' }).fill('no-such-thing-anywhere');
  await expect(table(page, CONFIG)).toContainText('No objects match');
});

test('a config object created or deleted elsewhere shows up and goes away without reload', async ({ page, request }) => {
  const name = `e2e-watch-${Date.now()}`;
  const collection = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/destinationrules';
  await page.goto('/config?ns=bookinfo&kind=destinationrules.networking.istio.io');
  await expect(row(page, CONFIG, 'reviews')).toBeVisible();

  const created = await request.post(collection, {
    data: { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace: 'bookinfo' }, spec: { host: 'ratings' } },
  });
  expect(created.status()).toBe(201);
  await expect(row(page, CONFIG, name)).toBeVisible();
  await expect(row(page, CONFIG, name)).toContainText('ratings');

  expect((await request.delete(`${collection}/${name}`)).ok()).toBe(true);
  await expect(row(page, CONFIG, name)).toHaveCount(0);
});

test('a missing object says so and leads back to the list', async ({ page }) => {
  await page.goto('/config/virtualservices.networking.istio.io/bookinfo/does-not-exist');
  await expect(page.getByText('VirtualService bookinfo/does-not-exist does not exist')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Istio config' }).click();
  await expect(page).toHaveURL(/\/config$/);
});
