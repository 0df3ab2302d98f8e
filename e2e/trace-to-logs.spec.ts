import { expect, test } from '@playwright/test';

test('from a productpage span, open the logs of its pod with the request id in view', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/traces');
  await page.getByLabel('Service').fill('productpage.bookinfo');
  await page.getByRole('button', { name: 'Find traces' }).click();
  const results = page.getByRole('list', { name: 'Traces' }).getByRole('listitem');
  await expect(results.first()).toBeVisible({ timeout: 45_000 });
  await results.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);

  const waterfall = page.getByRole('tree', { name: 'Spans' });
  await waterfall
    .getByRole('treeitem')
    .filter({ has: page.locator('.waterfall-service', { hasText: /^productpage\.bookinfo$/ }) })
    .first()
    .click();
  const details = page.getByRole('complementary', { name: 'Details' });
  const openLogs = details.getByRole('link', { name: 'Open logs' });
  const href = (await openLogs.getAttribute('href')) ?? '';
  const requestId = new URL(href, 'http://console').searchParams.get('q') ?? '';
  expect(requestId, 'the link carries the request id').toMatch(/^[0-9a-f-]{36}$/);
  await openLogs.click();

  await expect(page).toHaveURL(/\/workloads\/bookinfo\/productpage-v1\?.*tab=logs/);
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: 'Filter logs' })).toHaveValue(requestId);
  const grid = page.getByRole('grid', { name: 'Access log' });
  const lines = grid.getByRole('row').filter({ has: page.getByRole('link', { name: `Traces with request id ${requestId}` }) });
  await expect(lines.first()).toBeVisible({ timeout: 60_000 });
  await expect(lines.first()).toContainText(/GET\/\S*/);
  // Each line shown is this request's: its id links to the trace search for it.
  const ids = await grid
    .getByRole('link', { name: /^Traces with request id / })
    .evaluateAll((links) => links.map((link) => link.getAttribute('aria-label')));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toBe(`Traces with request id ${requestId}`);
});
