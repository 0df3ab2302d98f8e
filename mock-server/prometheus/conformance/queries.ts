import { CONSOLE_QUERIES } from './console-queries';

/**
 * Queries whose answers must match a real Prometheus over the same data. The console's own
 * queries belong here too, so that every query it sends is checked.
 */
export const CONFORMANCE_QUERIES: readonly string[] = [
  // Selectors, matchers, offsets, timestamps.
  'istio_requests_total',
  'istio_requests_total{reporter="destination",response_code!="200"}',
  'istio_requests_total{destination_service=~"reviews.*",source_workload!~"productpage-.*|none"}',
  'istio_requests_total offset 2m',
  'timestamp(istio_requests_total{reporter="source"})',
  // Rates and counter resets.
  'rate(istio_requests_total[1m])',
  'rate(istio_requests_total[5m])',
  'increase(istio_requests_total[1m])',
  'increase(istio_requests_total[5m])',
  'irate(istio_requests_total[1m])',
  'irate(istio_requests_total[5m])',
  'delta(istio_request_duration_milliseconds_sum[2m])',
  'idelta(istio_request_duration_milliseconds_count[1m])',
  'rate(istio_requests_total[5m] offset 10m)',
  'resets(istio_requests_total[10m])',
  'changes(istio_requests_total[2m])',
  'deriv(istio_request_duration_milliseconds_sum[5m])',
  'predict_linear(istio_requests_total[10m], 600)',
  // Over-time functions.
  'sum_over_time(istio_requests_total[2m])',
  'avg_over_time(istio_requests_total[5m])',
  'max_over_time(istio_requests_total[5m])',
  'min_over_time(istio_requests_total[5m])',
  'count_over_time(istio_requests_total[3m])',
  'last_over_time(istio_requests_total[1m])',
  'stddev_over_time(istio_request_duration_milliseconds_sum[5m])',
  'quantile_over_time(0.9, istio_requests_total[5m])',
  'max_over_time(rate(istio_requests_total[1m])[5m:1m])',
  'avg_over_time(rate(istio_requests_total[1m])[5m:])',
  'istio_requests_total @ start()',
  'rate(istio_requests_total[5m] @ end())',
  'sum(rate(istio_requests_total[1m] offset -1m))',
  'predict_linear(istio_requests_total[5m] @ end(), 60)',
  // Aggregations.
  'sum by (destination_service) (rate(istio_requests_total{reporter="destination"}[1m]))',
  'sum(rate(istio_requests_total{reporter="destination",destination_service_namespace=~"bookinfo|shop"}[1m])) by (source_workload_namespace, source_workload, destination_service_namespace, destination_service, destination_workload, destination_version, response_code, response_flags)',
  'sum without (reporter, connection_security_policy) (rate(istio_requests_total[5m]))',
  'avg by (reporter) (rate(istio_requests_total[1m]))',
  'max by (destination_workload) (rate(istio_requests_total[5m]))',
  'min by (source_workload) (rate(istio_requests_total[5m]))',
  'count by (response_code) (istio_requests_total)',
  'group by (destination_service_namespace) (istio_requests_total)',
  'stddev by (reporter) (rate(istio_requests_total[5m]))',
  'quantile by (reporter) (0.5, rate(istio_requests_total[5m]))',
  'count_values("rounded", round(rate(istio_requests_total[5m])))',
  'topk(3, sum by (destination_workload) (rate(istio_requests_total[5m])))',
  'bottomk(2, sum by (destination_workload) (rate(istio_requests_total[5m])))',
  'topk by (reporter) (2, rate(istio_requests_total[1m]))',
  'topk(2, rate(istio_requests_total[1m] @ end()))',
  // Histograms.
  'histogram_quantile(0.95, sum by (le, destination_service) (rate(istio_request_duration_milliseconds_bucket[1m])))',
  'histogram_quantile(0.5, sum by (le) (rate(istio_request_duration_milliseconds_bucket[5m])))',
  'histogram_quantile(0.99, rate(istio_request_duration_milliseconds_bucket{destination_workload="reviews-v2"}[5m]))',
  'sum by (destination_workload) (rate(istio_request_duration_milliseconds_sum[5m])) / sum by (destination_workload) (rate(istio_request_duration_milliseconds_count[5m]))',
  // Binary operators and vector matching.
  'sum by (destination_service) (rate(istio_requests_total{response_code=~"5.."}[5m])) / sum by (destination_service) (rate(istio_requests_total[5m]))',
  '(sum by (destination_service) (rate(istio_requests_total{response_code=~"5.."}[5m])) or sum by (destination_service) (rate(istio_requests_total[5m])) * 0) / sum by (destination_service) (rate(istio_requests_total[5m]))',
  'sum by (destination_workload, destination_version) (rate(istio_requests_total{reporter="destination"}[5m])) / on (destination_workload) group_left sum by (destination_workload) (rate(istio_requests_total{reporter="destination"}[5m]))',
  'sum by (destination_workload) (rate(istio_requests_total{reporter="destination"}[5m])) / ignoring (response_code) group_right sum by (destination_workload, response_code) (rate(istio_requests_total{reporter="destination"}[5m]))',
  'rate(istio_requests_total{reporter="source"}[5m]) - ignoring (reporter, connection_security_policy) rate(istio_requests_total{reporter="destination"}[5m])',
  'rate(istio_requests_total[1m]) > bool 0.5',
  'rate(istio_requests_total[1m]) > 0.5',
  '1 < bool rate(istio_requests_total[1m])',
  'sum by (destination_service) (rate(istio_requests_total[5m])) >= 1',
  'rate(istio_requests_total[5m]) == bool on (reporter, destination_workload, response_code, source_workload) rate(istio_requests_total[5m])',
  'istio_requests_total{response_code="200"} and on (destination_workload) istio_requests_total{response_code="503"}',
  'istio_requests_total unless on (destination_workload) istio_requests_total{response_code=~"5.."}',
  'istio_requests_total{reporter="source"} or istio_requests_total{response_code="404"}',
  '-rate(istio_requests_total[1m]) * 2 + 1',
  'rate(istio_requests_total[5m]) % 0.3 ^ 2',
  'scalar(sum(rate(istio_requests_total[5m]))) * 2',
  'vector(1) + 1',
  'time()',
  '2 ^ 3 ^ 2 - -2 ^ 2',
  // Functions.
  'absent(istio_requests_total{destination_service="nope"})',
  'absent(istio_requests_total)',
  'absent_over_time(istio_requests_total{response_code="404"}[5m])',
  'label_replace(rate(istio_requests_total[1m]), "svc", "$1", "destination_service", "([^.]*)\\\\..*")',
  'label_replace(istio_requests_total, "x", "$1-${2}", "destination_workload", "(.*)-(v[0-9])")',
  'label_join(istio_requests_total{reporter="source"}, "edge", "->", "source_workload", "destination_workload")',
  'clamp_min(rate(istio_requests_total[1m]), 0.5)',
  'clamp_max(rate(istio_requests_total[1m]), 1)',
  'clamp(rate(istio_requests_total[1m]), 0.2, 1)',
  'round(rate(istio_requests_total[5m]), 0.1)',
  'abs(delta(istio_requests_total[5m]) - 20)',
  'sqrt(sum by (reporter) (rate(istio_requests_total[5m])))',
  'ln(sum(rate(istio_requests_total[5m])))',
  'sort_desc(sum by (destination_workload) (rate(istio_requests_total[5m])))',
  'hour(timestamp(istio_requests_total{reporter="source", response_code="200", destination_workload="details-v1"}))',
  // What the console itself sends.
  ...CONSOLE_QUERIES,
];

/**
 * Queries that tie (equal values compete for topk, sort): Prometheus 2.x breaks ties in
 * map-iteration order in range queries, so only instant queries are deterministic.
 */
export const CONFORMANCE_INSTANT_QUERIES: readonly string[] = [
  'topk(2, round(rate(istio_requests_total[5m])))',
  'bottomk(3, round(rate(istio_requests_total[5m])))',
  'sort(round(rate(istio_requests_total[5m])))',
  'istio_requests_total[1m]',
  'rate(istio_requests_total[1m])[5m:30s]',
  'count_values("v", round(rate(istio_requests_total[5m])))',
];

/** Queries both servers must reject with the same error type. */
export const CONFORMANCE_ERROR_QUERIES: readonly string[] = [
  'istio_requests_total / on (reporter) istio_requests_total',
  'sum(rate(istio_requests_total[5m])) by (destination_service) + on (destination_service) rate(istio_requests_total[5m])',
  'rate(istio_requests_total)',
  'sum(',
  '{reporter=~".*"}',
];
