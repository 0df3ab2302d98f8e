import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { formatAccessLogLine } from '../mesh/telemetry/access-log';

const PRODUCTPAGE_LOGS = '/logs?workload=bookinfo/productpage-v1';

function logRows(page: Page) {
  return page.getByRole('grid', { name: 'Access log' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

/** "12 of 3,456 lines" → [12, 3456]. */
async function lineCounts(page: Page): Promise<[number, number]> {
  const text = (await page.getByText(/^[\d,]+ of [\d,]+ lines/).textContent()) ?? '';
  const [, shown = '', total = ''] = /^([\d,]+) of ([\d,]+) lines/.exec(text) ?? [];
  return [Number(shown.replaceAll(',', '')), Number(total.replaceAll(',', ''))];
}

test('productpage logs show parsed columns, and filter by status class and text', async ({ page }) => {
  test.slow();
  await page.goto(PRODUCTPAGE_LOGS);
  const first = logRows(page).first();
  await expect(first).toBeVisible({ timeout: 45_000 });
  await expect(logRows(page).filter({ hasText: /GET.*\/productpage.*200/ }).first()).toBeVisible();
  await expect(first.getByRole('gridcell')).toHaveCount(10);
  await expect(logRows(page).getByRole('link', { name: /^Traces with request id / }).first()).toHaveAttribute(
    'href',
    /\/traces\?tags=%7B%22guid%3Ax-request-id%22%3A%22[0-9a-f-]+%22%7D&from=\d+&to=\d+/,
  );

  await page.getByRole('button', { name: /^2xx/ }).click();
  await expect(page).toHaveURL(/status=2xx/);
  const [shown2xx, total] = await lineCounts(page);
  expect(shown2xx).toBeGreaterThan(0);
  expect(shown2xx).toBeLessThanOrEqual(total);
  await page.getByRole('button', { name: /^2xx/ }).click();
  await page.getByRole('button', { name: /^5xx/ }).click();
  await expect(logRows(page).filter({ hasText: /\s200\s/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^5xx/ }).click();

  await page.getByRole('searchbox', { name: 'Filter logs' }).fill('/details/0');
  await expect(page).toHaveURL(/q=%2Fdetails%2F0/);
  await expect(logRows(page).first()).toContainText('/details/0');
  const texts = await logRows(page).allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain('/details/0');

  await page.getByRole('button', { name: /regex/ }).click();
  await page.getByRole('searchbox', { name: 'Filter logs' }).fill('/(details');
  await expect(page.getByRole('alert')).toContainText('Not a valid regular expression');
  await page.getByRole('searchbox', { name: 'Filter logs' }).fill('/(details|reviews)/0');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(logRows(page).filter({ hasText: '/productpage ' })).toHaveCount(0);
});

test('follow mode streams new lines as the proxy writes them', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(PRODUCTPAGE_LOGS);
  await expect(logRows(page).first()).toBeVisible({ timeout: 45_000 });
  const follow = page.getByRole('button', { name: 'Follow' });
  await follow.click();
  await expect(page).toHaveURL(/follow=1/);
  await expect(page.getByRole('button', { name: 'Following 1/1' })).toBeVisible({ timeout: 45_000 });
  await expect(logRows(page).first()).toBeVisible({ timeout: 45_000 });
  const [, before] = await lineCounts(page);
  await expect.poll(async () => (await lineCounts(page))[1], { timeout: 45_000 }).toBeGreaterThan(before);
  // Still at the bottom: the newest line is in view.
  const last = page.getByRole('grid', { name: 'Access log' }).getByRole('row').last();
  await expect(last).toBeInViewport();
});

test('50,000 lines from two pods stay a short, smooth list; the oldest past the cap are dropped', async ({ page }) => {
  test.setTimeout(180_000);
  // Each of reviews-v2's two pods answers with 30,000 lines.
  const start = Date.now() - 30 * 60_000;
  const body = (offset: number) =>
    Array.from({ length: 30_000 }, (_, i) =>
      formatAccessLogLine({
        startMs: start + i * 50 + offset,
        method: 'GET',
        path: `/reviews/${i}`,
        protocol: 'HTTP/1.1',
        code: i % 100 === 0 ? 503 : 200,
        flags: i % 100 === 0 ? ['UF', 'URX'] : [],
        bytesReceived: 0,
        bytesSent: 100,
        durationMs: 5,
        requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        upstreamCluster: 'inbound|9080||',
      }),
    ).join('\n');
  let offset = 0;
  await page.route((url) => /\/pods\/[^/]+\/log$/.test(url.pathname), (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: body(offset++ * 25) }));
  await page.goto('/logs?workload=bookinfo/reviews-v2');
  await expect(page.getByText('50,000 of 50,000 lines')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('note')).toContainText('The oldest 10,000 lines were dropped to keep the view at 50,000 lines.');
  await expect(page.getByRole('button', { name: /^UF/ })).toContainText('Upstream connection failure');

  const rendered = await logRows(page).count();
  expect(rendered).toBeLessThan(200);

  // Scroll from the bottom to the top in steps, one per frame, and time the frames.
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector('.log-scroll');
    if (!scroller) throw new Error('no log list');
    const times: number[] = [];
    let last = performance.now();
    for (let top = scroller.scrollHeight; top > 0; top -= scroller.scrollHeight / 120) {
      scroller.scrollTop = top;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  });
  const median = frames[Math.floor(frames.length / 2)] ?? Infinity;
  console.log(`scrolling 50,000 lines: median frame ${median.toFixed(1)} ms, p95 ${frames[Math.floor(frames.length * 0.95)]?.toFixed(1)} ms`);
  // A list that rendered every line would take seconds per frame; the bound leaves room for a busy CI machine.
  expect(median).toBeLessThan(100);
  await expect(logRows(page).first()).toContainText('/reviews/');
});
