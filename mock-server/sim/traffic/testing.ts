/** Test helper: the Kubernetes API over the demo scenario, with something mounted in its scope. */
import Fastify, { type FastifyInstance } from 'fastify';
import { registerKubeApi } from '../../kube/server';
import { ObjectStore } from '../../kube/store';
import { scenarioByName, type Scenario } from '../scenarios';

export const TEST_NOW = Date.UTC(2026, 0, 1, 12);
export const ADMIN_TOKEN = 'admin-token';

export type Mount<T> = (scope: FastifyInstance, deps: { store: ObjectStore; scenario: Scenario }) => Promise<T>;

/** Starts an admin-token-protected demo API (not listening; use `inject`) and returns what `mount` made. */
export async function demoApiWith<T>(mount: Mount<T>): Promise<{ app: FastifyInstance; mounted: T }> {
  const scenario = scenarioByName('demo', { now: new Date(TEST_NOW) });
  const store = await ObjectStore.open({});
  await store.seed(scenario.objects);
  const app = Fastify({ logger: false });
  let mounted: T | undefined;
  await registerKubeApi(app, {
    store,
    tokens: [{ token: ADMIN_TOKEN, user: 'admin', role: 'admin' }],
    extraRoutes: async (scope) => {
      mounted = await mount(scope, { store, scenario });
    },
  });
  await app.ready();
  if (mounted === undefined) throw new Error('nothing was mounted');
  return { app, mounted };
}
