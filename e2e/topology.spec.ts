import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

test.describe.configure({ timeout: 150_000 });

const API_PORT = 7171 + Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);
const RATINGS_VS = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/ratings';
/** A short window, so that a config change weighs quickly in the rates. */
const GRAPH = '/topology?ns=bookinfo&range=5m';

/** A graph node by what it stands for: "reviews v2" matches the versioned app node and the reviews-v2 workload. */
function graphNode(page: Page, app: string, version?: string): Locator {
  const name = version ? new RegExp(`\\b${app}[ -]${version}$`) : new RegExp(`\\b${app}$`);
  return page.getByTestId('topology-canvas').getByRole('group', { name });
}

/** Edges into the node whose id matches `target` (ids such as `versionedApp:bookinfo/ratings/v1`). */
function edgeLabelMatching(page: Page, target: RegExp): Locator {
  return page.getByRole('group', { name: new RegExp(`to \\S*${target.source}$`) });
}

async function openGraph(page: Page, query = ''): Promise<void> {
  await page.goto(GRAPH + query);
  // The first layout loads ELK in a worker, which takes a while on a busy machine.
  await expect(graphNode(page, 'productpage', 'v1')).toBeVisible({ timeout: 90_000 });
}

async function clickEdge(edge: Locator): Promise<void> {
  await edge.locator('.topology-edge-hit').click({ force: true });
}

test('the demo graph shows bookinfo, reviews v1, v2 and v3, with live rates', async ({ page }) => {
  await openGraph(page);
  for (const version of ['v1', 'v2', 'v3']) await expect(graphNode(page, 'reviews', version)).toBeVisible();
  await expect(graphNode(page, 'ratings', 'v1')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible();

  const intoReviews = edgeLabelMatching(page, /reviews[/-]v2/).first();
  await clickEdge(intoReviews);
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.locator('.facts-row', { hasText: 'Request rate' })).toContainText(/\d rps/);
  // The selected edge's label is drawn on the canvas.
  await expect(page.locator('.topology-edge-label').first()).toContainText(/rps/);
  await expect(page).toHaveURL(/sel=/);
});

test('a VirtualService fault shows as a badge within two refreshes, then turns the edge red with FI in the panel', async ({ page, request }) => {
  test.setTimeout(300_000);
  const original = await (await request.get(RATINGS_VS)).json();
  const http = original.spec.http.map((route: object, index: number) =>
    index === 0 ? { ...route, fault: { abort: { httpStatus: 503, percentage: { value: 100 } } } } : route,
  );
  try {
    await openGraph(page);
    const ratings = graphNode(page, 'ratings', 'v1');
    await expect(ratings.locator('.topology-badge', { hasText: 'FI' })).toHaveCount(0);
    const patched = await request.patch(RATINGS_VS, { data: { spec: { http } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(patched.status()).toBe(200);

    const refresh = page.getByRole('button', { name: 'Refresh graph' });
    let shown = false;
    for (let attempt = 0; attempt < 2 && !shown; attempt += 1) {
      await refresh.click();
      shown = await ratings
        .locator('.topology-badge', { hasText: 'FI' })
        .waitFor({ state: 'attached', timeout: 15_000 })
        .then(() => true, () => false);
    }
    expect(shown, 'the FI badge appears on ratings within two refreshes').toBe(true);

    // The simulator aborts every call to ratings from now on; within a 5-minute window the errors pass
    // Kiali's failure tolerance after a few scrape intervals. Aborted requests reach no workload, so
    // they end on the ratings service node rather than on ratings v1.
    const failing = page.locator('.react-flow__edge', { has: page.locator('.topology-edge.health-failure') }).and(edgeLabelMatching(page, /ratings(?:[/-]v1)?/));
    await expect(async () => {
      await refresh.click();
      await expect(failing.first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 150_000, intervals: [10_000] });

    await clickEdge(failing.first());
    const panel = page.getByRole('complementary', { name: 'Details' });
    const responses = panel.getByRole('table', { name: 'Responses' });
    await expect(responses).toContainText('503');
    await expect(responses).toContainText('FI');
    await expect(panel).toContainText('FI: Aborted by fault injection');
  } finally {
    await request.patch(RATINGS_VS, { data: { spec: original.spec }, headers: { 'content-type': 'application/merge-patch+json' } });
  }
});

test('find and hide take expressions with parentheses, keep them in the URL and point at syntax errors', async ({ page }) => {
  await openGraph(page);
  const find = page.getByRole('combobox', { name: 'Find' });
  await find.fill('app = reviews and (version = v2 or version = v3)');
  await find.press('Enter');
  await expect(page).toHaveURL(/find=/);
  await expect(page.locator('.react-flow__node.is-match')).toHaveCount(2);
  await expect(graphNode(page, 'reviews', 'v1')).toHaveClass(/is-dimmed/);
  await expect(graphNode(page, 'reviews', 'v3')).toHaveClass(/is-match/);

  const hide = page.getByRole('combobox', { name: 'Hide' });
  await hide.fill('app = reviews and (version = v1 or version = v2)');
  await hide.press('Enter');
  await expect(graphNode(page, 'reviews', 'v1')).toHaveCount(0);
  await expect(graphNode(page, 'reviews', 'v2')).toHaveCount(0);
  await expect(graphNode(page, 'reviews', 'v3')).toBeVisible();

  await page.reload();
  await expect(graphNode(page, 'reviews', 'v3')).toBeVisible({ timeout: 90_000 });
  await expect(graphNode(page, 'reviews', 'v1')).toHaveCount(0);

  await find.fill('app = reviews and (version = v1');
  await expect(page.getByRole('alert').filter({ hasText: /Column \d+/ })).toBeVisible();
  await expect(find).toHaveAttribute('aria-invalid', 'true');

  await find.fill('');
  await find.pressSequentially('app = rev');
  await expect(page.getByRole('option', { name: /reviews/ })).toBeVisible();
});

test('a namespace box collapses into one node and expands again', async ({ page }) => {
  await openGraph(page);
  await page.getByRole('button', { name: 'Collapse namespace bookinfo' }).click();
  const group = page.getByTestId('topology-canvas').getByRole('group', { name: 'group bookinfo' });
  await expect(group.first()).toBeVisible();
  await expect(graphNode(page, 'reviews', 'v1')).toHaveCount(0);
  await expect(page).toHaveURL(/collapse=box%3Anamespace%2Fbookinfo/);
  await expect(group.first()).toContainText(/\d+/);

  await group.first().dblclick();
  await expect(graphNode(page, 'reviews', 'v1')).toBeVisible();
});

test('the view exports as PNG and SVG, and the graph as JSON', async ({ page }) => {
  await openGraph(page);
  const exportAs = async (item: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const png = await exportAs('PNG image of the view');
  expect(png.name).toMatch(/^topology-.*\.png$/);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.bytes.length).toBeGreaterThan(5_000);

  const svg = await exportAs('SVG image of the view');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toContain('reviews');

  const json = JSON.parse((await exportAs('Graph as JSON')).bytes.toString('utf8'));
  expect(json.format).toBe('meshdeck.topology');
  expect(json.nodes.some((n: { name: string; position?: object }) => n.name.startsWith('reviews') && n.position)).toBe(true);
});

test('nodes keep their positions across refreshes', async ({ page }) => {
  // Over the last minute a rarely called edge can come or go between refreshes; the whole five
  // minutes of traffic give the unchanged topology this test is about.
  await openGraph(page, '&traffic=range');
  const nodes = page.locator('.react-flow__node');
  const positions = () => nodes.evaluateAll((elements) => elements.map((e) => `${e.getAttribute('data-id')} ${(e as HTMLElement).style.transform}`).sort());
  await page.waitForTimeout(1_000);
  const before = await positions();
  for (let i = 0; i < 2; i += 1) {
    await page.getByRole('button', { name: 'Refresh graph' }).click();
    await expect(page.getByRole('button', { name: 'Refresh graph' })).toBeEnabled();
  }
  await page.waitForTimeout(1_000);
  expect(await positions()).toEqual(before);
});

test('a dragged node stays pinned until "Unpin all" lets the layout place it again', async ({ page }) => {
  await openGraph(page);
  const ratings = graphNode(page, 'ratings', 'v1');
  const place = () => ratings.evaluate((element) => (element as HTMLElement).style.transform);
  await page.waitForTimeout(1_000);
  const laidOut = await place();
  const unpin = page.getByRole('button', { name: /^Unpin all/ });
  await expect(unpin).toHaveCount(0);

  const icon = await ratings.locator('.topology-node-icon').boundingBox();
  expect(icon).not.toBeNull();
  const from = { x: (icon?.x ?? 0) + (icon?.width ?? 0) / 2, y: (icon?.y ?? 0) + (icon?.height ?? 0) / 2 };
  // The press must land on the node itself (the fit keeps nodes clear of the minimap and the controls).
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), from);
  expect(hit).toBe('versionedApp:bookinfo/ratings/v1');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 120, { steps: 8 });
  await page.mouse.up();
  await expect(unpin).toHaveText('Unpin all (1)');
  const dragged = await place();
  expect(dragged).not.toBe(laidOut);

  await unpin.click();
  await expect(unpin).toHaveCount(0);
  await expect.poll(place).toBe(laidOut);
  expect(await page.evaluate(() => sessionStorage.getItem('meshdeck.topology.pinned'))).toBeNull();
});

test('when Prometheus fails, the last graph stays under a message that says so', async ({ page, request }) => {
  const faults = `http://127.0.0.1:${API_PORT}/admin/faults/prometheus`;
  await openGraph(page);
  try {
    await request.put(faults, { data: { kind: 'unavailable', message: 'maintenance' } });
    await page.getByRole('button', { name: 'Refresh graph' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not load the traffic graph from Prometheus' })).toBeVisible({ timeout: 20_000 });
    await expect(graphNode(page, 'productpage', 'v1')).toBeVisible();
  } finally {
    await request.put(faults, { data: { kind: 'none' } });
  }
});
