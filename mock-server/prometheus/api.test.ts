import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerPrometheusApi, type FaultMode } from './api';
import { dbWith, every15s } from './promql/test-helpers';

const NOW = 1_700_000_000_000;
const db = dbWith(
  [{ __name__: 'up', job: 'api', instance: 'a<b>&c' }, every15s(600, () => 1)],
  [{ __name__: 'req_total', job: 'api' }, every15s(600, (t) => t * 0.5)],
);

let app: FastifyInstance;

async function server(options: { prefix?: string; fault?: () => FaultMode } = {}): Promise<FastifyInstance> {
  app = Fastify();
  registerPrometheusApi(app, { db, now: () => NOW, ...options });
  await app.ready();
  return app;
}

afterEach(async () => {
  await app.close();
});

async function get(url: string): Promise<{ status: number; body: string; json: unknown }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.body, json: JSON.parse(response.body) };
}

describe('query API', () => {
  it('answers an instant vector query with Prometheus JSON, byte for byte', async () => {
    await server();
    const { status, body } = await get('/api/v1/query?query=up&time=600.5');
    expect(status).toBe(200);
    expect(body).toBe(
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"a\\u003cb\\u003e\\u0026c","job":"api"},"value":[600.500,"1"]}]}}',
    );
  });

  it('answers scalars, strings and range queries', async () => {
    await server();
    expect((await get('/api/v1/query?query=1%2F3&time=10')).body).toBe(
      '{"status":"success","data":{"resultType":"scalar","result":[10,"0.3333333333333333"]}}',
    );
    expect((await get('/api/v1/query?query=%22hi%22&time=10')).body).toBe('{"status":"success","data":{"resultType":"string","result":[10,"hi"]}}');
    const rangeBody = (await get('/api/v1/query_range?query=rate(req_total[1m])&start=1970-01-01T00:09:00Z&end=600&step=30s')).body;
    expect(rangeBody).toBe('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"api"},"values":[[540,"0.5"],[570,"0.5"],[600,"0.5"]]}]}}');
  });

  it('writes NaN and infinities as Prometheus does', async () => {
    await server();
    expect((await get('/api/v1/query?query=vector(1%2F0)&time=1')).body).toContain('"value":[1,"+Inf"]');
    expect((await get('/api/v1/query?query=vector(0%2F0)&time=1')).body).toContain('"value":[1,"NaN"]');
    expect((await get('/api/v1/query?query=vector(1e-7)&time=1')).body).toContain('"value":[1,"0.0000001"]');
  });

  it('defaults the evaluation time to now', async () => {
    await server();
    expect((await get('/api/v1/query?query=time()')).body).toContain('[1700000000,"1700000000"]');
  });

  it('accepts form-encoded POST bodies', async () => {
    await server();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'query=sum(up)&time=300',
    });
    expect(JSON.parse(response.body)).toEqual({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [300, '1'] }] } });
  });

  it('reports errors with Prometheus error types and status codes', async () => {
    await server();
    const cases: [string, number, string, string][] = [
      ['/api/v1/query?query=sum(up', 400, 'bad_data', 'invalid parameter "query": 1:7: parse error: unclosed left parenthesis'],
      ['/api/v1/query?query=holt_winters(up[5m],0.1,0.1)', 400, 'bad_data', 'invalid parameter "query": not supported by this server: function "holt_winters"'],
      ['/api/v1/query?query=up&time=yesterday', 400, 'bad_data', 'invalid parameter "time": cannot parse "yesterday" to a valid timestamp'],
      ['/api/v1/query?query=up/on()up%2Bon()up&time=600', 200, '', ''],
      ['/api/v1/query?query={__name__=~".%2B"}/on()up&time=600', 422, 'execution', ''],
      ['/api/v1/query?query=up&time=600&timeout=-1', 503, 'timeout', 'query timed out in expression evaluation'],
      ['/api/v1/query_range?query=up&start=0&end=100000&step=1', 400, 'bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'],
      ['/api/v1/query_range?query=up&start=10&end=0&step=1', 400, 'bad_data', 'end timestamp must not be before start time'],
      ['/api/v1/query_range?query=up&start=0&end=10&step=0', 400, 'bad_data', 'zero or negative query resolution step widths are not accepted. Try a positive integer'],
      ['/api/v1/query_range?query=up[5m]&start=0&end=10&step=1', 400, 'bad_data', 'invalid parameter "query": invalid expression type "range vector" for range query, must be Scalar or instant Vector'],
    ];
    for (const [url, status, errorType, error] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(status);
      if (status === 200) continue;
      expect(response.json, url).toMatchObject({ status: 'error', errorType });
      if (error !== '') expect((response.json as { error: string }).error, url).toBe(error);
    }
  });
});

describe('metadata API', () => {
  it('lists series, label names and label values', async () => {
    await server();
    expect((await get('/api/v1/series?match[]=up&match[]=req_total')).json).toEqual({
      status: 'success',
      data: [{ __name__: 'req_total', job: 'api' }, { __name__: 'up', instance: 'a<b>&c', job: 'api' }],
    });
    expect((await get('/api/v1/series')).json).toEqual({ status: 'error', errorType: 'bad_data', error: 'no match[] parameter provided' });
    expect((await get('/api/v1/labels')).json).toEqual({ status: 'success', data: ['__name__', 'instance', 'job'] });
    expect((await get('/api/v1/labels?match[]=req_total')).json).toEqual({ status: 'success', data: ['__name__', 'job'] });
    expect((await get('/api/v1/label/__name__/values')).json).toEqual({ status: 'success', data: ['req_total', 'up'] });
    expect((await get('/api/v1/label/job/values?start=1000&end=2000')).json).toEqual({ status: 'success', data: [] });
    expect((await get('/api/v1/label/9x/values')).status).toBe(400);
  });

  it('serves build information', async () => {
    await server();
    expect((await get('/api/v1/status/buildinfo')).json).toMatchObject({ status: 'success', data: { version: '2.42.0' } });
    expect((await get('/api/v1/status/runtimeinfo')).json).toMatchObject({ status: 'success', data: { storageRetention: expect.any(String) } });
  });
});

describe('mounting and faults', () => {
  it('serves under a Kubernetes service-proxy prefix with a literal colon', async () => {
    await server({ prefix: '/api/v1/namespaces/istio-system/services/prometheus:9090/proxy' });
    const response = await get('/api/v1/namespaces/istio-system/services/prometheus:9090/proxy/api/v1/query?query=up&time=600');
    expect(response.status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/query?query=up' })).statusCode).toBe(404);
  });

  it('fails or slows down on demand', async () => {
    let mode: FaultMode = { kind: 'unavailable' };
    await server({ fault: () => mode });
    const failed = await get('/api/v1/query?query=up&time=600');
    expect(failed.status).toBe(503);
    expect(failed.json).toMatchObject({ status: 'error', errorType: 'unavailable' });
    mode = { kind: 'slow', delayMs: 50 };
    const started = Date.now();
    expect((await get('/api/v1/query?query=up&time=600')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('does not evaluate a query whose client has gone away, as Prometheus cancels it', async () => {
    let evaluated = 0;
    app = Fastify();
    registerPrometheusApi(app, { db, now: () => (evaluated++, NOW), fault: () => ({ kind: 'slow', delayMs: 150 }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const ask = (signal?: AbortSignal) => fetch(`http://127.0.0.1:${port}/api/v1/query?query=up`, { signal });
    // Registering reads the clock once (the server's start time); each evaluation once more.
    const before = evaluated;
    expect(await ask(AbortSignal.timeout(30)).catch((error: unknown) => error)).toBeInstanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(evaluated).toBe(before);
    expect((await ask()).status).toBe(200);
    expect(evaluated).toBe(before + 1);
  });
});
