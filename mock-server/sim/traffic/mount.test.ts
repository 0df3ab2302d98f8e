import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, demoApiWith, TEST_NOW } from './testing';
import { mountTelemetry, PROMETHEUS_PROXY_PREFIX, type Telemetry } from './mount';
import { JAEGER_PROXY_PREFIXES } from './mount-tracing';

const NOW = TEST_NOW;
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('mountTelemetry', () => {
  let app: FastifyInstance;
  let telemetry: Telemetry | undefined;

  beforeEach(async () => {
    ({ app, mounted: telemetry } = await demoApiWith((scope, deps) =>
      mountTelemetry(scope, { ...deps, seed: 1, historyMs: 5 * 60_000, now: () => NOW }),
    ));
  });

  afterEach(async () => {
    await app.close();
  });

  const query = (promql: string, headers: Record<string, string> = AUTH) =>
    app.inject({ url: `${PROMETHEUS_PROXY_PREFIX}/api/v1/query?query=${encodeURIComponent(promql)}&time=${NOW / 1000}`, headers });

  it('serves backfilled Istio metrics through the service proxy path', async () => {
    const response = await query('sum(rate(istio_requests_total{reporter="destination"}[1m]))');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; data: { result: { value: [number, string] }[] } }>();
    expect(body.status).toBe('success');
    expect(Number(body.data.result[0]?.value[1])).toBeGreaterThan(0);
  });

  it('sits behind the API authentication', async () => {
    expect((await query('up', {})).statusCode).toBe(401);
  });

  it('exposes /metrics at the proxy prefix', async () => {
    const response = await app.inject({ url: `${PROMETHEUS_PROXY_PREFIX}/metrics`, headers: AUTH });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('# TYPE istio_requests_total counter');
    expect(response.body).toContain('istio_request_duration_milliseconds_bucket{');
  });

  it('serves backfilled traces as Jaeger at both of its service proxy paths', async () => {
    for (const prefix of JAEGER_PROXY_PREFIXES) {
      const response = await app.inject({ url: `${prefix}/api/traces?service=productpage.bookinfo&limit=3`, headers: AUTH });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ data: unknown[] }>().data).toHaveLength(3);
    }
  });

  it('switches the Prometheus API into a fault mode and back', async () => {
    telemetry?.setPrometheusFault({ kind: 'unavailable' });
    expect((await query('up')).statusCode).toBe(503);
    telemetry?.setPrometheusFault({ kind: 'none' });
    expect((await query('up')).statusCode).toBe(200);
  });
});

describe('mountTelemetry on a slow start', () => {
  it('has the last minute of metrics when it returns, however long the backfills took', async () => {
    // The clock moves on once the metrics' backfill has read it, as a big mesh's backfills take minutes.
    const ready = NOW + 3 * 60_000;
    let reads = 0;
    const now = () => (reads++ === 0 ? NOW : ready);
    const { app } = await demoApiWith((scope, deps) => mountTelemetry(scope, { ...deps, seed: 1, historyMs: 5 * 60_000, now }));
    try {
      const response = await app.inject({
        url: `${PROMETHEUS_PROXY_PREFIX}/api/v1/query?query=${encodeURIComponent('sum(rate(istio_requests_total{reporter="destination"}[1m]))')}&time=${ready / 1000}`,
        headers: AUTH,
      });
      expect(Number(response.json<{ data: { result: { value: [number, string] }[] } }>().data.result[0]?.value[1])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
