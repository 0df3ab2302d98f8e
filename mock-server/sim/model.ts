/**
 * What a scenario hands the mock cluster: the Kubernetes objects to seed the API server's store,
 * and the traffic model (workloads and the call graph) the simulator drives over them.
 *
 * The traffic model names SERVICES as call targets, never workloads or versions: which workload
 * and version serves a call is decided at simulation time from the live Services, VirtualServices,
 * DestinationRules and Gateway API routes, so editing routing config changes where traffic goes.
 */
import type { KubeObject } from '../../mesh/kube-types';

/** The protocol a workload serves, or a call speaks. TLS to external hosts counts as 'tcp'. */
export type SimProtocol = 'http' | 'grpc' | 'tcp';

/**
 * How a workload joins the mesh: 'injected' has an istio-proxy sidecar, 'ambient' is captured by
 * the node's ztunnel (and the namespace waypoint, if any), 'none' is outside the mesh data plane
 * (control plane, add-ons, and the gateway proxies themselves).
 */
export type SidecarMode = 'injected' | 'ambient' | 'none';

/** What part a workload plays; 'gateway' and 'waypoint' are Envoy proxies that only forward. */
export type WorkloadRole = 'app' | 'gateway' | 'waypoint' | 'ztunnel' | 'control-plane' | 'addon';

/** A workload's own processing time, excluding the time it waits on its downstream calls. */
export interface LatencyProfile {
  p50Ms: number;
  p99Ms: number;
}

/** One Deployment (or, for ztunnel, one DaemonSet): the unit the simulator serves requests with. */
export interface SimWorkload {
  /** Controller name, e.g. `reviews-v2`; Istio's `destination_workload` / `source_workload`. */
  name: string;
  namespace: string;
  /** The `app` label: Istio's canonical service (`destination_canonical_service`). */
  app: string;
  /** The `version` label, or `latest` without one: Istio's canonical revision. */
  version: string;
  /** Service account name; the SPIFFE principal is cluster.local/ns/<namespace>/sa/<serviceAccount>. */
  serviceAccount: string;
  replicas: number;
  /** Names of its Pod objects, `replicas` of them. */
  podNames: string[];
  /** Labels on its pods (without pod-template-hash): what Service selectors match against. */
  labels: Record<string, string>;
  /** The protocol it serves on `port`. */
  protocol: SimProtocol;
  /** Container port it serves on (a Service's targetPort); absent for pure clients such as load generators. */
  port?: number;
  latency: LatencyProfile;
  /** Fraction (0..1) of requests it fails on its own: HTTP 503, gRPC UNAVAILABLE, or a TCP reset. */
  errorRate: number;
  sidecar: SidecarMode;
  role: WorkloadRole;
  /**
   * True for gateway and waypoint proxies. They have no calls of their own: each request they
   * receive is forwarded as their routes say (Istio Gateway + VirtualService, or Gateway API routes).
   */
  isGateway?: boolean;
}

/** `${namespace}/${workloadName}`: how calls name their caller. */
export type WorkloadKey = `${string}/${string}`;

/** The caller of root calls that enter from outside the cluster (browsers, API clients). */
export const EXTERNAL_ORIGIN = 'external';

interface SimCallBase {
  /** Destination host: a Service FQDN (`reviews.bookinfo.svc.cluster.local`) or a ServiceEntry host. */
  toHost: string;
  /** Destination port as the Service (or ServiceEntry) declares it, not the container port. */
  port: number;
  protocol: SimProtocol;
  /** HTTP method; for gRPC always POST. Absent for tcp. */
  method?: string;
  /** HTTP path; for gRPC the `/package.Service/Method` path. Absent for tcp. */
  path?: string;
  /** Host header (HTTP :authority) when routing depends on it, e.g. on a shared ingress gateway. */
  authority?: string;
}

/** A call made at a steady rate on its own: external clients, or a load generator in the mesh. */
export interface SimRootCall extends SimCallBase {
  from: WorkloadKey | typeof EXTERNAL_ORIGIN;
  /** Requests (or, for tcp, connections) per second. */
  rps: number;
  fanOut?: never;
}

/** A call `from` makes while serving each inbound request. */
export interface SimFanOutCall extends SimCallBase {
  from: WorkloadKey;
  /** Calls per inbound request: 2 means two calls each, 0.25 means one in four requests calls. */
  fanOut: number;
  rps?: never;
}

export type SimCall = SimRootCall | SimFanOutCall;

export interface Scenario {
  name: string;
  /** Everything to create, in dependency order: namespaces, cluster-scoped kinds, then namespaced ones. */
  objects: KubeObject[];
  workloads: SimWorkload[];
  calls: SimCall[];
}

export function workloadKey(namespace: string, name: string): WorkloadKey {
  return `${namespace}/${name}`;
}

/** The in-cluster FQDN of a Service. */
export function serviceHost(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}

export function isRootCall(call: SimCall): call is SimRootCall {
  return call.rps !== undefined;
}
