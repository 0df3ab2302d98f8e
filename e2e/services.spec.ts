import { expect, test } from '@playwright/test';
import { row } from './helpers';

test('a service shows the versions behind it and the config that routes to it', async ({ page }) => {
  await page.goto('/services?ns=bookinfo');
  const reviews = row(page, 'Services', /^reviews/);
  await expect(reviews).toContainText('9080/TCP');
  await expect(reviews).toContainText('4/4');
  for (const version of ['v1', 'v2', 'v3']) await expect(reviews).toContainText(version);
  await expect(reviews).toContainText('VS');
  await expect(reviews).toContainText('DR');

  await reviews.click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('table', { name: 'Pods' }).getByRole('row')).toHaveCount(4);
  await panel.getByRole('listitem').getByRole('link', { name: 'reviews' }).first().click();
  await expect(page).toHaveURL(/\/config\/(virtualservices|destinationrules)\.networking\.istio\.io\/bookinfo\/reviews/);
  await expect(page.getByRole('heading', { name: 'reviews', level: 1 })).toBeVisible();
});
