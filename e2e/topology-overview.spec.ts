import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startConsole } from '../bench/browser';
import type { ConsoleProcess } from '../bench/browser';

/**
 * A mesh too big to draw at full detail (4,000 pods: some 900 versioned apps with traffic) opens as
 * the namespace overview, from namespace-level queries only; a namespace opens at full detail on
 * double-click, queried on its own. Runs its own console, as the shared one is the small demo mesh.
 */
test.describe.configure({ timeout: 360_000 });

const OFFSET = Number(process.env.MESHDECK_E2E_PORT_OFFSET ?? 0);
const PORTS = { console: 8190 + OFFSET, api: 7190 + OFFSET };
const BIG_MESH = ['--scenario', 'scale', '--pods', '4000', '--seed', '1', '--history-minutes', '10'];

let server: ConsoleProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startConsole(BIG_MESH, PORTS);
});

test.afterAll(() => server?.stop());

/** The PromQL of every Prometheus query the page sends. */
function recordQueries(page: Page): string[] {
  const queries: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/v1/query')) return;
    const query = new URL(request.url()).searchParams.get('query') ?? new URLSearchParams(request.postData() ?? '').get('query');
    if (query) queries.push(query);
  });
  return queries;
}

/** The node count the page header states ("82 nodes · 336 edges · …"). */
async function nodesInHeader(page: Page): Promise<number> {
  const text = (await page.getByText(/^[\d,]+ nodes · /).textContent()) ?? '';
  return Number(/^([\d,]+) nodes/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** Whether the node with this id shows inside the canvas from its top-left corner on (a big box may go on past the view). */
async function showsFromItsCorner(page: Page, nodeId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
    const view = document.querySelector('[data-testid="topology-canvas"]')?.getBoundingClientRect();
    if (!node || !view) return false;
    return node.left >= view.left && node.top >= view.top && node.left < view.right - 100 && node.top < view.bottom - 100;
  }, nodeId);
}

const isWorkloadLevel = (query: string) => /by \([^)]*\bsource_workload\b/.test(query);

test('a big mesh opens as one node per namespace; double-click opens one at full detail, queried on its own', async ({ page }) => {
  const url = server?.url ?? '';
  const queries = recordQueries(page);
  await page.goto(`${url}/topology`);
  const canvas = page.getByTestId('topology-canvas');
  const namespaces = canvas.locator('.react-flow__node[data-id^="aggregate:namespace/"]');
  await expect(namespaces.first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Refresh graph' })).toBeEnabled({ timeout: 60_000 });
  const drawn = await namespaces.count();
  const before = await nodesInHeader(page);
  expect(drawn).toBeGreaterThan(10);
  await expect(canvas.locator('.react-flow__node[data-id^="versionedApp:"]')).toHaveCount(0);
  await expect(page.getByText(/namespaces as single nodes/)).toBeVisible();
  expect(queries.length).toBeGreaterThan(0);
  expect(queries.filter(isWorkloadLevel)).toEqual([]);
  // The route asks for the overview while the screen's code loads; the screen joins that request.
  expect(queries.filter((query) => query.startsWith('count by (destination_workload_namespace)'))).toHaveLength(1);

  const id = (await namespaces.first().getAttribute('data-id')) ?? '';
  const namespace = id.slice('aggregate:namespace/'.length);
  // Pan the namespace to the left edge of the view, partly out of it: its box, far bigger, is placed outside the view.
  const node = await namespaces.first().boundingBox();
  const view = await canvas.boundingBox();
  if (!node || !view) throw new Error('the namespace node or the canvas has no box');
  await page.mouse.move(view.x + 6, view.y + 6);
  await page.mouse.down();
  await page.mouse.move(view.x + 6 + (view.x - node.width / 4 - node.x), view.y + 6, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await namespaces.first().boundingBox())?.x ?? 0).toBeLessThan(view.x);
  await namespaces.first().locator('.topology-node-icon').dblclick();
  await expect(page).toHaveURL(new RegExp(`expand=box%3Anamespace%2F${namespace}`));
  // Its nodes are laid out beside the others, and the view moves to show its box (from its top-left corner if it is big).
  await expect.poll(() => nodesInHeader(page), { timeout: 90_000 }).toBeGreaterThan(before);
  await expect(page.getByRole('button', { name: 'Refresh graph' })).toBeEnabled({ timeout: 60_000 });
  await expect(canvas.locator(`.react-flow__node[data-id="${id}"]`)).toHaveCount(0);
  await expect(canvas.locator(`.react-flow__node[data-id^="versionedApp:${namespace}/"]`).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => showsFromItsCorner(page, `box:namespace/${namespace}`), { timeout: 10_000 }).toBe(true);
  const detail = queries.filter(isWorkloadLevel);
  expect(detail.length).toBeGreaterThan(0);
  for (const query of detail) expect(query).toContain(`"${namespace}"`);
  // The other namespaces are still single nodes.
  await expect(canvas.locator('.react-flow__node[data-id^="aggregate:namespace/"]').first()).toBeVisible();

  // Collapsing it again brings back its single node.
  // The box's own button (covered in topology.spec) is a few pixels wide in a fitted view of this size.
  await page.getByRole('button', { name: `Collapse namespace ${namespace}` }).dispatchEvent('click');
  await expect(canvas.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(canvas.locator(`.react-flow__node[data-id^="versionedApp:${namespace}/"]`)).toHaveCount(0);
});

/**
 * Where the curve of a namespace-to-namespace edge passes midway, on screen; undefined when a node
 * covers it, or when both ends share a column: with evenly spaced rows such loops cross each other
 * at their midpoints, and the click would be ambiguous.
 */
async function clearMidpoint(page: Page, edge: { source: string; target: string }): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(({ source, target }) => {
    const nodeBox = (id: string) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
    const from = nodeBox(source);
    const to = nodeBox(target);
    if (!from || !to || Math.abs(from.left - to.left) < from.width) return undefined;
    // A node is 160 flow units wide; edges leave the right of its 36-unit icon (centred, 24 down) and enter the left.
    const zoom = from.width / 160;
    const x = (from.left + (80 + 18) * zoom + to.left + (80 - 18) * zoom) / 2;
    const y = (from.top + to.top) / 2 + 24 * zoom;
    const pane = document.querySelector('.react-flow__pane');
    return document.elementFromPoint(x, y) === pane ? { x, y } : undefined;
  }, edge);
}

test('the overview draws its edges faint as one layer; hovering a namespace or a faint edge brings it forward; a click on a faint edge selects it', async ({ page }) => {
  await page.goto(`${server?.url ?? ''}/topology`);
  const canvas = page.getByTestId('topology-canvas');
  await expect(canvas.locator('.react-flow__node[data-id^="aggregate:namespace/"]').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Refresh graph' })).toBeEnabled({ timeout: 60_000 });
  await expect(canvas.getByTestId('topology-background-edges').locator('path').first()).toBeAttached();
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(0);

  // A namespace node the pointer can reach (group nodes are enlarged when zoomed out and may overlap).
  const hoverable = await page.evaluate(() => {
    for (const node of document.querySelectorAll('.react-flow__node[data-id^="aggregate:namespace/"]')) {
      const icon = node.querySelector('.topology-node-icon')?.getBoundingClientRect();
      if (!icon) continue;
      const x = icon.left + icon.width / 2;
      const y = icon.top + icon.height / 2;
      if (node.contains(document.elementFromPoint(x, y))) return { id: node.getAttribute('data-id') ?? '', x, y };
    }
    return undefined;
  });
  expect(hoverable, 'no namespace node is free to hover').toBeDefined();
  const { id, x, y } = hoverable ?? { id: '', x: 0, y: 0 };
  // Hover is ignored while the view moves (the first fit ends a moment after the graph shows).
  await expect(canvas).not.toHaveAttribute('data-moving');
  await page.mouse.move(x, y);
  const full = canvas.locator('.react-flow__edge .topology-edge');
  await expect(full.first()).toBeAttached();
  const edges = await full.evaluateAll((elements) =>
    elements.map((e) => ({ id: e.getAttribute('data-edge-id') ?? '', source: e.getAttribute('data-source') ?? '', target: e.getAttribute('data-target') ?? '' })),
  );
  for (const edge of edges) expect([edge.source, edge.target]).toContain(id);

  // Away from the node, they go back to the background.
  const pane = await canvas.locator('.react-flow__pane').boundingBox();
  await page.mouse.move((pane?.x ?? 0) + 4, (pane?.y ?? 0) + 4);
  await expect(full).toHaveCount(0);

  let picked: { edge: (typeof edges)[number]; at: { x: number; y: number } } | undefined;
  for (const edge of edges) {
    const at = await clearMidpoint(page, edge);
    if (at) {
      picked = { edge, at };
      break;
    }
  }
  expect(picked, `no edge of ${id} has its midpoint clear of nodes`).toBeDefined();
  if (!picked) return;
  // Hovering a faint edge brings it forward with its label, as hovering a full edge does.
  await page.mouse.move(picked.at.x, picked.at.y);
  await expect(canvas.locator(`.react-flow__edge .topology-edge[data-edge-id="${picked.edge.id}"]`)).toBeAttached();
  await expect(canvas.locator(`.topology-edge-label[data-edge-id="${picked.edge.id}"]`)).toBeVisible();
  await page.mouse.click(picked.at.x, picked.at.y);
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(picked.edge.id);
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByText(/ edge$/)).toBeVisible();
  await expect(canvas.locator(`.topology-edge.is-selected[data-edge-id="${picked.edge.id}"]`)).toBeAttached();
});
