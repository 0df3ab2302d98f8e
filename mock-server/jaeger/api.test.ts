import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectStore } from '../kube/store';
import type { FaultMode } from '../prometheus';
import { scenarioByName } from '../sim/scenarios';
import { registerJaegerApi } from './api';
import { liveOutcomes, type LiveOutcomes } from './edge-outcomes';
import { TraceSampler, type PickOutcome } from './sampler';
import { TraceStore } from './store';
import { serviceOf, type Trace } from './types';

const NOW = Date.UTC(2026, 0, 1, 12);
const STEP_MS = 15_000;

/** The demo mesh, with every call to ratings failing with 503 at the ratings pod. */
describe('registerJaegerApi', () => {
  let app: FastifyInstance;
  let outcomes: LiveOutcomes;
  let fault: FaultMode = { kind: 'none' };
  const store = new TraceStore(500);

  beforeAll(async () => {
    const scenario = scenarioByName('demo', { now: new Date(NOW) });
    const objects = await ObjectStore.open({});
    await objects.seed(scenario.objects);
    outcomes = liveOutcomes(objects, scenario);
    const failingRatings: PickOutcome = (caller, call, rand) => {
      const outcome = outcomes.pick(caller, call, rand);
      return outcome && outcome.host.startsWith('ratings.') ? { ...outcome, status: 503, flags: '-' } : outcome;
    };
    const sampler = new TraceSampler({ scenario, pickOutcome: failingRatings, seed: 7 });
    for (let t = NOW - 20 * STEP_MS; t <= NOW; t += STEP_MS) for (const trace of sampler.sampleStep(t, STEP_MS)) store.add(trace);
    app = Fastify({ logger: false });
    registerJaegerApi(app, { store, prefix: '/jaeger', now: () => NOW, fault: () => fault });
    await app.ready();
  });

  afterAll(async () => {
    outcomes.dispose();
    await app.close();
  });

  const get = (path: string) => app.inject({ url: `/jaeger${path}` });
  const tagValue = (trace: Trace, spanIndex: number, key: string) => trace.spans[spanIndex]?.tags.find((t) => t.key === key)?.value;

  it('finds failed requests by tag, marked as errors', async () => {
    const tags = encodeURIComponent('{"http.status_code":"503"}');
    const response = await get(`/api/traces?service=ratings.bookinfo&tags=${tags}&limit=5`);
    const traces = response.json<{ data: Trace[] }>().data;
    expect(traces).toHaveLength(5);
    for (const trace of traces) {
      const index = trace.spans.findIndex((s) => serviceOf(trace, s) === 'ratings.bookinfo');
      expect(tagValue(trace, index, 'http.status_code')).toBe('503');
      expect(tagValue(trace, index, 'error')).toBe(true);
    }
    const ok = await get(`/api/traces?service=details.bookinfo&tags=${tags}`);
    expect(ok.json<{ data: Trace[] }>().data).toEqual([]);
  });

  it('honours the time window, lookback and maxDuration', async () => {
    const recent = (await get(`/api/traces?service=productpage.bookinfo&lookback=30s&limit=1000`)).json<{ data: Trace[] }>().data;
    const all = (await get(`/api/traces?service=productpage.bookinfo&limit=1000`)).json<{ data: Trace[] }>().data;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(all.length);
    const fast = (await get(`/api/traces?service=details.bookinfo&maxDuration=1.2s&operation=details.bookinfo.svc.cluster.local:9080/*`)).json<{ data: Trace[] }>();
    for (const trace of fast.data) expect(trace.spans.some((s) => serviceOf(trace, s) === 'details.bookinfo' && s.duration <= 1_200_000)).toBe(true);
  });

  it('rejects bad parameters with a Jaeger error naming them', async () => {
    for (const [query, name] of [
      ['service=a&maxDuration=1x', 'maxDuration'],
      ['service=a&limit=ten', 'limit'],
      ['service=a&tags=%7Bnope', 'tags'],
      ['service=a&start=yesterday', 'start'],
    ] as const) {
      const response = await get(`/api/traces?${query}`);
      expect(response.statusCode).toBe(400);
      const body = response.json<{ data: null; errors: { code: number; msg: string }[] }>();
      expect(body.data).toBeNull();
      expect(body.errors[0]?.code).toBe(400);
      expect(body.errors[0]?.msg).toContain(name);
    }
  });

  it('answers every route with the injected fault', async () => {
    fault = { kind: 'unavailable' };
    try {
      const response = await get('/api/services');
      expect(response.statusCode).toBe(503);
      expect(response.json<{ errors: unknown[] }>().errors).toHaveLength(1);
    } finally {
      fault = { kind: 'none' };
    }
  });
});
