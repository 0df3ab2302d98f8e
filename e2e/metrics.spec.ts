import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';

const API_PORT = 7171 + Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);
const PROMETHEUS_FAULT = `http://127.0.0.1:${API_PORT}/admin/faults/prometheus`;
const REVIEWS_VS = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews';
const REVIEWS_INBOUND = '/metrics?kind=service&namespace=bookinfo&name=reviews&direction=inbound';
const CHART_COUNT = 12;

// Charts load lazily and the mock answers a dozen range queries per dashboard; the fault test waits for the simulator.
test.describe.configure({ timeout: 90_000 });
const SCREEN_LOAD = { timeout: 30_000 };

function chart(page: Page, title: string): Locator {
  return page.getByRole('figure', { name: title, exact: true });
}

function legendEntry(figure: Locator, label: string): Locator {
  return figure.getByRole('list', { name: 'Series' }).getByRole('button', { name: label, exact: true });
}

async function expectAllChartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('.ts-chart[data-drawn="true"]')).toHaveCount(CHART_COUNT, { timeout: 45_000 });
}

async function setPrometheusFault(request: APIRequestContext, fault: object): Promise<void> {
  expect((await request.put(PROMETHEUS_FAULT, { data: fault })).status()).toBe(200);
}

test('reviews inbound, grouped by local version: one series per version, and the legend toggles them', async ({ page }) => {
  await page.goto(`${REVIEWS_INBOUND}&by=local_version`);
  await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveValue('local_version', SCREEN_LOAD);
  await expectAllChartsDrawn(page);
  const volume = chart(page, 'Request volume');
  for (const version of ['v1', 'v2', 'v3']) await expect(legendEntry(volume, version)).toBeVisible();
  await expect(legendEntry(chart(page, 'Request duration'), 'p99 · v3')).toBeVisible();

  await legendEntry(volume, 'v2').click();
  await expect(legendEntry(volume, 'v2')).toHaveAttribute('aria-pressed', 'false');
  await expect(legendEntry(volume, 'v1')).toHaveAttribute('aria-pressed', 'true');
  // Outbound of a service does not exist: the page says so instead of showing empty charts.
  await page.getByRole('combobox', { name: 'Direction' }).selectOption('outbound');
  await expect(page.getByText('No outbound metrics for a service')).toBeVisible();
});

test('a fault abort on reviews shows up as 503s when grouped by response code', async ({ page, request }) => {
  test.setTimeout(150_000);
  const original = await request.get(REVIEWS_VS);
  expect(original.status()).toBe(200);
  const service = (await original.json()) as { metadata: Record<string, unknown>; spec: { http: Record<string, unknown>[] } };
  const [first, ...rest] = service.spec.http;
  const faulty = { ...service, spec: { ...service.spec, http: [{ ...first, fault: { abort: { httpStatus: 503, percentage: { value: 50 } } } }, ...rest] } };
  expect((await request.put(REVIEWS_VS, { data: faulty })).status()).toBe(200);
  try {
    // The abort happens in the caller's proxy, so the source reporter is the one that sees it.
    await page.goto(`${REVIEWS_INBOUND}&by=response_code&reporter=source&refresh=5s&range=5m`);
    const volume = chart(page, 'Request volume');
    await expect(legendEntry(volume, '200')).toBeVisible({ timeout: 30_000 });
    await expect(legendEntry(volume, '503')).toBeVisible({ timeout: 75_000 });
    await expect(legendEntry(chart(page, 'Error rate (5xx)'), '503')).toBeVisible();
  } finally {
    const current = (await (await request.get(REVIEWS_VS)).json()) as { metadata: { resourceVersion: string } };
    const restored = { ...service, metadata: { ...service.metadata, resourceVersion: current.metadata.resourceVersion } } as object;
    expect((await request.put(REVIEWS_VS, { data: restored })).status()).toBe(200);
  }
});

test('dragging across a chart fixes the window in the URL, and every chart follows', async ({ page }) => {
  await page.goto(`${REVIEWS_INBOUND}&by=local_version`);
  await expectAllChartsDrawn(page);
  const plot = chart(page, 'Request volume').locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();

  await expect.poll(() => new URL(page.url()).searchParams.get('to') ?? '').toMatch(/^\d+$/);
  const url = new URL(page.url());
  const from = Number(url.searchParams.get('from'));
  const to = Number(url.searchParams.get('to'));
  // 30 % → 60 % of the hour shown.
  expect(to - from).toBeGreaterThan(600);
  expect(to - from).toBeLessThan(1500);
  await expectAllChartsDrawn(page);
  const charts = page.locator('.ts-chart');
  for (let i = 0; i < CHART_COUNT; i += 1) {
    await expect(charts.nth(i)).toHaveAttribute('data-x-min', String(from));
    await expect(charts.nth(i)).toHaveAttribute('data-x-max', String(to));
  }
  // The top bar shows the fixed window and leads back to live.
  await expect(page.getByTestId('time-window')).toBeVisible();
  await page.getByRole('button', { name: 'Back to live time range' }).click();
  await expect(page).not.toHaveURL(/[?&]from=/);
  await expect(page.getByTestId('time-window')).toHaveCount(0);
});

test('a click on a chart opens the traces of that service around that time', async ({ page }) => {
  await page.goto(REVIEWS_INBOUND);
  await expectAllChartsDrawn(page);
  const plot = chart(page, 'Request volume').locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await expect(page).toHaveURL(/\/traces\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('service')).toBe('reviews.bookinfo');
  const from = Number(url.searchParams.get('from'));
  const to = Number(url.searchParams.get('to'));
  expect(to - from).toBe(120);
  expect(Math.abs((from + to) / 2 - (Date.now() / 1000 - 1800))).toBeLessThan(300);
});

test('Prometheus down: one clear message, the page keeps working, and the charts come back by themselves', async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.goto(REVIEWS_INBOUND);
  await expectAllChartsDrawn(page);
  try {
    await setPrometheusFault(request, { kind: 'unavailable', message: 'storage is being compacted' });
    // A new grouping needs new queries, which now fail.
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('remote_service');
    const banner = page.getByRole('alert').filter({ hasText: /Prometheus/ });
    await expect(banner).toHaveCount(1, { timeout: 20_000 });
    await expect(banner).toContainText('storage is being compacted');
    await expect(banner).toContainText('Retrying');
    // The rest of the page still answers.
    await page.getByRole('combobox', { name: 'Reporter' }).selectOption('both');
    await expect(page).toHaveURL(/reporter=both/);

    await setPrometheusFault(request, { kind: 'none' });
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    await expectAllChartsDrawn(page);
    await expect(legendEntry(chart(page, 'Request volume'), 'destination · productpage')).toBeVisible();

    await setPrometheusFault(request, { kind: 'slow', delayMs: 3_000 });
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('response_code');
    await expect(page.getByRole('status').filter({ hasText: /Waiting for Prometheus \(\d+ s\)/ })).toBeVisible();
    await expectAllChartsDrawn(page);
  } finally {
    await setPrometheusFault(request, { kind: 'none' });
  }
});
