import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors';
import { fakeFetch, jsonResponse, statusResponse } from './fake-fetch';
import type { FakeHandler } from './fake-fetch';
import { JaegerClient, JaegerError, traceSearchQuery } from './jaeger';
import { parentSpanId, serviceOf, tagValue } from './jaeger-wire';
import { KubeClient } from './kube';
import { ServiceUnreachableError } from './service-proxy';

const PROXY = '/k8s/api/v1/namespaces/istio-system/services/tracing:80/proxy';

function setup(handler: FakeHandler) {
  const fake = fakeFetch(handler);
  const kube = new KubeClient({ fetch: fake.fetch });
  return { jaeger: new JaegerClient(kube.transport), requests: fake.requests };
}

const envelope = (data: unknown, errors: unknown = null) => ({ data, total: Array.isArray(data) ? data.length : 0, limit: 0, offset: 0, errors });

const TRACE = {
  traceID: 'abc123',
  spans: [
    {
      traceID: 'abc123',
      spanID: 's1',
      operationName: 'productpage.bookinfo.svc.cluster.local:9080/*',
      references: [],
      startTime: 1_000_000,
      duration: 25_000,
      tags: [
        { key: 'http.status_code', type: 'string', value: '200' },
        { key: 'error', type: 'bool', value: false },
      ],
      logs: [{ timestamp: 1_000_100, fields: [{ key: 'event', type: 'string', value: 'retry' }] }],
      processID: 'p1',
      warnings: null,
      flags: 1,
    },
    {
      traceID: 'abc123',
      spanID: 's2',
      operationName: 'reviews.bookinfo.svc.cluster.local:9080/*',
      references: [{ refType: 'CHILD_OF', traceID: 'abc123', spanID: 's1' }],
      startTime: 1_002_000,
      duration: 10_000,
      tags: [{ key: 'peer.port', type: 'int64', value: 9080 }],
      logs: [],
      processID: 'p2',
      warnings: null,
      flags: 1,
    },
    { spanID: 'broken' },
  ],
  processes: {
    p1: { serviceName: 'productpage.bookinfo', tags: [{ key: 'ip', type: 'string', value: '10.0.0.1' }] },
    p2: { serviceName: 'reviews.bookinfo', tags: [] },
  },
  warnings: null,
};

describe('JaegerClient', () => {
  it('lists services and operations through the service proxy, null as none', async () => {
    const answers = [envelope(['productpage.bookinfo']), envelope(null)];
    const { jaeger, requests } = setup(() => jsonResponse(answers.shift()));
    expect(await jaeger.services()).toEqual(['productpage.bookinfo']);
    expect(await jaeger.operations('reviews.bookinfo')).toEqual([]);
    expect(requests.map((r) => r.url.pathname)).toEqual([`${PROXY}/api/services`, `${PROXY}/api/services/reviews.bookinfo/operations`]);
  });

  it('searches traces with every parameter and parses spans, references, processes, tags and logs', async () => {
    const { jaeger, requests } = setup(() => jsonResponse(envelope([TRACE])));
    const [trace] = await jaeger.searchTraces({
      service: 'productpage.bookinfo',
      operation: 'productpage.bookinfo.svc.cluster.local:9080/*',
      tags: { error: 'true' },
      start: new Date(1_000),
      end: new Date(2_000),
      minDuration: '100ms',
      maxDuration: '1.5s',
      limit: 20,
    });
    const params = Object.fromEntries(requests[0]?.url.searchParams ?? []);
    expect(params).toEqual({
      service: 'productpage.bookinfo',
      operation: 'productpage.bookinfo.svc.cluster.local:9080/*',
      tags: '{"error":"true"}',
      start: '1000000',
      end: '2000000',
      minDuration: '100ms',
      maxDuration: '1.5s',
      limit: '20',
    });
    expect(trace?.spans).toHaveLength(2);
    const [root, child] = trace?.spans ?? [];
    if (!trace || !root || !child) throw new Error('no spans');
    expect(parentSpanId(root)).toBeUndefined();
    expect(parentSpanId(child)).toBe('s1');
    expect(serviceOf(trace, child)).toBe('reviews.bookinfo');
    expect(tagValue(root.tags, 'error')).toBe(false);
    expect(tagValue(child.tags, 'peer.port')).toBe(9080);
    expect(root.logs[0]?.fields[0]).toEqual({ key: 'event', type: 'string', value: 'retry' });
    expect(root.warnings).toEqual([]);
    expect(trace.processes.p1?.tags[0]?.value).toBe('10.0.0.1');
  });

  it('turns a lookback into a start before the end', () => {
    const query = traceSearchQuery({ service: 's', lookback: '1h' }, () => new Date(7_200_000));
    expect([query.start, query.end, query.lookback]).toEqual(['3600000000', '7200000000', '1h']);
    expect(() => traceSearchQuery({ service: 's', minDuration: '100' })).toThrow(RangeError);
    expect(() => traceSearchQuery({ service: 's', limit: 0 })).toThrow(RangeError);
  });

  it('fetches one trace, and says when Jaeger does not have it', async () => {
    const { jaeger, requests } = setup((request) =>
      request.url.pathname.endsWith('/abc123')
        ? jsonResponse(envelope([TRACE]))
        : jsonResponse(envelope(null, [{ code: 404, msg: 'trace not found' }]), 404),
    );
    expect((await jaeger.trace('abc123')).traceID).toBe('abc123');
    expect(requests[0]?.url.pathname).toBe(`${PROXY}/api/traces/abc123`);
    const missing = await jaeger.trace('def').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(JaegerError);
    expect(missing).toMatchObject({ isNotFound: true, message: 'Jaeger: trace not found' });
    await expect(jaeger.trace('not-hex')).rejects.toBeInstanceOf(RangeError);
  });

  it('reads errors sent with HTTP 200 and refuses bodies that are not Jaeger envelopes', async () => {
    const answers = [jsonResponse(envelope(null, [{ code: 500, msg: 'storage failed' }])), jsonResponse([1, 2])];
    const { jaeger } = setup(() => answers.shift() ?? jsonResponse({}, 500));
    await expect(jaeger.services()).rejects.toMatchObject({ name: 'JaegerError', httpStatus: 500 });
    await expect(jaeger.services()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('says Jaeger is unreachable when the service proxy has no endpoints', async () => {
    const { jaeger } = setup(() => statusResponse(503, 'ServiceUnavailable', 'no endpoints available for service "tracing:80"'));
    const error = await jaeger.services().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as Error).message).toMatch(/^Jaeger is unreachable through the Kubernetes service proxy/);
  });
});
