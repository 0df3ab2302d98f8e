/** Public shapes of the routing model: what goes in (config, request) and what comes out (decision). */

import type { KubeObject } from '../kube-types';
import type { ObjectRef } from './objects';
import type { RetryOnCondition } from './retries';
import type { EffectiveTrafficPolicy } from './traffic-policy';

/** The mesh configuration routing depends on. Every list is optional; absent means none. */
export interface MeshConfigSnapshot {
  readonly virtualServices?: readonly KubeObject[];
  readonly destinationRules?: readonly KubeObject[];
  readonly serviceEntries?: readonly KubeObject[];
  readonly sidecars?: readonly KubeObject[];
  /** Istio Gateways (networking.istio.io) and Gateway API Gateways (gateway.networking.k8s.io), mixed. */
  readonly gateways?: readonly KubeObject[];
  readonly httpRoutes?: readonly KubeObject[];
  readonly grpcRoutes?: readonly KubeObject[];
  readonly services?: readonly KubeObject[];
  /** Namespace objects; their labels serve Gateway API `allowedRoutes.namespaces.selector`. */
  readonly namespaces?: readonly KubeObject[];
  /** Istio's config root namespace (meshConfig.rootNamespace). Default istio-system. */
  readonly rootNamespace?: string;
  /** Kubernetes cluster DNS domain. Default cluster.local. */
  readonly clusterDomain?: string;
  /** meshConfig.outboundTrafficPolicy.mode. Default ALLOW_ANY. */
  readonly outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

export type RouteProtocol = 'http' | 'grpc' | 'tcp' | 'tls';

/** Marks a source as a gateway proxy (ingress or egress) rather than a sidecar. */
export interface GatewaySource {
  /**
   * Istio Gateway resources ("namespace/name") whose servers this proxy serves. When absent, they are
   * the Gateways whose `selector` matches the source labels, as Istio selects them.
   */
  readonly istioGateways?: readonly string[];
  /**
   * The Gateway API Gateway ("namespace/name") the proxy was deployed for. When absent it is read from
   * the `gateway.networking.k8s.io/gateway-name` label, in the source namespace.
   */
  readonly gatewayApiGateway?: string;
}

export interface RouteSource {
  readonly namespace: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly serviceAccount?: string;
  /** Set when the request enters through a gateway proxy; absent for sidecar traffic. */
  readonly gateway?: GatewaySource;
}

export interface RouteRequest {
  readonly source: RouteSource;
  /**
   * The destination host as the client wrote it: "reviews", "reviews.bookinfo",
   * "reviews.bookinfo.svc.cluster.local" or an external name. For gateway traffic, the Host header.
   */
  readonly host: string;
  /** The port the client connects to: the service port for mesh traffic, the listener port at a gateway. */
  readonly port: number;
  readonly protocol: RouteProtocol;
  /** Default GET. */
  readonly method?: string;
  /** Request URI: path with optional query string. Default "/". */
  readonly path?: string;
  /** Host header; defaults to `host`. */
  readonly authority?: string;
  /** Default "http". */
  readonly scheme?: string;
  /** Header names are case-insensitive. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters, merged over those in `path`. */
  readonly queryParams?: Readonly<Record<string, string>>;
  /** TLS SNI for protocol "tls"; defaults to `host`. */
  readonly sni?: string;
  /**
   * Uniform random numbers in [0, 1). Drawn, in this order and only for fractional shares: fault delay,
   * fault abort, the weighted destination (only when a rule has several), each partial mirror.
   */
  readonly rand: () => number;
}

export type RouteOutcome =
  /** Forwarded to `destination`. */
  | 'forward'
  /** Answered by the proxy with a redirect. */
  | 'redirect'
  /** Answered by the proxy with a fixed response (also Gateway API rules without backends: 500). */
  | 'directResponse'
  /** A route table exists for the host but no rule matched: Envoy answers 404 with flag NR. */
  | 'noRoute'
  /** The chosen destination has no cluster (unknown host or subset): 503 with flag NC. */
  | 'clusterNotFound'
  /** Not a known service; ALLOW_ANY sends it to the original destination untouched (PassthroughCluster). */
  | 'passthrough'
  /** Not a known service under REGISTRY_ONLY, or hidden by a Sidecar: BlackHoleCluster answers 502. */
  | 'blackhole';

/** The rule that matched, in the terms of the object the user wrote. */
export interface MatchedRule extends ObjectRef {
  readonly kind: 'VirtualService' | 'HTTPRoute' | 'GRPCRoute';
  /** The list the rule came from: a VirtualService's http/tcp/tls, or a Gateway API route's rules. */
  readonly section: 'http' | 'tcp' | 'tls' | 'rules';
  /** Index into that list; undefined when the object applied but none of its rules matched. */
  readonly ruleIndex?: number;
  readonly ruleName?: string;
  /** Index of the match condition that matched within the rule; undefined for a rule without matches. */
  readonly matchIndex?: number;
}

export interface RouteDestination {
  /** FQDN of the destination service. */
  readonly host: string;
  readonly port: number;
  readonly subset?: string;
  /** Labels selecting the subset's endpoints; undefined means all endpoints of the service. */
  readonly subsetLabels?: Readonly<Record<string, string>>;
  /** Namespace of the Service or ServiceEntry behind `host`, when it is known. */
  readonly serviceNamespace?: string;
  /** The weight this destination had in its rule (100 for a lone destination). */
  readonly weight: number;
}

/**
 * Fault injection decided for this request. Envoy's fault filter runs before routing: the delay is
 * added first; an abort then answers the client with its status (flags DI / FI) and nothing else in
 * the decision happens — no forwarding, no retries, no mirroring.
 */
export interface FaultDecision {
  readonly delayMs?: number;
  readonly abort?: { readonly httpStatus?: number; readonly grpcStatus?: string };
}

export interface RetryDecision {
  /** Retries after the first try (Envoy num_retries). */
  readonly attempts: number;
  readonly perTryTimeoutMs?: number;
  readonly retryOn: ReadonlySet<RetryOnCondition>;
  /** HTTP statuses retried under "retriable-status-codes". */
  readonly retriableStatusCodes: readonly number[];
  /** retryOn tokens Envoy would not recognise; kept for display. */
  readonly unknownRetryOn: readonly string[];
  /** "default" when no retry policy was written and Istio's default applies. */
  readonly origin: 'default' | 'route';
}

export interface MirrorDecision {
  readonly host: string;
  readonly port: number;
  readonly subset?: string;
  /** Labels selecting the subset's endpoints; undefined means all endpoints of the service. */
  readonly subsetLabels?: Readonly<Record<string, string>>;
  /** Configured share of requests mirrored, 0–100. */
  readonly percentage: number;
  /** Whether this request is mirrored, already decided. */
  readonly mirrored: boolean;
}

export interface RedirectDecision {
  readonly status: number;
  /** The Location header the proxy sends. */
  readonly location: string;
}

export interface DirectResponseDecision {
  readonly status: number;
  readonly body?: string;
}

export interface HeaderOperations {
  readonly set: Readonly<Record<string, string>>;
  readonly add: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

export interface RewriteDecision {
  /** The path (with query) sent upstream after rewriting. */
  readonly path?: string;
  /** The Host/authority sent upstream after rewriting. */
  readonly authority?: string;
}

/** What the proxy answers by itself when it cannot forward (HTTP only). */
export interface LocalReply {
  readonly status: number;
  /** Envoy response flag recorded in access logs and metrics, e.g. NR (no route), NC (no cluster). */
  readonly responseFlag?: string;
}

export interface RouteDecision {
  readonly outcome: RouteOutcome;
  /** The rule that decided, or 'default' when no route config applied (Istio's default route). */
  readonly matched: MatchedRule | 'default';
  readonly destination?: RouteDestination;
  /** Effective DestinationRule policy for the destination (subset over top level, port level over both). */
  readonly trafficPolicy?: EffectiveTrafficPolicy;
  readonly fault: FaultDecision;
  /** Undefined when retries are disabled (attempts: 0) or the outcome forwards nothing. */
  readonly retries?: RetryDecision;
  /** Route timeout; undefined means none (Istio's default for HTTP). */
  readonly timeoutMs?: number;
  readonly mirrors: readonly MirrorDecision[];
  readonly redirect?: RedirectDecision;
  readonly directResponse?: DirectResponseDecision;
  /** Set for noRoute, clusterNotFound and HTTP blackhole outcomes. */
  readonly localReply?: LocalReply;
  readonly rewrite?: RewriteDecision;
  readonly requestHeaders?: HeaderOperations;
  readonly responseHeaders?: HeaderOperations;
  /** Human-readable explanation of the steps taken, for the console's "what happens" view. */
  readonly notes: readonly string[];
}
