/**
 * Figures for the topology screen in headless Chromium: time to the first interactive graph and
 * its layout, on the demo mesh and the 10,000-pod scenario; main-thread long tasks and frame
 * pacing while panning and zooming the scale graph; and how many nodes a refresh moves.
 */
import net from 'node:net';
import type { Browser, Page, Request } from '@playwright/test';
import { launchChromium, startConsole } from './browser';
import type { ConsoleProcess } from './browser';
import { median } from './stats';

const PORTS = { console: 9301, api: 9302 };
const SCALE_ARGS = ['--scenario', 'scale', '--pods', '10000', '--seed', '1'];
const INTERACTIVE_MARK = 'meshdeck:topology-interactive';
const LAYOUT_MEASURE = 'meshdeck:topology-layout';
const CANVAS = '[data-testid="topology-canvas"]';
const MEASURED_LOADS = 3;
const GRAPH_TIMEOUT_MS = 120_000;
const REFRESH_TIMEOUT_MS = 90_000;
const SETTLE_TIMEOUT_MS = 30_000;

/** What the page records for the bench: long tasks since load, and rAF timestamps while asked to. */
interface BenchWindow {
  __benchLongTasks: Array<{ start: number; duration: number }>;
  __benchFrames: number[] | undefined;
}

export async function benchTopology(): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const demo = await withConsole([], async (server) => {
      const loads = await timedLoads(browser, server.url);
      return { firstGraphMs: loads.firstGraphMs, moved: await movedOnRefresh(browser, server.url) };
    });
    const scale = await withConsole(SCALE_ARGS, async (server) => {
      const loads = await timedLoads(browser, server.url);
      const motion = await panAndZoom(browser, server.url);
      return { ...loads, ...motion, moved: await movedOnRefresh(browser, server.url) };
    });
    return {
      'topology.scale.firstGraphMs': Math.round(scale.firstGraphMs),
      'topology.scale.layoutMs': Math.round(scale.layoutMs),
      'topology.scale.longTasks': scale.longTasks,
      'topology.scale.panP95FrameRatio': round2(scale.panP95FrameRatio),
      'topology.scale.zoomP95FrameRatio': round2(scale.zoomP95FrameRatio),
      'topology.demo.firstGraphMs': Math.round(demo.firstGraphMs),
      // Summed over both meshes: either moving a node is a regression.
      'topology.refreshMovedNodes': demo.moved + scale.moved,
    };
  } finally {
    await browser.close();
  }
}

async function withConsole<T>(args: readonly string[], task: (server: ConsoleProcess) => Promise<T>): Promise<T> {
  await waitForPortsFree([PORTS.console, PORTS.api]);
  const server = await startConsole(args, PORTS);
  try {
    return await task(server);
  } finally {
    server.stop();
  }
}

/** Prometheus queries each page has sent and not yet seen answered. */
const queriesInFlight = new WeakMap<Page, { count: number }>();

function countQueriesInFlight(page: Page): void {
  const inFlight = { count: 0 };
  queriesInFlight.set(page, inFlight);
  const isQuery = (url: string) => url.includes('/api/v1/query');
  page.on('request', (request) => {
    if (isQuery(request.url())) inFlight.count++;
  });
  const settle = (request: Request) => {
    if (isQuery(request.url())) inFlight.count--;
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
}

/** A fresh page (no cache, no pins) with the bench's recorders installed before any script runs. */
async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript(() => {
    const bench = window as unknown as BenchWindow;
    bench.__benchLongTasks = [];
    bench.__benchFrames = undefined;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  countQueriesInFlight(page);
  return page;
}

/** Opens the topology and waits for the first graph with positions; times are from navigation start. */
async function loadTopology(browser: Browser, url: string): Promise<{ page: Page; firstGraphMs: number; layoutMs: number }> {
  const page = await openPage(browser);
  await page.goto(`${url}/topology`);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, { timeout: GRAPH_TIMEOUT_MS });
  const times = await page.evaluate(
    ([mark, measure]) => ({
      firstGraphMs: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
      layoutMs: performance.getEntriesByName(measure)[0]?.duration ?? NaN,
    }),
    [INTERACTIVE_MARK, LAYOUT_MEASURE] as const,
  );
  return { page, ...times };
}

/** One warm-up load (the mock's caches, the browser's compile cache), then the median of a few. */
async function timedLoads(browser: Browser, url: string): Promise<{ firstGraphMs: number; layoutMs: number }> {
  await closePage(await loadTopology(browser, url));
  const runs: Array<{ firstGraphMs: number; layoutMs: number }> = [];
  for (let i = 0; i < MEASURED_LOADS; i++) {
    const run = await loadTopology(browser, url);
    runs.push(run);
    await closePage(run);
  }
  return { firstGraphMs: median(runs.map((r) => r.firstGraphMs)), layoutMs: median(runs.map((r) => r.layoutMs)) };
}

/**
 * Closes a page once its queries are answered (latency comes after the first graph): the server would
 * otherwise still be evaluating them when the next load starts, and that load would measure them too.
 */
async function closePage(run: { page: Page }): Promise<void> {
  const inFlight = queriesInFlight.get(run.page);
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (inFlight && inFlight.count > 0 && Date.now() < deadline) await run.page.waitForTimeout(100);
  await run.page.context().close();
}

/**
 * Idle frame pacing, then a 2 s mouse drag on the empty pane, then wheel zooming in and out; long
 * tasks counted from the start of the pan to the end of the zoom.
 */
async function panAndZoom(browser: Browser, url: string): Promise<{ longTasks: number; panP95FrameRatio: number; zoomP95FrameRatio: number }> {
  const run = await loadTopology(browser, url);
  const { page } = run;
  try {
    // Let the first layout's aftermath (edges, labels, fonts) settle before measuring.
    await page.waitForTimeout(2_000);
    const idle = await recordFrames(page, () => page.waitForTimeout(2_000));
    const origin = await emptyPanePoint(page);
    const interactionStart = await page.evaluate(() => performance.now());
    const pan = await recordFrames(page, async () => {
      await page.mouse.move(origin.x, origin.y);
      await page.mouse.down();
      for (let i = 1; i <= 120; i++) {
        const angle = (i / 120) * 2 * Math.PI;
        await page.mouse.move(origin.x + 150 * Math.sin(angle), origin.y + 100 * (1 - Math.cos(angle)));
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
    });
    const zoom = await recordFrames(page, async () => {
      await page.mouse.move(origin.x, origin.y);
      for (let i = 0; i < 40; i++) {
        await page.mouse.wheel(0, i < 20 ? -120 : 120);
        await page.waitForTimeout(50);
      }
    });
    const interactionEnd = await page.evaluate(() => performance.now());
    const longTasks = await page.evaluate(
      ([from, to]) => (window as unknown as BenchWindow).__benchLongTasks.filter((t) => t.start >= from && t.start <= to).length,
      [interactionStart, interactionEnd] as const,
    );
    const idleP95 = p95(idle);
    return { longTasks, panP95FrameRatio: p95(pan) / idleP95, zoomP95FrameRatio: p95(zoom) / idleP95 };
  } finally {
    await closePage(run);
  }
}

/** Intervals between animation frames while `action` runs. */
async function recordFrames(page: Page, action: () => Promise<unknown>): Promise<number[]> {
  // A string, not a function: tsx would wrap the named callback in a helper the page does not have.
  await page.evaluate(`(() => {
    const frames = [];
    window.__benchFrames = frames;
    const tick = (time) => {
      if (window.__benchFrames !== frames) return;
      frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const frames = await page.evaluate(() => {
    const bench = window as unknown as BenchWindow;
    const recorded = bench.__benchFrames ?? [];
    bench.__benchFrames = undefined;
    return recorded;
  });
  return frames.slice(1).map((time, i) => time - (frames[i] ?? time));
}

/** A point on the canvas's background, away from nodes, so a drag pans instead of moving a node. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((canvas) => {
    const pane = document.querySelector(`${canvas} .react-flow__pane`);
    if (!pane) return undefined;
    const box = pane.getBoundingClientRect();
    for (let fy = 0.3; fy <= 0.7; fy += 0.05)
      for (let fx = 0.3; fx <= 0.7; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        // The drag circles up to 150 px around the start; its whole path should be background.
        const clear = [[0, 0], [150, 0], [-150, 0], [0, 200], [150, 100], [-150, 100]].every(
          ([dx = 0, dy = 0]) => document.elementFromPoint(x + dx, y + dy) === pane,
        );
        if (clear) return { x, y };
      }
    return { x: box.left + box.width / 2, y: box.top + 20 };
  }, CANVAS);
  if (!point) throw new Error(`no React Flow pane inside ${CANVAS}`);
  return point;
}

/** Nodes whose drawn position changed after "Refresh graph" brought the same topology again. */
async function movedOnRefresh(browser: Browser, url: string): Promise<number> {
  const run = await loadTopology(browser, url);
  const { page } = run;
  try {
    await page.waitForTimeout(1_000);
    const before = await nodePositions(page);
    if (before.size === 0) throw new Error('the topology drew no nodes to compare');
    const stamp = await graphTimestamp(page);
    await page.getByRole('button', { name: 'Refresh graph' }).click();
    // The canvas's own signal: it draws a graph measured at a later moment than before.
    await page
      .waitForFunction(
        ([canvas, previous]) => Number(document.querySelector(canvas)?.getAttribute('data-graph-timestamp')) > previous,
        [CANVAS, stamp] as const,
        { timeout: REFRESH_TIMEOUT_MS },
      )
      .catch(() => {
        throw new Error(`"Refresh graph" did not bring a newer graph within ${REFRESH_TIMEOUT_MS / 1000} s (the canvas's data-graph-timestamp stayed ${stamp})`);
      });
    await page.waitForTimeout(1_500);
    const after = await nodePositions(page);
    let moved = 0;
    for (const [id, position] of before) {
      const now = after.get(id);
      if (now && (Math.abs(now.x - position.x) > 0.5 || Math.abs(now.y - position.y) > 0.5)) moved++;
    }
    return moved;
  } finally {
    await closePage(run);
  }
}

async function graphTimestamp(page: Page): Promise<number> {
  const stamp = Number(await page.locator(CANVAS).getAttribute('data-graph-timestamp'));
  if (!Number.isFinite(stamp) || stamp <= 0) throw new Error(`${CANVAS} has no data-graph-timestamp to tell a refresh by`);
  return stamp;
}

async function nodePositions(page: Page): Promise<Map<string, { x: number; y: number }>> {
  const entries = await page.evaluate((canvas) => {
    const positions: Array<[string, number, number]> = [];
    for (const element of document.querySelectorAll<HTMLElement>(`${canvas} .react-flow__node[data-id]`)) {
      const match = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(element.style.transform);
      if (match) positions.push([element.dataset.id ?? '', Number(match[1]), Number(match[2])]);
    }
    return positions;
  }, CANVAS);
  return new Map(entries.map(([id, x, y]) => [id, { x, y }]));
}

function p95(intervals: readonly number[]): number {
  const sorted = [...intervals].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The previous console must have let go of its ports before the next one starts. */
async function waitForPortsFree(ports: readonly number[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const port of ports) {
    while (await inUse(port)) {
      if (Date.now() > deadline) throw new Error(`port ${port} is still in use; stop whatever listens there`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function inUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
