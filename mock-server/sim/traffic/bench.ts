/** Figures for `npm run bench`: the simulator at the largest scale scenario. */
import { ObjectStore } from '../../kube/store';
import { Tsdb } from '../../prometheus';
import { MAX_SCALE_PODS, scenarioByName } from '../scenarios';
import { createTrafficSimulator, DEFAULT_STEP_MS } from './simulator';

const TIMED_TICKS = 5;

export async function benchTrafficSimulator(pods = MAX_SCALE_PODS): Promise<Record<string, number>> {
  const now = Date.UTC(2026, 0, 1, 12);
  const scenario = scenarioByName('scale', { pods, seed: 1, now: new Date(now) });
  const store = await ObjectStore.open({});
  await store.seed(scenario.objects);
  const rssBefore = process.memoryUsage().rss;
  const db = new Tsdb();
  const sim = createTrafficSimulator({ store, scenario, db, seed: 1 });

  let started = performance.now();
  sim.tick(now);
  const firstTickMs = performance.now() - started;
  started = performance.now();
  for (let i = 1; i <= TIMED_TICKS; i++) sim.tick(now + i * DEFAULT_STEP_MS);
  const tickMs = (performance.now() - started) / TIMED_TICKS;
  sim.stop();

  const suffix = pods === MAX_SCALE_PODS ? '10k' : String(pods);
  return {
    [`sim.tickMs${suffix}`]: Math.round(tickMs * 10) / 10,
    [`sim.firstTickMs${suffix}`]: Math.round(firstTickMs),
    [`sim.series${suffix}`]: sim.seriesCount,
    [`sim.rssDeltaMb${suffix}`]: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
  };
}
