import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from './connection';
import { KubeApiError, ProtocolError } from './errors';
import { fakeFetch, jsonResponse, statusResponse } from './fake-fetch';
import type { FakeHandler } from './fake-fetch';
import { KubeClient } from './kube';
import { PrometheusClient, PrometheusError, seriesSelector } from './prometheus';
import { parseSampleValue } from './prometheus-wire';
import { ServiceUnreachableError } from './service-proxy';
import { memoryTokenStore } from './token-store';

const PROXY = '/k8s/api/v1/namespaces/istio-system/services/prometheus:9090/proxy';

function setup(handler: FakeHandler, baseUrl?: string) {
  const fake = fakeFetch(handler);
  const monitor = new ConnectionMonitor();
  const kube = new KubeClient({ fetch: fake.fetch, tokens: memoryTokenStore('secret'), monitor });
  return { prometheus: new PrometheusClient(kube.transport, { baseUrl }), requests: fake.requests, monitor };
}

const success = (data: unknown, warnings?: string[]) => jsonResponse({ status: 'success', data, warnings });

describe('PrometheusClient queries', () => {
  it('sends an instant query through the service proxy with the token and parses a vector', async () => {
    const { prometheus, requests } = setup(() =>
      success({
        resultType: 'vector',
        result: [
          { metric: { destination_workload: 'reviews-v1' }, value: [1767268800.5, '12.25'] },
          { metric: { destination_workload: 'reviews-v2' }, value: [1767268800.5, 'NaN'] },
          { metric: { destination_workload: 'reviews-v3' }, value: [1767268800.5, '+Inf'] },
        ],
      }),
    );
    const { data } = await prometheus.query('sum(rate(istio_requests_total[1m])) by (destination_workload)', {
      time: new Date(1_767_268_800_500),
    });
    const [request] = requests;
    expect(request?.url.pathname).toBe(`${PROXY}/api/v1/query`);
    expect(request?.url.searchParams.get('time')).toBe('1767268800.5');
    expect(request?.headers.authorization).toBe('Bearer secret');
    expect(data.resultType).toBe('vector');
    if (data.resultType !== 'vector') return;
    expect(data.result.map((s) => s.value)).toEqual([12.25, NaN, Infinity]);
    expect(data.result[0]).toMatchObject({ metric: { destination_workload: 'reviews-v1' }, time: 1767268800.5 });
  });

  it('parses scalar and string results and passes warnings on', async () => {
    const answers = [
      success({ resultType: 'scalar', result: [10, '-Inf'] }, ['be careful']),
      success({ resultType: 'string', result: [10, 'hello'] }),
    ];
    const { prometheus } = setup(() => answers.shift() ?? jsonResponse({}, 500));
    expect(await prometheus.query('-1/0')).toEqual({ data: { resultType: 'scalar', result: { time: 10, value: -Infinity } }, warnings: ['be careful'] });
    expect((await prometheus.query('"hello"')).data).toEqual({ resultType: 'string', result: { time: 10, value: 'hello' } });
  });

  it('sends a range query with start, end and step and returns the series as parallel arrays', async () => {
    const { prometheus, requests } = setup(() =>
      success({ resultType: 'matrix', result: [{ metric: { response_code: '503' }, values: [[100, '1'], [115, '2.5']] }] }),
    );
    const { data } = await prometheus.queryRange('x', { start: new Date(100_000), end: new Date(115_000), stepSeconds: 15 });
    const params = requests[0]?.url.searchParams;
    expect([params?.get('start'), params?.get('end'), params?.get('step')]).toEqual(['100', '115', '15']);
    expect(data).toEqual([{ metric: { response_code: '503' }, times: [100, 115], values: [1, 2.5] }]);
  });

  it('refuses a range answer that is not a matrix, and a malformed sample', async () => {
    const answers = [success({ resultType: 'vector', result: [] }), success({ resultType: 'vector', result: [{ metric: {}, value: [1, 'x'] }] })];
    const { prometheus } = setup(() => answers.shift() ?? jsonResponse({}, 500));
    await expect(prometheus.queryRange('x', { start: new Date(0), end: new Date(1), stepSeconds: 1 })).rejects.toBeInstanceOf(ProtocolError);
    await expect(prometheus.query('x')).rejects.toBeInstanceOf(ProtocolError);
  });

  it('reads series with repeated match[], label values and build info', async () => {
    const { prometheus, requests } = setup((request) => {
      if (request.url.pathname.endsWith('/series')) return success([{ __name__: 'istio_requests_total', app: 'a' }]);
      if (request.url.pathname.endsWith('/values')) return success(['reviews', 'ratings']);
      return success({ version: '2.42.0', revision: 'abc', branch: 'HEAD', goVersion: 'go1.19' });
    });
    expect(await prometheus.series(['up', 'istio_requests_total'], { start: new Date(0) })).toEqual([{ __name__: 'istio_requests_total', app: 'a' }]);
    expect(requests[0]?.url.searchParams.getAll('match[]')).toEqual(['up', 'istio_requests_total']);
    expect(await prometheus.labelValues('destination_app', { match: ['istio_requests_total'] })).toEqual(['reviews', 'ratings']);
    expect(requests[1]?.url.pathname).toBe(`${PROXY}/api/v1/label/destination_app/values`);
    expect((await prometheus.buildInfo()).version).toBe('2.42.0');
    await expect(prometheus.labelValues('bad name')).rejects.toBeInstanceOf(RangeError);
  });

  it('uses a configured base URL', async () => {
    const { prometheus, requests } = setup(() => success({ resultType: 'vector', result: [] }), '/prometheus/');
    await prometheus.query('up');
    expect(requests[0]?.url.pathname).toBe('/prometheus/api/v1/query');
  });
});

describe('seriesSelector and sample values', () => {
  it('escapes label values so that they cannot change the query', () => {
    expect(seriesSelector('istio_requests_total', { destination_app: 'x"} or vector(1) or {a="' })).toBe(
      'istio_requests_total{destination_app="x\\"} or vector(1) or {a=\\""}',
    );
    expect(() => seriesSelector('m', { 'bad"}': 'x' })).toThrow(RangeError);
  });

  it('reads Go float text', () => {
    expect([parseSampleValue('1e3'), parseSampleValue('-Inf'), parseSampleValue(''), parseSampleValue(3)]).toEqual([1000, -Infinity, undefined, undefined]);
  });
});

describe('PrometheusClient failures', () => {
  it('turns a Prometheus error body into a PrometheusError and leaves the Kubernetes connection alone', async () => {
    const { prometheus, monitor } = setup(() =>
      jsonResponse({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:5: parse error' }, 400),
    );
    const error = await prometheus.query('sum(').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusError);
    expect(error).toMatchObject({ errorType: 'bad_data', httpStatus: 400 });
    expect((error as Error).message).toContain('parse error');
    expect(monitor.getSnapshot().state).toBe('connecting');
  });

  it('says Prometheus is unreachable through the proxy on a 503 Status, a bare 502 or a network failure', async () => {
    const answers: (() => Response)[] = [
      () => statusResponse(503, 'ServiceUnavailable', 'no endpoints available for service "prometheus:9090"'),
      () => new Response('<html>Bad Gateway</html>', { status: 502 }),
      () => {
        throw new TypeError('fetch failed');
      },
    ];
    const { prometheus, monitor } = setup(() => (answers.shift() ?? (() => jsonResponse({}, 500)))());
    const first = await prometheus.query('up').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ServiceUnreachableError);
    expect((first as Error).message).toMatch(/^Prometheus is unreachable through the Kubernetes service proxy at .*HTTP 503 \(no endpoints/);
    const second = await prometheus.query('up').catch((e: unknown) => e);
    expect(second).toMatchObject({ service: 'Prometheus', httpStatus: 502 });
    expect(monitor.getSnapshot().state).toBe('connecting');
    const third = await prometheus.query('up').catch((e: unknown) => e);
    expect(third).toBeInstanceOf(ServiceUnreachableError);
    expect((third as Error).message).toContain('fetch failed');
  });

  it('reports RBAC refusing services/proxy as a Kubernetes permission error', async () => {
    const { prometheus } = setup(() => statusResponse(403, 'Forbidden', 'cannot get resource "services/proxy"'));
    await expect(prometheus.query('up')).rejects.toMatchObject({ name: 'KubeApiError', code: 403 });
  });

  it('leaves a 401 to the Kubernetes client, so the sign-in dialog opens', async () => {
    const { prometheus, monitor } = setup(() => statusResponse(401, 'Unauthorized', 'Unauthorized'));
    await expect(prometheus.query('up')).rejects.toBeInstanceOf(KubeApiError);
    expect(monitor.getSnapshot().unauthorized).toBeDefined();
  });
});
