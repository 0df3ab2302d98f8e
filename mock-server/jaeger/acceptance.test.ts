import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, demoApiWith, TEST_NOW } from '../sim/traffic/testing';
import { JAEGER_PROXY_PREFIXES, mountTracing, type Tracing } from '../sim/traffic/mount-tracing';
import { serviceOf, type Trace } from './types';

const NOW = TEST_NOW;
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
const [TRACING, JAEGER_QUERY] = JAEGER_PROXY_PREFIXES;

interface Envelope<T> {
  data: T;
  total: number;
  limit: number;
  offset: number;
  errors: { code: number; msg: string }[] | null;
}

/** Every reference resolves inside the trace, and exactly one span has none. */
function expectOneTree(trace: Trace): void {
  const ids = new Set(trace.spans.map((s) => s.spanID));
  expect(ids.size).toBe(trace.spans.length);
  const roots = trace.spans.filter((s) => s.references.length === 0);
  expect(roots).toHaveLength(1);
  for (const span of trace.spans) {
    expect(span.traceID).toBe(trace.traceID);
    for (const ref of span.references) {
      expect(ref).toMatchObject({ refType: 'CHILD_OF', traceID: trace.traceID });
      expect(ids.has(ref.spanID)).toBe(true);
    }
    expect(trace.processes[span.processID]).toBeDefined();
  }
}

describe('the Jaeger API of the mock cluster', () => {
  let app: FastifyInstance;
  let tracing: Tracing | undefined;

  beforeAll(async () => {
    ({ app, mounted: tracing } = await demoApiWith((scope, deps) =>
      mountTracing(scope, { ...deps, seed: 1, historyMs: 10 * 60_000, now: () => NOW }),
    ));
  });

  afterAll(async () => {
    await app.close();
  });

  const get = async <T>(path: string, prefix: string = TRACING) => {
    const response = await app.inject({ url: `${prefix}${path}`, headers: AUTH });
    return { status: response.statusCode, body: response.json<Envelope<T>>() };
  };

  it('returns productpage traces that each form one tree across productpage, reviews and ratings', async () => {
    const { status, body } = await get<Trace[]>('/api/traces?service=productpage.bookinfo&limit=20');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 20, limit: 0, offset: 0, errors: null });
    expect(body.data).toHaveLength(20);
    const services = new Set<string>();
    for (const trace of body.data) {
      expectOneTree(trace);
      for (const span of trace.spans) services.add(serviceOf(trace, span));
    }
    expect([...services]).toEqual(expect.arrayContaining(['productpage.bookinfo', 'reviews.bookinfo', 'ratings.bookinfo']));
  });

  it('keeps every stored trace, of every service, one tree', () => {
    const traces = tracing?.traces;
    if (!traces) throw new Error('tracing was not mounted');
    let count = 0;
    for (const service of traces.services()) {
      for (const trace of traces.find({ service, tags: {}, startMin: 0, startMax: Infinity, limit: 100_000 })) {
        expectOneTree(trace);
        count++;
      }
    }
    expect(count).toBeGreaterThan(traces.size);
  });

  it('reports a client and a server span per hop, the callee under the caller', async () => {
    const { body } = await get<Trace[]>('/api/traces?service=ratings.bookinfo&limit=1');
    const trace = body.data[0];
    if (!trace) throw new Error('no ratings trace');
    const byId = new Map(trace.spans.map((s) => [s.spanID, s]));
    const server = trace.spans.find((s) => serviceOf(trace, s) === 'ratings.bookinfo');
    const tags = Object.fromEntries((server?.tags ?? []).map((t) => [t.key, t.value]));
    expect(tags).toMatchObject({ 'span.kind': 'server', 'istio.canonical_service': 'ratings', 'istio.namespace': 'bookinfo', component: 'proxy' });
    expect(server?.operationName).toBe('ratings.bookinfo.svc.cluster.local:9080/*');
    const client = byId.get(server?.references[0]?.spanID ?? '');
    expect(client && serviceOf(trace, client)).toBe('reviews.bookinfo');
    const clientTags = Object.fromEntries((client?.tags ?? []).map((t) => [t.key, t.value]));
    expect(clientTags['span.kind']).toBe('client');
    expect(clientTags.upstream_cluster).toMatch(/^outbound\|9080\|.*\|ratings\.bookinfo\.svc\.cluster\.local$/);
  });

  it('lists services and operations', async () => {
    const services = await get<string[]>('/api/services', JAEGER_QUERY);
    expect(services.body.data).toEqual(expect.arrayContaining(['productpage.bookinfo', 'reviews.bookinfo', 'ratings.bookinfo']));
    expect(services.body.total).toBe(services.body.data.length);
    const operations = await get<string[]>('/api/services/reviews.bookinfo/operations');
    expect(operations.body.data).toContain('reviews.bookinfo.svc.cluster.local:9080/*');
    const kinds = await get<{ name: string; spanKind: string }[]>('/api/operations?service=reviews.bookinfo&spanKind=server');
    expect(kinds.body.data).toEqual([{ name: 'reviews.bookinfo.svc.cluster.local:9080/*', spanKind: 'server' }]);
  });

  it('filters by minimum duration', async () => {
    const { body } = await get<Trace[]>('/api/traces?service=productpage.bookinfo&minDuration=50ms&limit=50');
    expect(body.data.length).toBeGreaterThan(0);
    for (const trace of body.data) {
      expect(trace.spans.some((s) => serviceOf(trace, s) === 'productpage.bookinfo' && s.duration >= 50_000)).toBe(true);
    }
  });

  it('filters by tags', async () => {
    const query = async (tags: Record<string, string>) =>
      (await get<Trace[]>(`/api/traces?service=reviews.bookinfo&tags=${encodeURIComponent(JSON.stringify(tags))}&limit=100`)).body.data;
    const v2 = await query({ 'istio.canonical_revision': 'v2', 'span.kind': 'server' });
    expect(v2.length).toBeGreaterThan(0);
    for (const trace of v2) expect(trace.spans.some((s) => s.tags.some((t) => t.key === 'istio.canonical_revision' && t.value === 'v2'))).toBe(true);
    // The demo mesh fails nothing at rest: api.test.ts covers failing calls.
    const failed = await query({ 'http.status_code': '503' });
    for (const trace of failed) expect(trace.spans.some((s) => s.tags.some((t) => t.key === 'http.status_code' && t.value === '503'))).toBe(true);
  });

  it('finds a trace by ID and answers 404 for an unknown one', async () => {
    const traceID = tracing?.traces.find({ service: 'productpage.bookinfo', tags: {}, startMin: 0, startMax: Infinity, limit: 1 })[0]?.traceID;
    const found = await get<Trace[]>(`/api/traces/${traceID ?? ''}`);
    expect(found.body.data[0]?.traceID).toBe(traceID);
    const searched = await get<Trace[]>(`/api/traces?traceID=${traceID ?? ''}&traceID=ffff`);
    expect(searched.body.data.map((t) => t.traceID)).toEqual([traceID]);
    const missing = await get<null>('/api/traces/00000000000000000000000000abcdef');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] });
  });

  it('answers 400 naming a bad parameter', async () => {
    const bad = await get<null>('/api/traces?service=productpage.bookinfo&minDuration=fast');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.msg).toContain('minDuration');
    expect((await get<null>('/api/traces')).body.errors?.[0]?.msg).toContain('service');
  });

  it('sits behind the API authentication', async () => {
    expect((await app.inject({ url: `${TRACING}/api/services` })).statusCode).toBe(401);
  });
});
