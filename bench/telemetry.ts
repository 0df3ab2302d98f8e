/**
 * Figures for the simulated telemetry at the largest scale: simulator tick and backfill time, series
 * count, and the console's namespace graph queries against an hour of history.
 */
import { namespaceGraphQueries } from '../mesh/telemetry';
import { ObjectStore } from '../mock-server/kube/store';
import { Tsdb, instantQuery } from '../mock-server/prometheus';
import { MAX_SCALE_PODS, scenarioByName } from '../mock-server/sim/scenarios';
import { createTrafficSimulator, DEFAULT_STEP_MS } from '../mock-server/sim/traffic';
import { median } from './stats';

const HOUR_MS = 60 * 60_000;
const TIMED_TICKS = 5;

export async function benchTelemetry(): Promise<Record<string, number>> {
  const end = Math.floor(Date.now() / DEFAULT_STEP_MS) * DEFAULT_STEP_MS;
  const scenario = scenarioByName('scale', { pods: MAX_SCALE_PODS, seed: 1, now: new Date(end) });
  const store = await ObjectStore.open({});
  await store.seed(scenario.objects);
  const db = new Tsdb({ retentionMs: HOUR_MS + 10 * 60_000 });
  const simulator = createTrafficSimulator({ store, scenario, db, seed: 1, now: () => end });

  let started = performance.now();
  simulator.backfill(end - HOUR_MS, end);
  const backfillMs = performance.now() - started;
  started = performance.now();
  for (let i = 1; i <= TIMED_TICKS; i++) simulator.tick(end + i * DEFAULT_STEP_MS);
  const tickMs = (performance.now() - started) / TIMED_TICKS;

  const namespace = scenario.workloads.find((w) => w.namespace !== 'istio-system')?.namespace ?? 'default';
  const queries = namespaceGraphQueries([namespace], '1m').map((q) => q.query);
  const graphTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    for (const query of queries) instantQuery(db, query, end + TIMED_TICKS * DEFAULT_STEP_MS);
    graphTimes.push(performance.now() - started);
  }
  simulator.stop();
  await store.close();
  return {
    'sim.tickMs10k': round(tickMs),
    'sim.backfillHourMs10k': Math.round(backfillMs),
    'prom.seriesScale10k': simulator.seriesCount,
    'prom.graphQueryMs': round(median(graphTimes)),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
