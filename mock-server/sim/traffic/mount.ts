/**
 * Telemetry for the mock cluster: a Tsdb fed by the traffic simulator, served as Prometheus through the
 * Kubernetes service proxy path of istio-system/prometheus:9090, inside the API's scope and so behind its auth;
 * sampled traces are served beside it as Jaeger (mount-tracing), and access logs as pods/log.
 */
import type { FastifyInstance } from 'fastify';
import { mountAccessLogs, type AccessLogStore } from '../../access-log';
import type { ObjectStore } from '../../kube/store';
import { DEFAULT_RETENTION_MS, registerMetricsRoute, registerPrometheusApi, Tsdb, type FaultMode } from '../../prometheus';
import type { Scenario } from '../model';
import { mountTracing, type Tracing } from './mount-tracing';
import { podAddresses } from './pod-addresses';
import { TrafficPlanner } from './planner';
import { createTrafficSimulator, type TrafficSimulator } from './simulator';

export const PROMETHEUS_PROXY_PREFIX = '/api/v1/namespaces/istio-system/services/prometheus:9090/proxy';

/** History written at start, so charts are never empty. */
const DEFAULT_HISTORY_MS = 60 * 60_000;
const BACKFILL_SLICE_MS = 2 * 60_000;

export interface TelemetryDeps {
  store: ObjectStore;
  scenario: Scenario;
  seed: number;
  historyMs?: number;
  /** Wall clock; default Date.now. */
  now?: () => number;
}

export interface Telemetry {
  readonly db: Tsdb;
  readonly simulator: TrafficSimulator;
  /** Sampled traces, served as Jaeger's query API. */
  readonly tracing: Tracing;
  /** Envoy access logs, served as the istio-proxy container's pods/log. */
  readonly accessLogs: AccessLogStore;
  /** Makes the Prometheus API misbehave (or behave again), for testing how the console copes. */
  setPrometheusFault(mode: FaultMode): void;
}

export async function mountTelemetry(scope: FastifyInstance, deps: TelemetryDeps): Promise<Telemetry> {
  const now = deps.now ?? Date.now;
  const historyMs = deps.historyMs ?? DEFAULT_HISTORY_MS;
  const db = new Tsdb({ retentionMs: Math.max(DEFAULT_RETENTION_MS, historyMs + 10 * 60_000) });
  // One set of plans for metrics, traces and logs, so they tell the same story.
  const planner = new TrafficPlanner(deps.store, deps.scenario);
  const simulator = createTrafficSimulator({ store: deps.store, scenario: deps.scenario, db, seed: deps.seed, now, planner });
  const start = now();
  // In slices, so a large mesh's backfill does not hold the event loop for its whole duration.
  for (let sliceEnd = start - historyMs + BACKFILL_SLICE_MS; ; sliceEnd += BACKFILL_SLICE_MS) {
    simulator.backfill(start - historyMs, Math.min(sliceEnd, start));
    if (sliceEnd >= start) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  scope.addHook('onClose', async () => {
    simulator.stop();
    planner.dispose();
  });

  let fault: FaultMode = { kind: 'none' };
  registerPrometheusApi(scope, { db, prefix: PROMETHEUS_PROXY_PREFIX, now, fault: () => fault });
  // Fastify reads ":name" as a path parameter; "::" is a literal colon.
  registerMetricsRoute(scope, { db, path: `${PROMETHEUS_PROXY_PREFIX.replace(/:/g, '::')}/metrics` });
  const podIp = podAddresses(deps.store);
  const tracing = await mountTracing(scope, { ...deps, historyMs, planner, podIp });
  const accessLogs = mountAccessLogs(scope, { store: deps.store, planner, tracing, seed: deps.seed, podIp, historyStartMs: start - historyMs, now });
  // The backfills take a while on a big mesh (over a minute at 10,000 pods): the metrics catch up
  // with the clock before the first request, whose last-minute rates would otherwise find nothing.
  simulator.tick(now());
  simulator.start();
  return {
    db,
    simulator,
    tracing,
    accessLogs,
    setPrometheusFault(mode) {
      fault = mode;
    },
  };
}
