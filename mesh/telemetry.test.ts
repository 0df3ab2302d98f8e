import { describe, expect, it } from 'vitest';
import {
  DURATION_BUCKETS_MS,
  HTTP_METRIC_LABELS,
  ISTIO_METRICS,
  KIALI_GRAPH_GROUP_BY,
  RESPONSE_FLAGS,
  SIZE_BUCKETS_BYTES,
  TCP_METRIC_LABELS,
  errorRate,
  errorRatio,
  exposition,
  latencyAverage,
  latencyQuantile,
  namespaceGraphQueries,
  namespaceGraphQuery,
  promDurationSeconds,
  promString,
  requestRate,
  responseFlagsLabel,
  tcpByteRate,
} from './telemetry';

describe('standard metrics', () => {
  it('lists the ten Istio metrics with Prometheus types', () => {
    expect(ISTIO_METRICS.map((m) => `${m.name}:${m.type}`)).toEqual([
      'istio_requests_total:counter',
      'istio_request_duration_milliseconds:histogram',
      'istio_request_bytes:histogram',
      'istio_response_bytes:histogram',
      'istio_request_messages_total:counter',
      'istio_response_messages_total:counter',
      'istio_tcp_sent_bytes_total:counter',
      'istio_tcp_received_bytes_total:counter',
      'istio_tcp_connections_opened_total:counter',
      'istio_tcp_connections_closed_total:counter',
    ]);
    expect(exposition(ISTIO_METRICS[0]!)).toBe('# HELP istio_requests_total Counter incremented for every request handled by an Istio proxy.\n# TYPE istio_requests_total counter');
  });

  it("uses Envoy's default buckets for durations and sizes", () => {
    expect(DURATION_BUCKETS_MS).toEqual([0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000]);
    expect(SIZE_BUCKETS_BYTES).toBe(DURATION_BUCKETS_MS);
  });

  it('has 25 labels on HTTP metrics and no response code on TCP metrics', () => {
    expect(HTTP_METRIC_LABELS).toHaveLength(25);
    expect(TCP_METRIC_LABELS).not.toContain('response_code');
    expect(TCP_METRIC_LABELS).not.toContain('grpc_response_status');
    expect(TCP_METRIC_LABELS).toContain('response_flags');
  });

  it('describes response flags and joins them as Envoy does', () => {
    expect(Object.keys(RESPONSE_FLAGS)).toEqual(expect.arrayContaining(['UF', 'URX', 'UT', 'UO', 'FI', 'DI', 'RL', 'UH', 'NR', 'DC', 'UC']));
    expect(responseFlagsLabel([])).toBe('-');
    expect(responseFlagsLabel(['DI', 'FI'])).toBe('DI,FI');
  });
});

describe('PromQL builders', () => {
  it('builds a request rate for a namespace, inbound by default', () => {
    expect(requestRate({ namespace: 'bookinfo', by: ['destination_workload'] })).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"}[1m])) by (destination_workload)',
    );
  });

  it('filters the source side for outbound traffic and accepts several reporters', () => {
    expect(requestRate({ direction: 'outbound', namespace: 'bookinfo', workload: 'productpage-v1', reporter: ['source', 'waypoint'], window: '5m' })).toBe(
      'sum(rate(istio_requests_total{reporter=~"source|waypoint",source_workload_namespace="bookinfo",source_workload="productpage-v1"}[5m]))',
    );
  });

  it('builds error rates and ratios', () => {
    expect(errorRate({ service: 'reviews.bookinfo.svc.cluster.local' })).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_service="reviews.bookinfo.svc.cluster.local",response_code=~"5.."}[1m]))',
    );
    expect(errorRatio({ namespace: 'bookinfo', includeClientErrors: true, by: ['destination_service'] })).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",response_code=~"[45].."}[1m])) by (destination_service)' +
        ' / sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"}[1m])) by (destination_service)',
    );
  });

  it('builds latency quantiles and averages over the duration histogram', () => {
    expect(latencyQuantile(0.95, { app: 'reviews', by: ['destination_canonical_revision'] })).toBe(
      'histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_canonical_service="reviews"}[1m])) by (le,destination_canonical_revision))',
    );
    expect(latencyAverage({ namespace: 'bookinfo' })).toBe(
      'sum(rate(istio_request_duration_milliseconds_sum{reporter="destination",destination_workload_namespace="bookinfo"}[1m])) / sum(rate(istio_request_duration_milliseconds_count{reporter="destination",destination_workload_namespace="bookinfo"}[1m]))',
    );
    expect(() => latencyQuantile(95)).toThrow(RangeError);
  });

  it('builds TCP byte rates', () => {
    expect(tcpByteRate('sent', { namespace: 'db' })).toBe('sum(rate(istio_tcp_sent_bytes_total{reporter="destination",destination_workload_namespace="db"}[1m]))');
  });

  it('escapes label values and rejects bad windows', () => {
    expect(promString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(requestRate({ workload: 'x"}) or vector(1) #' })).toBe('sum(rate(istio_requests_total{reporter="destination",destination_workload="x\\"}) or vector(1) #"}[1m]))');
    expect(() => requestRate({ window: '1 m' })).toThrow(RangeError);
    expect(promDurationSeconds('1h30m')).toBe(5400);
  });
});

describe("Kiali's graph queries", () => {
  const groupBy = KIALI_GRAPH_GROUP_BY.join(',');

  it('uses the label set Kiali groups by', () => {
    expect(groupBy).toBe(
      'source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,destination_cluster,destination_service_namespace,destination_service,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision,request_protocol,response_code,grpc_response_status,response_flags',
    );
  });

  it('builds the three queries per namespace in the exact form Kiali sends', () => {
    const qs = namespaceGraphQueries(['bookinfo'], '10m');
    expect(qs.map((q) => q.kind)).toEqual(['incoming-unserviced', 'incoming', 'outgoing']);
    expect(qs[0]?.query).toBe(
      `sum(rate(istio_requests_total{reporter="source",source_workload_namespace!="bookinfo",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.bookinfo\\\\..+$"} [600s])) by (${groupBy}) > 0`,
    );
    expect(qs[1]?.query).toBe(`sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"} [600s])) by (${groupBy}) > 0`);
    expect(qs[2]?.query).toBe(`sum(rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo"} [600s])) by (${groupBy}) > 0`);
  });

  it('supports idle edges, ambient reporters and rounding', () => {
    expect(namespaceGraphQuery('bookinfo', '1m', 'outgoing', { includeIdleEdges: true, ambient: true, round: true })).toBe(
      `round(sum(rate(istio_requests_total{reporter=~"waypoint|source",source_workload_namespace="bookinfo"} [60s])) by (${groupBy}),0.001)`,
    );
    expect(namespaceGraphQueries(['a', 'b'], '1m', { ambient: true })).toHaveLength(8);
  });
});
