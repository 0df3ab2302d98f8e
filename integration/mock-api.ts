/** One in-process mock cluster (the demo mesh, a minute of telemetry) per suite, and a KubeClient for it. */
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockServer } from '../mock-server/app';
import { KubeClient } from '../web/api/kube';

export interface MockApi {
  readonly mock: MockServer;
  readonly client: KubeClient;
}

/** Registers suite hooks that start the mock before the suite and closes it after; read the fields inside tests, not at import. */
export function startDemoMockApi(): MockApi {
  let mock: MockServer | undefined;
  let client: KubeClient | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ host: '127.0.0.1', port: 0, scenario: 'demo', historyMinutes: 1, quiet: true });
    client = new KubeClient({ baseUrl: mock.url });
  }, 60_000);
  afterAll(async () => mock?.close());
  return {
    get mock() {
      if (!mock) throw new Error('the mock API is not started yet');
      return mock;
    },
    get client() {
      if (!client) throw new Error('the mock API is not started yet');
      return client;
    },
  };
}
