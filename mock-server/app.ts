/** Assembles the mock cluster: the object store seeded with a scenario, and the Kubernetes API over HTTP. */
import fs from 'node:fs';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { registerAdminRoutes } from './admin';
import { registerKubeApi, type TokenEntry } from './kube/server';
import { ObjectStore } from './kube/store';
import { DEFAULT_SEED, scenarioByName, type ScenarioName } from './sim/scenarios';
import { mountTelemetry, type Telemetry } from './sim/traffic';

export interface MockServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  scenario: ScenarioName;
  pods?: number;
  seed?: number;
  /** Where acknowledged writes are journaled; in memory when absent. */
  dataDir?: string;
  /** Discard the data dir's state and seed the scenario again. */
  fresh?: boolean;
  /** A JSON file holding `[{ "token", "user", "role": "admin" | "read-only" }]`. */
  tokensFile?: string;
  /** Minutes of telemetry history simulated at start (default 60), so charts are never empty. */
  historyMinutes?: number;
  quiet?: boolean;
}

export interface MockServer {
  readonly url: string;
  readonly store: ObjectStore;
  /** The simulated telemetry: its time-series store and fault switches. */
  readonly telemetry: Telemetry;
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  const tokens = options.tokensFile ? readTokens(options.tokensFile) : undefined;
  const store = await ObjectStore.open({ dataDir: options.dataDir, fresh: options.fresh });
  const seed = options.seed ?? DEFAULT_SEED;
  const scenario = scenarioByName(options.scenario, { pods: options.pods, seed, now: new Date() });
  if (store.isEmpty()) {
    await store.seed(scenario.objects);
    log(`Seeded the ${scenario.name} scenario: ${scenario.objects.length} objects`);
  } else {
    log(`Resumed the saved cluster state from ${options.dataDir} (use --fresh to start over)`);
  }

  // The telemetry backfill of a large mesh takes longer than Fastify's default plugin timeout.
  const app = Fastify({ logger: false, forceCloseConnections: true, pluginTimeout: 0 });
  let telemetry: Telemetry | undefined;
  const historyMs = (options.historyMinutes ?? 60) * 60_000;
  const api = await registerKubeApi(app, {
    store,
    tokens,
    extraRoutes: async (scope) => {
      log(`Simulating ${historyMs / 60_000} minutes of telemetry history…`);
      telemetry = await mountTelemetry(scope, { store, scenario, seed, historyMs });
    },
  });
  if (!telemetry) throw new Error('the telemetry routes were not mounted');
  const mounted = telemetry;
  registerAdminRoutes(app, () => mounted);
  app.addHook('onClose', async () => store.close());
  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  if (api.openAccess) {
    log(`No tokens configured: the API is open to anyone who can reach ${options.host}:${port}`);
  }
  return { url: `http://${options.host}:${port}`, store, telemetry: mounted, close: () => app.close() };
}

function readTokens(file: string): TokenEntry[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON list of tokens`);
  return parsed.map((entry: unknown, index) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const { token, user, role } = record;
    if (typeof token !== 'string' || typeof user !== 'string' || (role !== 'admin' && role !== 'read-only')) {
      throw new Error(`${file}: entry [${index}] needs string "token" and "user", and "role" "admin" or "read-only"`);
    }
    return { token, user, role };
  });
}
