/** Test helpers: the demo scenario under the simulator, and the Kubernetes API with something mounted in its scope. */
import Fastify, { type FastifyInstance } from 'fastify';
import { findKind, type KindInfo } from '../../../mesh/kinds';
import { registerKubeApi } from '../../kube/server';
import { ObjectStore } from '../../kube/store';
import { instantQuery, Tsdb } from '../../prometheus';
import { scenarioByName, type Scenario } from '../scenarios';
import { createTrafficSimulator, type TrafficSimulator } from './simulator';

export const TEST_NOW = Date.UTC(2026, 0, 1, 12);
export const ADMIN_TOKEN = 'admin-token';

export type Mount<T> = (scope: FastifyInstance, deps: { store: ObjectStore; scenario: Scenario }) => Promise<T>;

export const READ_ONLY_TOKEN = 'viewer-token';

/** Starts a token-protected demo API (admin and read-only; not listening, use `inject`) and returns what `mount` made. */
export async function demoApiWith<T>(mount: Mount<T>): Promise<{ app: FastifyInstance; mounted: T }> {
  const scenario = scenarioByName('demo', { now: new Date(TEST_NOW) });
  const store = await ObjectStore.open({});
  await store.seed(scenario.objects);
  const app = Fastify({ logger: false });
  let mounted: T | undefined;
  await registerKubeApi(app, {
    store,
    tokens: [
      { token: ADMIN_TOKEN, user: 'admin', role: 'admin' },
      { token: READ_ONLY_TOKEN, user: 'viewer', role: 'read-only' },
    ],
    extraRoutes: async (scope) => {
      mounted = await mount(scope, { store, scenario });
    },
  });
  await app.ready();
  if (mounted === undefined) throw new Error('nothing was mounted');
  return { app, mounted };
}

const STEP_MS = 15_000;

export function kindOf(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(`no kind ${name}`);
  return info;
}

export interface SimHarness {
  readonly scenario: Scenario;
  readonly store: ObjectStore;
  readonly db: Tsdb;
  readonly sim: TrafficSimulator;
  now: number;
}

/**
 * The demo under the simulator with five minutes of history; `prepare` may adjust the traffic model
 * first; `now` is the clock the simulator's own timer reads (see start()).
 */
export async function simHarness(prepare?: (scenario: Scenario) => void, now?: () => number): Promise<SimHarness> {
  const scenario = scenarioByName('demo', { now: new Date(TEST_NOW) });
  prepare?.(scenario);
  const store = await ObjectStore.open({});
  await store.seed(scenario.objects);
  const db = new Tsdb();
  const sim = createTrafficSimulator({ store, scenario, db, seed: 7, stepMs: STEP_MS, now });
  sim.backfill(TEST_NOW - 5 * 60_000, TEST_NOW);
  return { scenario, store, db, sim, now: TEST_NOW };
}

/** Ticks past the rate window so it holds only samples written under the new config. */
export function advance(h: SimHarness, steps = 6): void {
  for (let i = 0; i < steps; i++) {
    h.now += STEP_MS;
    h.sim.tick(h.now);
  }
}

/** An instant vector as values by one label's value. */
export function byLabel(h: SimHarness, query: string, label: string): Record<string, number> {
  const result = instantQuery(h.db, query, h.now);
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got ${result.resultType}`);
  const out: Record<string, number> = {};
  for (const sample of result.samples) {
    const index = sample.labels.indexOf(label);
    out[index >= 0 ? (sample.labels[index + 1] ?? '') : ''] = sample.value;
  }
  return out;
}
