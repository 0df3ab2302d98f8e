/**
 * Traces for the mock cluster: sampled from the call graph under the live config, kept in a bounded store and
 * served as Jaeger's query API at the service proxy paths of istio-system/tracing:80 and jaeger-query:16686.
 */
import type { FastifyInstance } from 'fastify';
import { liveOutcomes, registerJaegerApi, TraceSampler, TraceStore } from '../../jaeger';
import type { FaultMode } from '../../prometheus';
import type { TelemetryDeps } from './mount';
import { DEFAULT_STEP_MS } from './simulator';

export const JAEGER_PROXY_PREFIXES = [
  '/api/v1/namespaces/istio-system/services/tracing:80/proxy',
  '/api/v1/namespaces/istio-system/services/jaeger-query:16686/proxy',
] as const;

const BACKFILL_SLICE_STEPS = 8;

export interface Tracing {
  readonly traces: TraceStore;
  setJaegerFault(mode: FaultMode): void;
}

export async function mountTracing(scope: FastifyInstance, deps: TelemetryDeps & { historyMs: number }): Promise<Tracing> {
  const now = deps.now ?? Date.now;
  const stepMs = DEFAULT_STEP_MS;
  const traces = new TraceStore();
  const outcomes = liveOutcomes(deps.store, deps.scenario);
  const sampler = new TraceSampler({ scenario: deps.scenario, pickOutcome: outcomes.pick, seed: deps.seed });
  let lastStepT = Math.floor((now() - deps.historyMs) / stepMs) * stepMs;
  const runSteps = (toMs: number, maxSteps = Infinity): void => {
    for (let steps = 0; lastStepT + stepMs <= toMs && steps < maxSteps; steps++) {
      lastStepT += stepMs;
      for (const trace of sampler.sampleStep(lastStepT, stepMs)) traces.add(trace);
    }
  };
  const start = now();
  // In slices, so a large mesh's backfill does not hold the event loop for its whole duration.
  while (lastStepT + stepMs <= start) {
    runSteps(start, BACKFILL_SLICE_STEPS);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const timer = setInterval(() => runSteps(now()), Math.min(stepMs, 5_000));
  timer.unref();
  scope.addHook('onClose', async () => {
    clearInterval(timer);
    outcomes.dispose();
  });

  let fault: FaultMode = { kind: 'none' };
  for (const prefix of JAEGER_PROXY_PREFIXES) registerJaegerApi(scope, { store: traces, prefix, now, fault: () => fault });
  return {
    traces,
    setJaegerFault(mode) {
      fault = mode;
    },
  };
}
