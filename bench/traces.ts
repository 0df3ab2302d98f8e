/**
 * traces.bigTraceRenderMs: the built console in headless Chromium opening /traces/<id> on a synthetic
 * 2,000-span trace (Istio proxy spans, many services, a deep call tree), from navigation start to the
 * waterfall's rows in the DOM (the page's `meshdeck:trace-drawn` mark). Jaeger's answer is served by the
 * browser (page.route), so the figure is the console's own work, not the mock's.
 */
import { syntheticTrace } from '../web/features/traces/synthetic-trace';
import { launchChromium, startConsole } from './browser';
import { median } from './stats';

const SPANS = 2_000;
const RUNS = 5;
const TRACE_ID = 'b16b16b16b16b16b16b16b16b16b16b1';
const PORTS = { console: 9501, api: 9502 };

export async function benchBigTrace(): Promise<Record<string, number>> {
  const trace = syntheticTrace({ spans: SPANS, services: 60, fanOut: 4, seed: 42, traceId: TRACE_ID, start: Date.now() * 1000 - 60_000_000 });
  if (trace.spans.length !== SPANS) throw new Error(`the synthetic trace has ${trace.spans.length} spans, not ${SPANS}`);
  const body = JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null });
  const app = await startConsole([], PORTS);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route(`**/api/traces/${TRACE_ID}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const times: number[] = [];
    // The first run warms the HTTP cache and the browser's code cache, as a user's second visit would.
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(`${app.url}/traces/${TRACE_ID}`);
      const drawn = await page.waitForFunction(
        () => performance.getEntriesByName('meshdeck:trace-drawn')[0]?.startTime,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const ms = Number(await drawn.jsonValue());
      const rows = await page.getByRole('treeitem').count();
      if (rows === 0) throw new Error('the waterfall drew no rows');
      if (run > 0) times.push(ms);
    }
    return { 'traces.bigTraceRenderMs': Math.round(median(times)) };
  } finally {
    await browser.close();
    app.stop();
  }
}
