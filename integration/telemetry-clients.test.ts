/** The Prometheus, Jaeger and access-log clients against the mock's real wire formats, through its service proxy paths. */
import { describe, expect, it } from 'vitest';
import { findKind } from '../mesh/kinds';
import type { KindInfo } from '../mesh/kinds';
import { requestRate } from '../mesh/telemetry';
import { readAccessLog } from '../web/api/access-log';
import { JaegerClient, JaegerError } from '../web/api/jaeger';
import { parentSpanId } from '../web/api/jaeger-wire';
import { PrometheusClient } from '../web/api/prometheus';
import { startDemoMockApi } from './mock-api';

const POD = findKind('', 'Pod') as KindInfo;

const api = startDemoMockApi();

describe('telemetry clients against the mock', () => {
  it('gets per-workload series for a rate() over istio_requests_total', async () => {
    const prometheus = new PrometheusClient(api.client.transport);
    const promql = requestRate({ namespace: 'bookinfo', by: ['destination_workload'] });
    const end = new Date();
    const { data } = await prometheus.queryRange(promql, { start: new Date(end.getTime() - 5 * 60_000), end, stepSeconds: 15 });
    expect(data.length).toBeGreaterThan(0);
    expect(data.map((s) => s.metric.destination_workload)).toContain('productpage-v1');
    expect(data.every((s) => s.times.length === s.values.length && s.values.some((v) => v > 0))).toBe(true);
    const instant = await prometheus.query(promql);
    expect(instant.data.resultType).toBe('vector');
  });

  it('finds productpage traces whose spans link up into one tree', async () => {
    const jaeger = new JaegerClient(api.client.transport);
    expect(await jaeger.services()).toContain('productpage.bookinfo');
    const traces = await jaeger.searchTraces({ service: 'productpage.bookinfo', lookback: '1h', limit: 10 });
    expect(traces.length).toBeGreaterThan(0);
    for (const trace of traces) {
      const ids = new Set(trace.spans.map((span) => span.spanID));
      const roots = trace.spans.filter((span) => parentSpanId(span) === undefined);
      expect(roots).toHaveLength(1);
      expect(trace.spans.every((span) => parentSpanId(span) === undefined || ids.has(parentSpanId(span) ?? ''))).toBe(true);
      expect(trace.spans.every((span) => trace.processes[span.processID] !== undefined)).toBe(true);
    }
    const [first] = traces;
    if (!first) throw new Error('no trace');
    expect((await jaeger.trace(first.traceID)).spans).toHaveLength(first.spans.length);
  });

  it("parses a pod's istio-proxy log with no raw lines left", async () => {
    const pods = await api.client.list(POD, { namespace: 'bookinfo', labelSelector: 'app=productpage' });
    const pod = pods.items[0]?.metadata.name;
    if (!pod) throw new Error('no productpage pod');
    const lines = await readAccessLog(api.client.transport, 'bookinfo', pod, { tailLines: 200, timestamps: true });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => !line.entry).map((line) => line.raw)).toEqual([]);
    expect(lines.every((line) => line.logTime !== undefined && line.entry?.requestId !== undefined)).toBe(true);
  });

  it('reports a stopped Prometheus or Jaeger as theirs, with the Kubernetes API still connected', async () => {
    const { telemetry } = api.mock;
    const prometheus = new PrometheusClient(api.client.transport);
    const jaeger = new JaegerClient(api.client.transport);
    telemetry.setPrometheusFault({ kind: 'unavailable' });
    telemetry.tracing.setJaegerFault({ kind: 'unavailable' });
    try {
      await expect(prometheus.query('up')).rejects.toMatchObject({ name: 'PrometheusError', errorType: 'unavailable', httpStatus: 503 });
      await expect(jaeger.services()).rejects.toBeInstanceOf(JaegerError);
    } finally {
      telemetry.setPrometheusFault({ kind: 'none' });
      telemetry.tracing.setJaegerFault({ kind: 'none' });
    }
    expect(await prometheus.query('up')).toBeDefined();
    expect(api.client.monitor.getSnapshot().state).toBe('connected');
  });
});
