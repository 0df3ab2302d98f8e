import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPrometheusApi } from './api';
import { compareResponses } from './conformance/compare';
import { CONFORMANCE_ERROR_QUERIES, CONFORMANCE_INSTANT_QUERIES, CONFORMANCE_QUERIES } from './conformance/queries';
import { prometheusVersion, realPrometheusAvailable, startRealPrometheus, type RealPrometheus } from './conformance/real-prometheus';
import { buildSyntheticHistory, type SyntheticHistory } from './conformance/synthetic-history';
import { exportOpenMetrics } from './exposition';
import type { MemSeries } from './tsdb/series';

const available = realPrometheusAvailable();

/** Evaluation times that probe the edges: window starts and lookback ends landing exactly on samples. */
function instantTimes(history: SyntheticHistory): number[] {
  const series = history.db.allSeries();
  const firstAfter = (s: MemSeries, t: number): number => {
    let found = NaN;
    s.forEachSample((ts) => {
      if (Number.isNaN(found) && ts > t) found = ts;
    });
    return found;
  };
  const onWindowStart = firstAfter(series[0] as MemSeries, history.startMs + 600_000) + 60_000;
  const stopped = series.find((s) => s.maxT < history.endMs - 600_000) as MemSeries;
  return [history.endMs, history.endMs - 423_500, history.startMs + 90_000, onWindowStart, stopped.maxT + 300_000];
}

function rangeWindows(history: SyntheticHistory): [number, number, number][] {
  return [
    [history.startMs, history.endMs, 60_000],
    [history.endMs - 1_200_000, history.endMs, 15_000],
    [history.startMs + 300_300, history.endMs, 37_000],
  ];
}

describe.skipIf(!available)('conformance with a real Prometheus', () => {
  let history: SyntheticHistory;
  let prometheus: RealPrometheus;
  let app: FastifyInstance;
  let version: string;

  beforeAll(async () => {
    history = buildSyntheticHistory({ endMs: Date.now() - 60_000 });
    version = await prometheusVersion();
    prometheus = await startRealPrometheus(exportOpenMetrics(history.db));
    app = Fastify();
    registerPrometheusApi(app, { db: history.db });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    await app?.close();
  });

  async function both(path: string): Promise<{ real: string; mock: string }> {
    const [real, mock] = await Promise.all([fetch(prometheus.url + path).then((r) => r.text()), app.inject({ method: 'GET', url: path })]);
    return { real, mock: mock.body };
  }

  async function check(queries: readonly string[], withRanges: boolean): Promise<{ matched: number; mismatches: string[] }> {
    const mismatches: string[] = [];
    let matched = 0;
    for (const query of queries) {
      const q = encodeURIComponent(query);
      const paths = instantTimes(history).map((t) => `/api/v1/query?query=${q}&time=${t / 1000}`);
      if (withRanges) {
        for (const [start, end, step] of rangeWindows(history)) {
          paths.push(`/api/v1/query_range?query=${q}&start=${start / 1000}&end=${end / 1000}&step=${step / 1000}`);
        }
      }
      for (const path of paths) {
        const { real, mock } = await both(path);
        const differences = compareResponses(JSON.parse(real), JSON.parse(mock));
        if (differences.length === 0) matched++;
        else mismatches.push(`${query} via ${path.split('?')[0]}: ${differences.slice(0, 3).join('; ')}`);
      }
    }
    return { matched, mismatches };
  }

  it('answers every conformance query as Prometheus does, instant and range', async () => {
    const results = [await check(CONFORMANCE_QUERIES, true), await check(CONFORMANCE_INSTANT_QUERIES, false), await check(CONFORMANCE_ERROR_QUERIES, true)];
    const matched = results.reduce((n, r) => n + r.matched, 0);
    const mismatches = results.flatMap((r) => r.mismatches);
    console.info(`conformance against Prometheus ${version}: ${matched} of ${matched + mismatches.length} responses matched`);
    expect(mismatches).toEqual([]);
  }, 600_000);

  it('writes the same bytes for deterministic responses', async () => {
    const [start, end, step] = rangeWindows(history)[1] as [number, number, number];
    for (const query of ['istio_requests_total{reporter="source"}', 'sum by (destination_service) (istio_requests_total)', 'time()']) {
      const { real, mock } = await both(`/api/v1/query_range?query=${encodeURIComponent(query)}&start=${start / 1000}&end=${end / 1000 + 0.25}&step=${step / 1000}`);
      expect(mock).toBe(real);
    }
  }, 60_000);
});

if (!available) {
  it.skip('conformance with a real Prometheus: skipped, needs /usr/bin/prometheus and /usr/bin/promtool (apt-get install prometheus)', () => undefined);
}
