/** The label set of Istio's standard metrics, and the values some labels take. */

export const ISTIO_LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_canonical_service',
  'source_canonical_revision',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_cluster',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
] as const;

export type IstioLabel = (typeof ISTIO_LABELS)[number];

/** HTTP/gRPC metrics carry every label. */
export const HTTP_METRIC_LABELS: readonly IstioLabel[] = ISTIO_LABELS;

/** TCP metrics carry no response code or gRPC status (request_protocol is "tcp"). */
export const TCP_METRIC_LABELS: readonly IstioLabel[] = ISTIO_LABELS.filter((l) => l !== 'response_code' && l !== 'grpc_response_status');

/** "source": reported by the client proxy; "destination": by the server proxy; "waypoint": by an ambient waypoint. */
export type Reporter = 'source' | 'destination' | 'waypoint';

export type RequestProtocol = 'http' | 'grpc' | 'tcp';

/** connection_security_policy: "mutual_tls" with mTLS, "none" without; "unknown" on the source side. */
export type ConnectionSecurityPolicy = 'mutual_tls' | 'none' | 'unknown';

/** The value Istio reports for a label it cannot determine. */
export const UNKNOWN = 'unknown';
