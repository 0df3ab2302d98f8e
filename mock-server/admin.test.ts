import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultMode } from './admin';
import { startMockServer, type MockServer } from './app';

const QUERY_PATH = '/api/v1/namespaces/istio-system/services/prometheus:9090/proxy/api/v1/query?query=up';

describe('fault switches', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ host: '127.0.0.1', port: 0, scenario: 'demo', historyMinutes: 2, quiet: true });
  });
  afterAll(async () => mock.close());

  async function setFault(api: string, body: unknown): Promise<Response> {
    return fetch(`${mock.url}/admin/faults/${api}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('makes the Prometheus API fail, then recover', async () => {
    expect((await setFault('prometheus', { kind: 'unavailable', message: 'test outage' })).status).toBe(200);
    const failing = await fetch(`${mock.url}${QUERY_PATH}`);
    expect(failing.status).toBe(503);
    expect(await failing.text()).toContain('test outage');
    expect((await setFault('prometheus', { kind: 'none' })).status).toBe(200);
    expect((await fetch(`${mock.url}${QUERY_PATH}`)).status).toBe(200);
  });

  it('says what is wrong with a bad switch', async () => {
    const unknownApi = await setFault('grafana', { kind: 'none' });
    expect(unknownApi.status).toBe(404);
    const badMode = await setFault('jaeger', { kind: 'slow' });
    expect(badMode.status).toBe(400);
    expect(await badMode.text()).toContain('delayMs');
  });
});

describe('parseFaultMode', () => {
  it('accepts the three modes and rejects others', () => {
    expect(parseFaultMode({ kind: 'slow', delayMs: 500 })).toEqual({ kind: 'slow', delayMs: 500 });
    expect(parseFaultMode({ kind: 'unavailable' })).toEqual({ kind: 'unavailable' });
    expect(parseFaultMode({ kind: 'broken' })).toContain('"kind" must be');
    expect(parseFaultMode(null)).toContain('JSON object');
  });
});
