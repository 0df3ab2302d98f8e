import { seededRandom } from '../../shared/seeded-random';
import { Tsdb } from '../tsdb/tsdb';
import type { SeriesRef } from '../tsdb/series';


interface Edge {
  source: [namespace: string, workload: string, app: string, version: string];
  destination: [namespace: string, workload: string, app: string, version: string, service: string];
  rps: number;
  /** Share of requests answered with each non-200 code. */
  errors: Record<string, number>;
  medianMs: number;
}

const EDGES: Edge[] = [
  { source: ['istio-system', 'istio-ingressgateway', 'istio-ingressgateway', 'unknown'], destination: ['bookinfo', 'productpage-v1', 'productpage', 'v1', 'productpage'], rps: 9, errors: { '503': 0.02 }, medianMs: 40 },
  { source: ['bookinfo', 'productpage-v1', 'productpage', 'v1'], destination: ['bookinfo', 'details-v1', 'details', 'v1', 'details'], rps: 8, errors: {}, medianMs: 4 },
  { source: ['bookinfo', 'productpage-v1', 'productpage', 'v1'], destination: ['bookinfo', 'reviews-v1', 'reviews', 'v1', 'reviews'], rps: 3, errors: {}, medianMs: 12 },
  { source: ['bookinfo', 'productpage-v1', 'productpage', 'v1'], destination: ['bookinfo', 'reviews-v2', 'reviews', 'v2', 'reviews'], rps: 3, errors: { '503': 0.1 }, medianMs: 25 },
  { source: ['bookinfo', 'productpage-v1', 'productpage', 'v1'], destination: ['bookinfo', 'reviews-v3', 'reviews', 'v3', 'reviews'], rps: 2.5, errors: { '500': 0.05 }, medianMs: 30 },
  { source: ['bookinfo', 'reviews-v2', 'reviews', 'v2'], destination: ['bookinfo', 'ratings-v1', 'ratings', 'v1', 'ratings'], rps: 2.7, errors: {}, medianMs: 3 },
  { source: ['bookinfo', 'reviews-v3', 'reviews', 'v3'], destination: ['bookinfo', 'ratings-v1', 'ratings', 'v1', 'ratings'], rps: 2.4, errors: { '404': 0.03 }, medianMs: 3 },
  { source: ['shop', 'frontend-v1', 'frontend', 'v1'], destination: ['shop', 'cart-v1', 'cart', 'v1', 'cart'], rps: 1.2, errors: { '503': 0.3 }, medianMs: 90 },
];

const BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Infinity];

export interface SyntheticHistory {
  db: Tsdb;
  startMs: number;
  endMs: number;
  stepMs: number;
}

export interface SyntheticOptions {
  /** Time of the last scrape; rounded down to a whole step. */
  endMs: number;
  durationMs?: number;
  stepMs?: number;
  seed?: number;
}

/** One scraped series: a handle plus its scrape phase and jitter. */
interface Scraped {
  ref: SeriesRef;
  phaseMs: number;
  jitterMs: number;
}

/**
 * A deterministic Istio-like history: istio_requests_total counters for both reporters (with
 * counter resets, a series that disappears and one that appears midway, per-series scrape
 * phase and jitter) and istio_request_duration_milliseconds histograms.
 */
export function buildSyntheticHistory(options: SyntheticOptions): SyntheticHistory {
  const stepMs = options.stepMs ?? 15_000;
  const endMs = Math.floor(options.endMs / stepMs) * stepMs;
  const startMs = endMs - (options.durationMs ?? 3_600_000);
  const random = seededRandom(options.seed ?? 42);
  const db = new Tsdb({ retentionMs: 365 * 86_400_000 });
  db.setMetadata('istio_requests_total', { type: 'counter', help: 'Total requests.' });
  db.setMetadata('istio_request_duration_milliseconds', { type: 'histogram', help: 'Request duration.' });
  const steps = Math.round((endMs - startMs) / stepMs);
  const scrape = (labels: Record<string, string>, jittery: boolean): Scraped => ({
    ref: db.getOrCreateSeries(labels),
    phaseMs: Math.floor(random() * 1000),
    jitterMs: jittery ? 250 : 0,
  });
  const appendAt = (s: Scraped, step: number, value: number): void => {
    const jitter = s.jitterMs === 0 ? 0 : Math.floor((random() - 0.5) * 2 * s.jitterMs);
    s.ref.append(startMs + step * stepMs - 1000 + s.phaseMs + jitter, value);
  };
  EDGES.forEach((edge, e) => {
    const codes = ['200', ...Object.keys(edge.errors)];
    for (const reporter of ['source', 'destination']) {
      for (const code of codes) {
        const series = scrape(requestLabels(edge, reporter, code), e % 3 === 1);
        const share = code === '200' ? 1 - Object.values(edge.errors).reduce((a, b) => a + b, 0) : (edge.errors[code] as number);
        // The shop edge stops two thirds in; the 404s of ratings only start a third in.
        const first = code === '404' ? Math.floor(steps / 3) : 0;
        const last = edge.source[1] === 'frontend-v1' && reporter === 'source' ? Math.floor((2 * steps) / 3) : steps;
        let total = code === '404' ? 37 : Math.floor(random() * 500);
        for (let step = first; step <= last; step++) {
          total += Math.round(edge.rps * share * (stepMs / 1000) * (0.6 + 0.8 * random()));
          if ((e === 2 || e === 5) && reporter === 'destination' && step === Math.floor(steps / 2) + e) total = Math.round(random() * 5);
          appendAt(series, step, total);
        }
      }
    }
    addHistogram(edge, scrape, appendAt, random, steps, stepMs);
  });
  return { db, startMs, endMs, stepMs };
}

function addHistogram(
  edge: Edge,
  scrape: (labels: Record<string, string>, jittery: boolean) => Scraped,
  appendAt: (s: Scraped, step: number, value: number) => void,
  random: () => number,
  steps: number,
  stepMs: number,
): void {
  const base = requestLabels(edge, 'destination', '200');
  const name = 'istio_request_duration_milliseconds';
  const buckets = BUCKETS.map((le) => scrape({ ...base, __name__: `${name}_bucket`, le: le === Infinity ? '+Inf' : String(le) }, false));
  const sum = scrape({ ...base, __name__: `${name}_sum` }, false);
  const count = scrape({ ...base, __name__: `${name}_count` }, false);
  const counts = BUCKETS.map(() => 0);
  let total = 0;
  let observations = 0;
  for (let step = 0; step <= steps; step++) {
    const n = Math.round(edge.rps * (stepMs / 1000) * (0.6 + 0.8 * random()));
    for (let k = 0; k < n; k++) {
      const duration = edge.medianMs * Math.exp((random() + random() + random() - 1.5) * 1.6);
      total += duration;
      observations++;
      BUCKETS.forEach((le, b) => {
        if (duration <= le) counts[b] = (counts[b] as number) + 1;
      });
    }
    buckets.forEach((s, b) => appendAt(s, step, counts[b] as number));
    appendAt(sum, step, Math.round(total * 1000) / 1000);
    appendAt(count, step, observations);
  }
}

function requestLabels(edge: Edge, reporter: string, code: string): Record<string, string> {
  const [srcNs, srcWorkload, srcApp, srcVersion] = edge.source;
  const [dstNs, dstWorkload, dstApp, dstVersion, service] = edge.destination;
  return {
    __name__: 'istio_requests_total',
    reporter,
    source_workload: srcWorkload,
    source_workload_namespace: srcNs,
    source_app: srcApp,
    source_version: srcVersion,
    source_canonical_service: srcApp,
    destination_workload: dstWorkload,
    destination_workload_namespace: dstNs,
    destination_app: dstApp,
    destination_version: dstVersion,
    destination_service: `${service}.${dstNs}.svc.cluster.local`,
    destination_service_name: service,
    destination_service_namespace: dstNs,
    destination_canonical_service: dstApp,
    request_protocol: 'http',
    response_code: code,
    response_flags: code === '503' ? 'UF' : '-',
    connection_security_policy: reporter === 'destination' ? 'mutual_tls' : 'unknown',
  };
}
