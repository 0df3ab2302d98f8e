/** Istio's standard metrics as the proxies export them to Prometheus. */

export const ISTIO_REQUESTS_TOTAL = 'istio_requests_total';
export const ISTIO_REQUEST_DURATION_MILLISECONDS = 'istio_request_duration_milliseconds';
export const ISTIO_REQUEST_BYTES = 'istio_request_bytes';
export const ISTIO_RESPONSE_BYTES = 'istio_response_bytes';
export const ISTIO_REQUEST_MESSAGES_TOTAL = 'istio_request_messages_total';
export const ISTIO_RESPONSE_MESSAGES_TOTAL = 'istio_response_messages_total';
export const ISTIO_TCP_SENT_BYTES_TOTAL = 'istio_tcp_sent_bytes_total';
export const ISTIO_TCP_RECEIVED_BYTES_TOTAL = 'istio_tcp_received_bytes_total';
export const ISTIO_TCP_CONNECTIONS_OPENED_TOTAL = 'istio_tcp_connections_opened_total';
export const ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL = 'istio_tcp_connections_closed_total';

export type IstioMetricName =
  | typeof ISTIO_REQUESTS_TOTAL
  | typeof ISTIO_REQUEST_DURATION_MILLISECONDS
  | typeof ISTIO_REQUEST_BYTES
  | typeof ISTIO_RESPONSE_BYTES
  | typeof ISTIO_REQUEST_MESSAGES_TOTAL
  | typeof ISTIO_RESPONSE_MESSAGES_TOTAL
  | typeof ISTIO_TCP_SENT_BYTES_TOTAL
  | typeof ISTIO_TCP_RECEIVED_BYTES_TOTAL
  | typeof ISTIO_TCP_CONNECTIONS_OPENED_TOTAL
  | typeof ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL;

/**
 * Envoy's default histogram bounds. Istio configures no bucket settings of its own, so its duration (ms)
 * AND size (bytes) histograms both use these, unless a pod sets sidecar.istio.io/statsHistogramBuckets.
 */
export const ENVOY_DEFAULT_HISTOGRAM_BUCKETS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];
export const DURATION_BUCKETS_MS = ENVOY_DEFAULT_HISTOGRAM_BUCKETS;
export const SIZE_BUCKETS_BYTES = ENVOY_DEFAULT_HISTOGRAM_BUCKETS;

export interface MetricInfo {
  readonly name: IstioMetricName;
  readonly type: 'counter' | 'histogram';
  readonly help: string;
  readonly protocol: 'http' | 'tcp';
  /** Histogram bucket upper bounds (the +Inf bucket is implied). */
  readonly buckets?: readonly number[];
}

/** Every standard metric with its Prometheus TYPE and a HELP text taken from Istio's metric reference. */
export const ISTIO_METRICS: readonly MetricInfo[] = [
  { name: ISTIO_REQUESTS_TOTAL, type: 'counter', protocol: 'http', help: 'Counter incremented for every request handled by an Istio proxy.' },
  { name: ISTIO_REQUEST_DURATION_MILLISECONDS, type: 'histogram', protocol: 'http', help: 'Distribution of the duration of requests, in milliseconds.', buckets: DURATION_BUCKETS_MS },
  { name: ISTIO_REQUEST_BYTES, type: 'histogram', protocol: 'http', help: 'Distribution of HTTP request body sizes, in bytes.', buckets: SIZE_BUCKETS_BYTES },
  { name: ISTIO_RESPONSE_BYTES, type: 'histogram', protocol: 'http', help: 'Distribution of HTTP response body sizes, in bytes.', buckets: SIZE_BUCKETS_BYTES },
  { name: ISTIO_REQUEST_MESSAGES_TOTAL, type: 'counter', protocol: 'http', help: 'Counter incremented for every gRPC message sent from a client.' },
  { name: ISTIO_RESPONSE_MESSAGES_TOTAL, type: 'counter', protocol: 'http', help: 'Counter incremented for every gRPC message sent from a server.' },
  { name: ISTIO_TCP_SENT_BYTES_TOTAL, type: 'counter', protocol: 'tcp', help: 'Total bytes sent during response in case of a TCP connection.' },
  { name: ISTIO_TCP_RECEIVED_BYTES_TOTAL, type: 'counter', protocol: 'tcp', help: 'Total bytes received during request in case of a TCP connection.' },
  { name: ISTIO_TCP_CONNECTIONS_OPENED_TOTAL, type: 'counter', protocol: 'tcp', help: 'Counter incremented for every opened connection.' },
  { name: ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL, type: 'counter', protocol: 'tcp', help: 'Counter incremented for every closed connection.' },
];

/** Series names a histogram exposes in the Prometheus text format. */
export function histogramSeries(name: string): { bucket: string; sum: string; count: string } {
  return { bucket: `${name}_bucket`, sum: `${name}_sum`, count: `${name}_count` };
}

/** The "# HELP" and "# TYPE" lines of a metric in the Prometheus text exposition format. */
export function exposition(info: MetricInfo): string {
  const help = info.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return `# HELP ${info.name} ${help}\n# TYPE ${info.name} ${info.type}`;
}
