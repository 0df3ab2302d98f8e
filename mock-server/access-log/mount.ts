/** Mounts pods/log in the Kubernetes API scope, fed by the simulator's plans and the traces of each step. */
import type { FastifyInstance } from 'fastify';
import { findKind } from '../../mesh/kinds';
import type { ObjectStore } from '../kube/store';
import type { TraceStore } from '../jaeger/store';
import type { PodAddress } from '../jaeger/trace-builder';
import type { Trace } from '../jaeger/types';
import type { TrafficPlanner } from '../sim/traffic/planner';
import { registerPodLogRoute } from './route';
import { AccessLogStore, DEFAULT_LIMITS, type AccessLogLimits, type AccessLogSource } from './store';

export interface AccessLogDeps {
  readonly store: ObjectStore;
  readonly planner: TrafficPlanner;
  readonly tracing: {
    readonly traces: TraceStore;
    readonly stepMs: number;
    readonly lastStepMs: number;
    onStep(listener: (endMs: number, traces: readonly Trace[]) => void): void;
  };
  readonly seed: number;
  readonly podIp: PodAddress;
  /** Where the simulated history begins. */
  readonly historyStartMs: number;
  readonly now?: () => number;
  readonly limits?: AccessLogLimits;
}

const SERVICE = findKind('', 'Service');

export function mountAccessLogs(scope: FastifyInstance, deps: AccessLogDeps): AccessLogStore {
  const addressing: AccessLogSource['addressing'] = {
    podIp: deps.podIp,
    serviceIp: (host) => {
      const [name, namespace, svc] = host.split('.');
      if (!SERVICE || !name || !namespace || svc !== 'svc') return undefined;
      const ip = (deps.store.get(SERVICE, namespace, name)?.spec as { clusterIP?: unknown } | undefined)?.clusterIP;
      return typeof ip === 'string' && ip !== 'None' ? ip : undefined;
    },
  };
  const logs = new AccessLogStore(
    {
      planner: deps.planner,
      traces: deps.tracing.traces,
      addressing,
      seed: deps.seed,
      stepMs: deps.tracing.stepMs,
      lastStepMs: () => deps.tracing.lastStepMs,
      historyStartMs: deps.historyStartMs,
    },
    deps.limits ?? DEFAULT_LIMITS,
  );
  deps.tracing.onStep((endMs, traces) => logs.addStep(endMs, traces));
  registerPodLogRoute(scope, { store: deps.store, logs, now: deps.now ?? Date.now });
  return logs;
}
