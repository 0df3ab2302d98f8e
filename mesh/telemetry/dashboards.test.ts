import { describe, expect, it } from 'vitest';
import { dashboardByLabels, dashboardCharts, dashboardUnavailableReason, groupLabel, rateWindowFor, seriesLabel } from './dashboards';
import type { ChartDefinition, DashboardRequest } from './dashboards';

function chart(request: DashboardRequest, id: string): ChartDefinition {
  const found = dashboardCharts(request).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

const reviewsInbound: DashboardRequest = { scope: { kind: 'service', namespace: 'bookinfo', name: 'reviews' }, direction: 'inbound' };

describe('dashboardCharts', () => {
  it('has the twelve standard charts, each with PromQL per family', () => {
    const charts = dashboardCharts(reviewsInbound);
    expect(charts.map((c) => c.id)).toEqual([
      'requests',
      'errors',
      'duration',
      'request-size',
      'response-size',
      'request-throughput',
      'response-throughput',
      'tcp-connections',
      'tcp-sent',
      'tcp-received',
      'grpc-requests',
      'grpc-responses',
    ]);
    expect(chart(reviewsInbound, 'duration').families.map((f) => f.name)).toEqual(['avg', 'p50', 'p95', 'p99']);
  });

  it('matches a service by its FQDN on the destination reporter', () => {
    expect(chart(reviewsInbound, 'requests').families[0]?.promql).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_service="reviews.bookinfo.svc.cluster.local"}[1m]))',
    );
  });

  it('groups an inbound workload by local version and keeps zero errors as a line', () => {
    const request: DashboardRequest = {
      scope: { kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' },
      direction: 'inbound',
      groupBy: 'local_version',
    };
    const sel = '{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"';
    expect(chart(request, 'errors').families[0]?.promql).toBe(
      `100 * (sum(rate(istio_requests_total${sel},response_code=~"5.."}[1m])) by (destination_canonical_revision) or ` +
        `(0 * sum(rate(istio_requests_total${sel}}[1m])) by (destination_canonical_revision))) / ` +
        `sum(rate(istio_requests_total${sel}}[1m])) by (destination_canonical_revision)`,
    );
    expect(chart(request, 'duration').families[2]?.promql).toBe(
      `histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket${sel}}[1m])) by (le,destination_canonical_revision))`,
    );
  });

  it('queries an app outbound on the source side, both reporters kept apart, with a wider window', () => {
    const request: DashboardRequest = {
      scope: { kind: 'app', namespace: 'bookinfo', name: 'productpage' },
      direction: 'outbound',
      reporter: 'both',
      groupBy: 'remote_service',
      window: rateWindowFor(360),
    };
    expect(chart(request, 'tcp-connections').families[1]?.promql).toBe(
      'sum(rate(istio_tcp_connections_closed_total{reporter=~"source|destination",source_workload_namespace="bookinfo",' +
        'source_canonical_service="productpage"}[360s])) by (reporter,destination_service_name)',
    );
    expect(chart(request, 'request-size').families[0]?.promql).toBe(
      'sum(rate(istio_request_bytes_sum{reporter=~"source|destination",source_workload_namespace="bookinfo",source_canonical_service="productpage"}[360s])) by (reporter,destination_service_name)' +
        ' / sum(rate(istio_request_bytes_count{reporter=~"source|destination",source_workload_namespace="bookinfo",source_canonical_service="productpage"}[360s])) by (reporter,destination_service_name)',
    );
  });

  it('keeps a hostile name inside its string literal', () => {
    const hostile = 'x"} or vector(1) or {a="\\\nb';
    const promql = chart({ scope: { kind: 'workload', namespace: 'ns', name: hostile }, direction: 'inbound' }, 'requests').families[0]?.promql;
    expect(promql).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="ns",' +
        'destination_workload="x\\"} or vector(1) or {a=\\"\\\\\\nb"}[1m]))',
    );
    // Outside string literals, the query is exactly the template's.
    const outside = (promql ?? '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(outside).toBe('sum(rate(istio_requests_total{reporter="",destination_workload_namespace="",destination_workload=""}[1m]))');
  });

  it('refuses a service outbound, with the reason the UI shows', () => {
    const request: DashboardRequest = { scope: reviewsInbound.scope, direction: 'outbound' };
    expect(dashboardUnavailableReason(request.scope, 'outbound')).toMatch(/service sends no requests of its own/);
    expect(dashboardUnavailableReason(request.scope, 'inbound')).toBeUndefined();
    expect(() => dashboardCharts(request)).toThrow(/no requests of its own/);
  });
});

describe('groupLabel', () => {
  it('names local and remote by direction', () => {
    expect(groupLabel('local_version', 'inbound')).toBe('destination_canonical_revision');
    expect(groupLabel('local_version', 'outbound')).toBe('source_canonical_revision');
    expect(groupLabel('remote_workload', 'inbound')).toBe('source_workload');
    expect(groupLabel('remote_workload', 'outbound')).toBe('destination_workload');
    expect(groupLabel('remote_service', 'inbound')).toBe('source_canonical_service');
    expect(groupLabel('grpc_status', 'inbound')).toBe('grpc_response_status');
    expect(groupLabel('security_policy', 'outbound')).toBe('connection_security_policy');
    expect(groupLabel('none', 'inbound')).toBeUndefined();
  });

  it('adds the reporter to the kept labels only when both are shown', () => {
    expect(dashboardByLabels({ ...reviewsInbound, groupBy: 'response_code' })).toEqual(['response_code']);
    expect(dashboardByLabels({ ...reviewsInbound, reporter: 'both' })).toEqual(['reporter']);
  });
});

describe('seriesLabel', () => {
  it('joins family and group values, or falls back', () => {
    expect(seriesLabel('p95', { destination_canonical_revision: 'v2' }, ['destination_canonical_revision'], 'reviews')).toBe('p95 · v2');
    expect(seriesLabel('', { reporter: 'source', response_code: '503' }, ['reporter', 'response_code'], 'reviews')).toBe('source · 503');
    expect(seriesLabel('', {}, ['response_code'], 'reviews')).toBe('(none)');
    expect(seriesLabel('', {}, [], 'reviews')).toBe('reviews');
  });
});

describe('rateWindowFor', () => {
  it('uses a minute up to a 60 s step, the step beyond', () => {
    expect(rateWindowFor(15)).toBe('1m');
    expect(rateWindowFor(60)).toBe('1m');
    expect(rateWindowFor(360)).toBe('360s');
  });
});
