import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const API_PORT = 7171 + Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);

async function setJaegerFault(page: Page, fault: Record<string, unknown>): Promise<void> {
  const response = await page.request.put(`http://127.0.0.1:${API_PORT}/admin/faults/jaeger`, { data: fault });
  expect(response.ok()).toBe(true);
}

/** The services of a row's ancestors, nearest first, read from the tree's levels. */
async function ancestry(page: Page, service: string): Promise<string[]> {
  const rows = await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').evaluateAll((items) =>
    items.map((item) => ({ level: Number(item.getAttribute('aria-level')), service: item.querySelector('.waterfall-service')?.textContent ?? '' })),
  );
  const index = rows.findIndex((row) => row.service === service);
  expect(index, `a ${service} span in the waterfall`).toBeGreaterThan(0);
  const chain: string[] = [];
  let level = rows[index]!.level;
  for (let i = index - 1; i >= 0; i--) {
    if (rows[i]!.level < level) {
      chain.push(rows[i]!.service);
      level = rows[i]!.level;
    }
  }
  return chain;
}

test('search productpage traces over a minimum duration and follow one through reviews to ratings', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/traces');
  await page.getByLabel('Service').fill('productpage.bookinfo');
  await page.getByLabel('Min duration').fill('30');
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByRole('alert', { name: 'Search problems' })).toContainText('minDuration: use a number with a unit like 100ms or 1.5s');

  await page.getByLabel('Min duration').fill('30ms');
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/service=productpage\.bookinfo/);
  await expect(page).toHaveURL(/minDuration=30ms/);
  const results = page.getByRole('list', { name: 'Traces' }).getByRole('listitem');
  await expect(results.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'Trace durations over time' })).toBeVisible();
  const durations = await page.locator('.trace-result-duration').allTextContents();
  for (const text of durations) expect(text, 'every result lasts at least 30ms').toMatch(/^(\d{2,}(\.\d+)?ms|\d+(\.\d+)?s|\d+m.*)$/);

  await results.filter({ hasText: 'ratings.bookinfo' }).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}$/);
  const waterfall = page.getByRole('tree', { name: 'Spans' });
  await expect(waterfall.getByRole('treeitem').first()).toBeVisible();
  const chain = await ancestry(page, 'ratings.bookinfo');
  expect(chain.indexOf('reviews.bookinfo')).toBeGreaterThanOrEqual(0);
  expect(chain.indexOf('productpage.bookinfo')).toBeGreaterThan(chain.indexOf('reviews.bookinfo'));

  // A proxy span leads to its workload and to the request's lines in that pod's access log.
  await waterfall.getByRole('treeitem').filter({ has: page.locator('.waterfall-service', { hasText: /^ratings\.bookinfo$/ }) }).last().click();
  await expect(page).toHaveURL(/[?&]span=[0-9a-f]{16}/);
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('link', { name: 'Open workload' })).toHaveAttribute('href', '/workloads/bookinfo/ratings-v1');
  const logs = details.getByRole('link', { name: 'Open logs' });
  await expect(logs).toHaveAttribute('href', /^\/workloads\/bookinfo\/ratings-v1\?tab=logs&q=[0-9a-f-]{36}&pod=ratings-v1-/);

  // Collapsing reviews hides ratings.
  const reviewsRow = waterfall.getByRole('treeitem').filter({ has: page.locator('.waterfall-service', { hasText: /^reviews\.bookinfo$/ }) }).first();
  await reviewsRow.getByRole('button', { name: 'Collapse' }).click();
  await expect(waterfall.locator('.waterfall-service', { hasText: /^ratings\.bookinfo$/ })).toHaveCount(0);
  await reviewsRow.getByRole('button', { name: 'Expand' }).click();
  await expect(waterfall.locator('.waterfall-service', { hasText: /^ratings\.bookinfo$/ })).toHaveCount(1);
});

test('when Jaeger fails the search says so, the form keeps working, and results come back by themselves', async ({ page }) => {
  test.setTimeout(60_000);
  try {
    await setJaegerFault(page, { kind: 'unavailable', message: 'trace storage is down' });
    await page.goto('/traces?service=reviews.bookinfo');
    const banner = page.getByRole('alert').filter({ hasText: 'Jaeger failed to search traces' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('trace storage is down');

    // The form still validates and searches.
    await page.getByLabel('Max duration').fill('soon');
    await page.getByRole('button', { name: 'Find traces' }).click();
    await expect(page.getByRole('alert', { name: 'Search problems' })).toContainText('maxDuration: use a number with a unit');
    await page.getByLabel('Max duration').fill('5s');
    await page.getByRole('button', { name: 'Find traces' }).click();
    await expect(page).toHaveURL(/maxDuration=5s/);

    await setJaegerFault(page, { kind: 'none' });
    await expect(page.getByRole('list', { name: 'Traces' }).getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
    await expect(banner).toHaveCount(0);
  } finally {
    await setJaegerFault(page, { kind: 'none' });
  }
});

test('a trace Jaeger does not have says so', async ({ page }) => {
  await page.goto('/traces/0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('heading', { name: 'Trace not found' })).toBeVisible({ timeout: 15_000 });
});
