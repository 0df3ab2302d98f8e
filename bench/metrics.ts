/**
 * metrics.dashboardRenderMs: the built console in headless Chromium opens a 12-chart metrics dashboard
 * over 1 h at a 15 s step, 20 series per chart, and the figure is the time from navigation until every
 * chart has drawn its data. Prometheus' range answers are synthetic (served by the page's request
 * interception), so the figure measures the console's own loading and rendering.
 */
import type { Route } from '@playwright/test';
import { dashboardCharts } from '../mesh/telemetry';
import type { DashboardRequest } from '../mesh/telemetry';
import { launchChromium, startConsole } from './browser';
import { median } from './stats';

const PORTS = { console: 9401, api: 9402 };
const RUNS = 5;
const SERIES_PER_CHART = 20;
const CHART_COUNT = 12;
const REQUEST: DashboardRequest = {
  scope: { kind: 'service', namespace: 'bookinfo', name: 'reviews' },
  direction: 'inbound',
  groupBy: 'remote_workload',
  window: '1m',
};
const PAGE = '/metrics?kind=service&namespace=bookinfo&name=reviews&by=remote_workload&range=1h';

/** How many series each query of the dashboard answers with, so that each chart gets 20 in all. */
function seriesPerQuery(): Map<string, number> {
  const out = new Map<string, number>();
  for (const chart of dashboardCharts(REQUEST)) {
    for (const family of chart.families) out.set(family.promql, Math.ceil(SERIES_PER_CHART / chart.families.length));
  }
  return out;
}

function syntheticMatrix(count: number, start: number, end: number, step: number): string {
  const result = Array.from({ length: count }, (_, series) => {
    const values: [number, string][] = [];
    for (let t = start; t <= end; t += step) values.push([t, String(10 + series + 5 * Math.sin(t / 300 + series))]);
    return { metric: { source_workload: `caller-${series}` }, values };
  });
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

async function answerRange(route: Route, counts: Map<string, number>): Promise<void> {
  const params = new URL(route.request().url()).searchParams;
  const start = Math.ceil(Number(params.get('start')));
  const end = Number(params.get('end'));
  const step = Number(params.get('step'));
  const count = counts.get(params.get('query') ?? '') ?? SERIES_PER_CHART;
  await route.fulfill({ status: 200, contentType: 'application/json', body: syntheticMatrix(count, start, end, step) });
}

export async function benchMetricsDashboard(): Promise<Record<string, number>> {
  const app = await startConsole([], PORTS);
  const browser = await launchChromium();
  const counts = seriesPerQuery();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      await context.route((url) => url.pathname.endsWith('/api/v1/query_range'), (route) => answerRange(route, counts));
      const page = await context.newPage();
      await page.goto(`${app.url}${PAGE}`);
      // performance.now() counts from the navigation's start.
      const drawnAt = await page.waitForFunction(
        (charts) => document.querySelectorAll('.ts-chart[data-drawn="true"]').length === charts && performance.now(),
        CHART_COUNT,
        { polling: 'raf', timeout: 60_000 },
      );
      times.push(Number(await drawnAt.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    app.stop();
  }
  return { 'metrics.dashboardRenderMs': Math.round(median(times)) };
}
