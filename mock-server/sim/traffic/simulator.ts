/**
 * The traffic simulator: each step (15 s of simulated time) pushes the scenario's call graph through the
 * live mesh config and adds the resulting requests to Istio's standard metrics in a Tsdb.
 *
 * Traffic is aggregated, not simulated request by request: each edge (a caller making one kind of call)
 * is planned once per config version into shares per series (by the TrafficPlanner, which also applies
 * circuit breaking, outlier ejection and rate limits at the steady load); a step multiplies those shares by
 * the edge's request count. Plans are dropped whenever the store changes a kind that affects traffic.
 */
import { ISTIO_METRICS } from '../../../mesh/telemetry';
import type { ObjectStore } from '../../kube/store';
import type { Tsdb } from '../../prometheus';
import { EXTERNAL_ORIGIN, isRootCall, workloadKey, type Scenario, type SimCall, type SimWorkload } from '../model';
import { lineWriter, lineWriterKey, type LineWriter } from './line-writer';
import { MetricSink } from './metric-sink';
import type { EdgePlan } from './plan-types';
import { TrafficPlanner } from './planner';
import { mixSeed, seededRandom } from './random';
import { propagateInSteps, type EdgeRunner } from './propagate';
import { runInSlices, runNow } from './slices';

export const DEFAULT_STEP_MS = 15_000;

export interface TrafficSimulatorOptions {
  store: ObjectStore;
  scenario: Scenario;
  db: Tsdb;
  seed: number;
  stepMs?: number;
  /** Wall clock for `start()`; default Date.now. */
  now?: () => number;
  /** Plans shared with other samplers of the same traffic; one of its own otherwise. */
  planner?: TrafficPlanner;
}

export interface TrafficSimulator {
  /** Writes every step in (fromMs, toMs] with the config as it is now. */
  backfill(fromMs: number, toMs: number): void;
  /** Writes the steps due up to `nowMs` since the last one written. */
  tick(nowMs: number): void;
  /** Ticks on a timer (unref'd) at the wall clock. */
  start(): void;
  /** Stops the timer and stops following the store; the simulator is done after this. */
  stop(): void;
  /** Series written so far. */
  readonly seriesCount: number;
}

interface PlannedEdge {
  readonly served: readonly { readonly workload: SimWorkload; readonly share: number }[];
  readonly writers: readonly { readonly write: LineWriter; readonly share: number }[];
}

export function createTrafficSimulator(options: TrafficSimulatorOptions): TrafficSimulator {
  const { store, scenario, db } = options;
  const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
  const now = options.now ?? Date.now;
  const sink = new MetricSink(db);
  const planner = options.planner ?? new TrafficPlanner(store, scenario);
  const byKey = new Map(scenario.workloads.map((w) => [workloadKey(w.namespace, w.name), w]));
  const rootCalls = scenario.calls.filter(isRootCall);
  setMetadata(db);

  const plans = new WeakMap<EdgePlan, PlannedEdge>();
  // Writers outlive plans: after a config change most lines feed the same series as before.
  const writers = new Map<string, LineWriter>();
  let lastStepT: number | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const plannedEdge = (caller: SimWorkload | undefined, call: SimCall): PlannedEdge => {
    const plan = planner.plan(caller, call);
    let planned = plans.get(plan);
    if (!planned) {
      const edgeKey = planner.edgeKey(caller, call);
      const lineWriters = plan.lines.map((line) => {
        const writerKey = lineWriterKey(edgeKey, line);
        let write = writers.get(writerKey);
        if (!write) {
          write = lineWriter(sink, caller, call, line);
          writers.set(writerKey, write);
        }
        return { write, share: line.share };
      });
      planned = { served: plan.served, writers: lineWriters };
      plans.set(plan, planned);
    }
    return planned;
  };

  const runEdge: EdgeRunner = (caller, call, requests) => {
    const planned = plannedEdge(caller, call);
    for (const { write, share } of planned.writers) write(requests * share);
    return planned.served;
  };

  function* stepInSteps(tMs: number): Generator<void, void, void> {
    const noise = seededRandom(mixSeed(options.seed, Math.floor(tMs / stepMs)));
    const roots = rootCalls.map((call) => ({
      caller: call.from === EXTERNAL_ORIGIN ? undefined : byKey.get(call.from),
      call,
      requests: call.rps * (stepMs / 1000) * (0.9 + 0.2 * noise()),
    }));
    yield* propagateInSteps(roots, (w) => planner.callsOf(w), runEdge);
    yield* sink.flushInSteps(tMs);
    lastStepT = tMs;
  }

  /** The steps due in (fromMs, toMs], after the last one written. */
  function* dueSteps(fromMs: number, toMs: number): Generator<void, void, void> {
    const first = Math.floor(fromMs / stepMs) * stepMs + stepMs;
    for (let t = first; t <= toMs; t += stepMs) yield* stepInSteps(t);
  }

  const runSteps = (fromMs: number, toMs: number): void => runNow(dueSteps(fromMs, toMs));

  const tick = (nowMs: number): void => runSteps(lastStepT ?? nowMs - stepMs, nowMs);

  // On the timer, steps run in slices (see slices.ts).
  let stepping = false;
  const tickInSlices = async (nowMs: number): Promise<void> => {
    if (stepping) return;
    stepping = true;
    try {
      await runInSlices(dueSteps(lastStepT ?? nowMs - stepMs, nowMs), () => timer !== undefined);
    } finally {
      stepping = false;
    }
  };

  return {
    backfill: (fromMs, toMs) => runSteps(lastStepT ?? fromMs, toMs),
    tick,
    start() {
      if (timer) return;
      // Checked more often than once a step so that steps land close to when they are due.
      timer = setInterval(() => void tickInSlices(now()), Math.min(stepMs, 5_000));
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (!options.planner) planner.dispose();
    },
    get seriesCount() {
      return sink.seriesCount;
    },
  };
}

function setMetadata(db: Tsdb): void {
  for (const info of ISTIO_METRICS) db.setMetadata(info.name, { type: info.type, help: info.help });
}
