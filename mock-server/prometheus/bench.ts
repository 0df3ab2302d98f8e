import { seededRandom } from '../shared/seeded-random';
import { instantQuery, rangeQuery } from './promql/engine';
import { Tsdb } from './tsdb/tsdb';

/** The namespace graph query of the console's topology view. */
export const GRAPH_QUERY =
  'sum(rate(istio_requests_total{reporter="destination",destination_service_namespace=~"ns1|ns2"}[1m])) by ' +
  '(source_workload_namespace, source_workload, destination_service_namespace, destination_service, destination_workload, destination_version, response_code, response_flags)';

export interface BenchDbOptions {
  series?: number;
  samplesPerSeries?: number;
  stepMs?: number;
  endMs?: number;
  namespaces?: number;
}

/**
 * A large Istio-like database: `series` istio_requests_total counters spread over
 * `namespaces` namespaces (workload pairs × reporters × response codes), each with
 * `samplesPerSeries` samples at `stepMs`.
 */
export function buildBenchDb(options: BenchDbOptions = {}): Tsdb {
  const series = options.series ?? 100_000;
  const samples = options.samplesPerSeries ?? 240;
  const stepMs = options.stepMs ?? 15_000;
  const endMs = options.endMs ?? 1_700_000_000_000;
  const namespaces = options.namespaces ?? 50;
  const random = seededRandom(7);
  const db = new Tsdb({ retentionMs: (samples + 10) * stepMs });
  const codes = ['200', '200', '200', '503', '404'];
  const refs = [];
  const totals: number[] = [];
  for (let i = 0; i < series; i++) {
    const ns = `ns${(i % namespaces) + 1}`;
    const pair = Math.floor(i / 10);
    const code = codes[i % codes.length] as string;
    refs.push(
      db.getOrCreateSeries({
        __name__: 'istio_requests_total',
        reporter: i % 2 === 0 ? 'destination' : 'source',
        source_workload: `client-${pair % 997}`,
        source_workload_namespace: `ns${((i >> 3) % namespaces) + 1}`,
        source_app: `client-${pair % 997}`,
        source_version: 'v1',
        destination_workload: `svc-${pair}-v${(i % 3) + 1}`,
        destination_workload_namespace: ns,
        destination_app: `svc-${pair}`,
        destination_version: `v${(i % 3) + 1}`,
        destination_service: `svc-${pair}.${ns}.svc.cluster.local`,
        destination_service_name: `svc-${pair}`,
        destination_service_namespace: ns,
        request_protocol: 'http',
        response_code: code,
        response_flags: code === '503' ? 'UF' : '-',
        connection_security_policy: 'mutual_tls',
      }),
    );
    totals.push(Math.floor(random() * 1000));
  }
  const startMs = endMs - (samples - 1) * stepMs;
  for (let k = 0; k < samples; k++) {
    for (let i = 0; i < series; i++) {
      const total = (totals[i] as number) + Math.floor(random() * 30);
      totals[i] = total;
      (refs[i] as (typeof refs)[number]).append(startMs + k * stepMs, total);
    }
  }
  return db;
}

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Milliseconds for one instant evaluation of the graph query at the newest sample (median of `runs`). */
export function benchGraphQuery(db: Tsdb, runs = 5): number {
  const at = db.headTime;
  const times = Array.from({ length: runs }, () => timeMs(() => instantQuery(db, GRAPH_QUERY, at)));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** Milliseconds for the graph query as a 30-minute range query at a 60 s step. */
export function benchGraphRangeQuery(db: Tsdb): number {
  const end = db.headTime;
  return timeMs(() => rangeQuery(db, GRAPH_QUERY, end - 1_800_000, end, 60_000));
}
