/**
 * The request-traffic queries Kiali runs to build a namespace graph, reproduced so the console and the
 * mock server agree with Kiali on what a graph edge is. One set of queries per namespace.
 */

import type { IstioLabel } from './labels';
import { ISTIO_REQUESTS_TOTAL } from './metrics';
import { promDurationSeconds, promString } from './promql';

/** Kiali's group-by for HTTP/gRPC request edges. */
export const KIALI_GRAPH_GROUP_BY: readonly IstioLabel[] = [
  'source_cluster',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_cluster',
  'destination_service_namespace',
  'destination_service',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
];

export type GraphQueryKind =
  /** Requests from other namespaces that never reached a workload of this one (source telemetry). */
  | 'incoming-unserviced'
  /** Ambient only: source telemetry of requests entering the namespace, e.g. from a gateway. */
  | 'incoming-ambient'
  /** Requests received by this namespace's workloads (destination telemetry). */
  | 'incoming'
  /** Requests sent by this namespace's workloads (source telemetry). */
  | 'outgoing';

export interface GraphQueryOptions {
  /** Keep edges with no traffic in the window (Kiali drops them with "> 0"). */
  readonly includeIdleEdges?: boolean;
  /** Include waypoint telemetry and the ambient ingress query. */
  readonly ambient?: boolean;
  /** Wrap as Kiali sends it: round(<query>,0.001). */
  readonly round?: boolean;
}

export interface GraphQuery {
  readonly namespace: string;
  readonly kind: GraphQueryKind;
  readonly query: string;
}

function reporter(side: 'source' | 'destination', ambient: boolean | undefined): string {
  return ambient ? `reporter=~"waypoint|${side}"` : `reporter="${side}"`;
}

function selector(kind: GraphQueryKind, ns: string, ambient: boolean | undefined): string {
  const n = promString(ns);
  switch (kind) {
    case 'incoming-unserviced': {
      // Kiali writes the namespace into the regex as is; namespace names hold no regex metacharacters.
      const service = promString(`^.+\\.${ns}\\..+$`);
      return `${reporter('source', ambient)},source_workload_namespace!=${n},destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~${service}`;
    }
    case 'incoming-ambient':
      return `reporter="source",source_workload_namespace!=${n},destination_workload_namespace=${n}`;
    case 'incoming':
      return `${reporter('destination', ambient)},destination_workload_namespace=${n}`;
    case 'outgoing':
      return `${reporter('source', ambient)},source_workload_namespace=${n}`;
  }
}

/** One of Kiali's graph queries, e.g. `sum(rate(istio_requests_total{reporter="source",…} [60s])) by (…) > 0`. */
export function namespaceGraphQuery(namespace: string, window: string, kind: GraphQueryKind, options: GraphQueryOptions = {}): string {
  const seconds = Math.floor(promDurationSeconds(window));
  const idle = options.includeIdleEdges ? '' : ' > 0';
  const query = `sum(rate(${ISTIO_REQUESTS_TOTAL}{${selector(kind, namespace, options.ambient)}} [${seconds}s])) by (${KIALI_GRAPH_GROUP_BY.join(',')})${idle}`;
  return options.round ? `round(${query},0.001)` : query;
}

/** All of Kiali's request-graph queries for the namespaces, in the order Kiali runs them. */
export function namespaceGraphQueries(namespaces: readonly string[], window: string, options: GraphQueryOptions = {}): GraphQuery[] {
  const kinds: GraphQueryKind[] = options.ambient ? ['incoming-unserviced', 'incoming-ambient', 'incoming', 'outgoing'] : ['incoming-unserviced', 'incoming', 'outgoing'];
  return namespaces.flatMap((namespace) => kinds.map((kind) => ({ namespace, kind, query: namespaceGraphQuery(namespace, window, kind, options) })));
}
