/**
 * Traces for the mock cluster: sampled from the call graph under the live config, kept in a bounded store and
 * served as Jaeger's query API at the service proxy paths of istio-system/tracing:80 and jaeger-query:16686.
 */
import type { FastifyInstance } from 'fastify';
import { estimateTraceBytes, liveOutcomes, registerJaegerApi, TraceSampler, TraceStore, type Trace } from '../../jaeger';
import type { PodAddress } from '../../jaeger/trace-builder';
import type { FaultMode } from '../../prometheus';
import type { TelemetryDeps } from './mount';
import { podAddresses } from './pod-addresses';
import type { TrafficPlanner } from './planner';
import { DEFAULT_STEP_MS } from './simulator';
import { runInSlices } from './slices';

export const JAEGER_PROXY_PREFIXES = [
  '/api/v1/namespaces/istio-system/services/tracing:80/proxy',
  '/api/v1/namespaces/istio-system/services/jaeger-query:16686/proxy',
] as const;

const BACKFILL_SLICE_STEPS = 8;

/**
 * The backfill's steps, oldest first, from the newest back to the first whose traces the store keeps:
 * sampling older ones only to evict them took minutes at scale, where the store holds a few steps.
 */
async function keptBackfill(sampler: TraceSampler, store: TraceStore, afterMs: number, toMs: number, stepMs: number): Promise<Trace[][]> {
  const steps: Trace[][] = [];
  let count = 0;
  let bytes = 0;
  for (let endMs = Math.floor(toMs / stepMs) * stepMs; endMs > afterMs && count < store.capacity && bytes < store.maxBytes; endMs -= stepMs) {
    const sampled = sampler.sampleStep(endMs, stepMs);
    steps.unshift(sampled);
    count += sampled.length;
    for (const trace of sampled) bytes += estimateTraceBytes(trace);
    // In slices, so a large mesh's backfill does not hold the event loop for its whole duration.
    if (steps.length % BACKFILL_SLICE_STEPS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return steps;
}

export type StepListener = (endMs: number, traces: readonly Trace[]) => void;

export interface Tracing {
  readonly traces: TraceStore;
  readonly stepMs: number;
  /** The end of the newest step sampled. */
  readonly lastStepMs: number;
  /** Calls `listener` after each step's traces are stored. */
  onStep(listener: StepListener): void;
  setJaegerFault(mode: FaultMode): void;
}

export interface TracingDeps extends TelemetryDeps {
  readonly historyMs: number;
  /** Plans shared with the metrics; the tracer's own otherwise. */
  readonly planner?: TrafficPlanner;
  /** Pod IPs; read from the store's pods otherwise. */
  readonly podIp?: PodAddress;
}

export async function mountTracing(scope: FastifyInstance, deps: TracingDeps): Promise<Tracing> {
  const now = deps.now ?? Date.now;
  const stepMs = DEFAULT_STEP_MS;
  const traces = new TraceStore();
  const outcomes = liveOutcomes(deps.store, deps.scenario, deps.planner);
  const sampler = new TraceSampler({ scenario: deps.scenario, pickOutcome: outcomes.pick, seed: deps.seed, podIp: deps.podIp ?? podAddresses(deps.store) });
  const listeners: StepListener[] = [];
  let lastStepT = Math.floor((now() - deps.historyMs) / stepMs) * stepMs;
  // Steps run in slices (see slices.ts); a step's traces are stored, and listeners told, once it is whole.
  function* dueSteps(toMs: number): Generator<void, void, void> {
    while (lastStepT + stepMs <= toMs) {
      const endMs = lastStepT + stepMs;
      const sampled = yield* sampler.sampleStepInSteps(endMs, stepMs);
      lastStepT = endMs;
      for (const trace of sampled) traces.add(trace);
      for (const listener of listeners) listener(lastStepT, sampled);
    }
  }
  let stepping = false;
  let closed = false;
  const tick = async (): Promise<void> => {
    if (stepping) return;
    stepping = true;
    try {
      await runInSlices(dueSteps(now()), () => !closed);
    } finally {
      stepping = false;
    }
  };
  const start = now();
  for (const sampled of await keptBackfill(sampler, traces, lastStepT, start, stepMs)) for (const trace of sampled) traces.add(trace);
  lastStepT = Math.max(lastStepT, Math.floor(start / stepMs) * stepMs);
  const timer = setInterval(() => void tick(), Math.min(stepMs, 5_000));
  timer.unref();
  scope.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    outcomes.dispose();
  });

  let fault: FaultMode = { kind: 'none' };
  for (const prefix of JAEGER_PROXY_PREFIXES) registerJaegerApi(scope, { store: traces, prefix, now, fault: () => fault });
  return {
    traces,
    stepMs,
    get lastStepMs() {
      return lastStepT;
    },
    onStep(listener) {
      listeners.push(listener);
    },
    setJaegerFault(mode) {
      fault = mode;
    },
  };
}
