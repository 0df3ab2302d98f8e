/** What one edge of the call graph (a caller making one kind of call) turns into, per request. */
import type { EffectiveTrafficPolicy } from '../../../mesh/routing';
import type { ConnectionSecurityPolicy, Reporter } from '../../../mesh/telemetry';
import type { LatencyProfile, SimCall, SimWorkload } from '../model';

/** An upstream cluster of the client's proxy (a service port, maybe a subset) and the policy it was built with. */
export interface ClusterUse {
  /** Envoy's name for it: outbound|port|subset|host. */
  readonly name: string;
  readonly policy?: EffectiveTrafficPolicy;
}

/** The Istio destination_service* labels. */
export interface ServiceLabels {
  readonly host: string;
  readonly name: string;
  readonly namespace: string;
}

/** One metric series an edge feeds, and the share of the edge's requests counted on it. */
export interface ReportLine {
  readonly reporter: Reporter;
  /** Requests (or connections) on this series per request on the edge; above 1 with retries. */
  readonly share: number;
  readonly destination?: SimWorkload;
  readonly service: ServiceLabels;
  readonly responseCode: number;
  /** gRPC status code for gRPC calls ('' otherwise). */
  readonly grpcStatus: string;
  readonly responseFlags: string;
  readonly security: ConnectionSecurityPolicy;
  /** True when the caller's identity reached the server (mutual TLS). */
  readonly peerAuthenticated: boolean;
  readonly latency: LatencyProfile;
  readonly delayMs: number;
  /** The client proxy's cluster the request went through; absent when no client proxy routed it. */
  readonly cluster?: ClusterUse;
  /** A copy the client's proxy sent to a VirtualService mirror; its response is dropped. */
  readonly mirrored?: boolean;
}

/** A workload that serves some of the edge's requests, and so makes its own calls. */
export interface ServedShare {
  readonly workload: SimWorkload;
  /** Requests it serves per request on the edge (attempts included). */
  readonly share: number;
  /** Requests reaching its proxy, before the proxy's own rate limit; `share` when absent. */
  readonly arriving?: number;
  readonly cluster?: ClusterUse;
}

export interface EdgePlan {
  readonly caller: SimWorkload | undefined;
  readonly call: SimCall;
  readonly lines: readonly ReportLine[];
  readonly served: readonly ServedShare[];
}

/** The latency a proxy answers locally with (aborts, no route, denials). */
export const LOCAL_REPLY_LATENCY: LatencyProfile = { p50Ms: 0.3, p99Ms: 2 };
