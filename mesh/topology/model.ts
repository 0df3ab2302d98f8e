/**
 * The topology graph the console draws: nodes (workloads, apps, services, gateways, external and
 * unknown endpoints), request edges with their traffic, and boxes (cluster, namespace, app) that
 * group nodes and can collapse into one aggregate node. Pure data; built by build.ts from Prometheus
 * samples and Kubernetes objects, drawn by web/features/topology.
 */

/** Kiali's graph types: what a node stands for. */
export type GraphType = 'workload' | 'app' | 'versionedApp' | 'service';
export const GRAPH_TYPES: readonly GraphType[] = ['workload', 'app', 'versionedApp', 'service'];

export type NodeKind =
  | 'workload'
  | 'app'
  | 'service'
  /** A ServiceEntry host or a passthrough destination outside the mesh. */
  | 'external'
  /** A source Istio could not identify (no sidecar, outside the mesh). */
  | 'unknown'
  /** A collapsed box standing for all its members. */
  | 'aggregate';

/** Kiali's health under its default tolerances (see health.ts: 5xx degraded from 0.1 %, failure from 10 %; 4xx 10 % / 20 %); idle without traffic. */
export type Health = 'healthy' | 'degraded' | 'failure' | 'idle' | 'unknown';

export type NodeBadge =
  | 'virtualService'
  | 'trafficShifting'
  | 'faultInjection'
  | 'timeout'
  | 'retries'
  | 'circuitBreaker'
  | 'mirroring'
  | 'missingSidecar'
  | 'gateway'
  | 'serviceEntry'
  | 'ambient'
  | 'waypoint'
  | 'rateLimit'
  | 'authorizationPolicy';

/** A reference to the Kubernetes object a badge or panel row comes from, for links. */
export interface ObjectRef {
  readonly kind: string;
  readonly apiVersion: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface NodeTraffic {
  /** Requests per second into / out of the node (HTTP and gRPC). */
  readonly inRps: number;
  readonly outRps: number;
  /** Share (0–1) of inbound requests answered 5xx (or gRPC error). */
  readonly inErrorRatio: number;
  readonly outErrorRatio: number;
  /** TCP bytes per second in and out. */
  readonly inTcpBps: number;
  readonly outTcpBps: number;
}

export interface TopologyNode {
  /**
   * Stable across refreshes and time windows, e.g. `workload:bookinfo/reviews-v1`,
   * `app:bookinfo/reviews`, `versionedApp:bookinfo/reviews/v1`, `service:bookinfo/reviews`,
   * `external:api.stripe.com`, `unknown`, `box:namespace/bookinfo`.
   */
  readonly id: string;
  readonly kind: NodeKind;
  readonly cluster: string;
  /** Namespace of the workload/service; for external nodes, of the ServiceEntry (if known). */
  readonly namespace: string;
  /** What the label shows: workload name, app name, service name or host. */
  readonly name: string;
  readonly app?: string;
  readonly version?: string;
  readonly workload?: string;
  readonly service?: string;
  readonly isGateway?: boolean;
  readonly isWaypoint?: boolean;
  /** Receives traffic only through telemetry (no Kubernetes object found), e.g. a deleted workload. */
  readonly isInaccessible?: boolean;
  readonly badges: readonly NodeBadge[];
  /** The config objects that apply to the node (VirtualServices, DestinationRules, policies…). */
  readonly config: readonly ObjectRef[];
  readonly health: Health;
  readonly traffic: NodeTraffic;
  /** The innermost box holding the node (an app box in versionedApp graphs, else a namespace box). */
  readonly box?: string;
  /** For aggregate nodes: how many nodes they stand for. */
  readonly memberCount?: number;
}

export type EdgeProtocol = 'http' | 'grpc' | 'tcp';

export interface LatencyFigures {
  readonly avgMs?: number;
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
}

export interface TopologyEdge {
  /** `${source}->${target}` (plus `#tcp` for a TCP edge beside an HTTP one). */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: EdgeProtocol;
  /** Requests per second (0 for TCP). */
  readonly rps: number;
  /** Share (0–1) of requests answered 5xx / gRPC error; 4xx separately. */
  readonly errorRatio: number;
  readonly clientErrorRatio: number;
  /** Requests per second by response code, then by response flags ("-" for none), e.g. {"503": {"UO": 0.4}}. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly latency: LatencyFigures;
  /** Request + response bytes per second (HTTP), or TCP bytes per second. */
  readonly throughputBps: number;
  /** Share (0–1) of traffic with connection_security_policy="mutual_tls"; undefined when unknown. */
  readonly mtlsRatio?: number;
  /** Source and destination principals seen (spiffe://…). */
  readonly principals: readonly string[];
  readonly health: Health;
  /** Destination service FQDN(s) the requests were addressed to. */
  readonly services: readonly string[];
}

export type BoxKind = 'cluster' | 'namespace' | 'app';

export interface TopologyBox {
  /** e.g. `box:namespace/bookinfo`, `box:app/bookinfo/reviews`, `box:cluster/Kubernetes`. */
  readonly id: string;
  readonly kind: BoxKind;
  readonly label: string;
  /** The enclosing box (a namespace box's cluster box, an app box's namespace box). */
  readonly parent?: string;
}

export interface TopologyGraph {
  readonly type: GraphType;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  readonly boxes: readonly TopologyBox[];
  /** End of the measured window, Unix ms, and its length in seconds. */
  readonly timestamp: number;
  readonly windowSeconds: number;
}
