import type { KubeObject, StatusCause } from '../../../../mesh/kube-types';

/** A webhook rule: the causes that make one object invalid. */
export type Rule = (obj: KubeObject) => StatusCause[];

/**
 * The spec fields the rules read. Rules run only after the object passed its kind's schema
 * validation, which checked these shapes; the interfaces are written out (rather than taken from
 * the model packages, whose deeply expanded types are slow to check) and cover only what is read.
 */
export function specAs<T>(obj: KubeObject): T | undefined {
  return obj.spec as unknown as T | undefined;
}

type Maybe<T> = T | null | undefined;
type Labels = Maybe<Record<string, string>>;

export interface Destination {
  host?: string;
  subset?: string;
  port?: Maybe<{ number?: number }>;
}

export interface WeightedDestination {
  destination?: Maybe<Destination>;
  weight?: number;
}

export interface HttpRoute {
  delegate?: Maybe<{ name?: string; namespace?: string }>;
  route?: Maybe<WeightedDestination[]>;
  redirect?: Maybe<{ uri?: string; authority?: string; scheme?: string; port?: number; derivePort?: string; redirectCode?: number }>;
  rewrite?: Maybe<object>;
  directResponse?: Maybe<{ status?: number }>;
  fault?: Maybe<{
    abort?: Maybe<{ httpStatus?: number; percentage?: Maybe<{ value?: number }> }>;
    delay?: Maybe<{ fixedDelay?: string; percent?: number; percentage?: Maybe<{ value?: number }> }>;
  }>;
  retries?: Maybe<{ attempts?: number; perTryTimeout?: string; retryOn?: string }>;
  timeout?: string;
  mirror?: Maybe<Destination>;
  mirrorPercentage?: Maybe<{ value?: number }>;
  match?: Maybe<{ port?: number }[]>;
  corsPolicy?: Maybe<{ maxAge?: string; allowMethods?: Maybe<string[]> }>;
}

export interface VirtualServiceSpec {
  hosts?: Maybe<string[]>;
  gateways?: Maybe<string[]>;
  http?: Maybe<HttpRoute[]>;
  tcp?: Maybe<{ route?: Maybe<WeightedDestination[]>; match?: Maybe<{ port?: number }[]> }[]>;
  tls?: Maybe<{ route?: Maybe<WeightedDestination[]>; match?: Maybe<{ sniHosts?: Maybe<string[]> }[]> }[]>;
  exportTo?: Maybe<string[]>;
}

export interface PolicyFields {
  connectionPool?: Maybe<{
    tcp?: Maybe<{
      maxConnections?: number;
      connectTimeout?: string;
      idleTimeout?: string;
      maxConnectionDuration?: string;
      tcpKeepalive?: Maybe<{ time?: string; interval?: string }>;
    }>;
    http?: Maybe<{
      http1MaxPendingRequests?: number;
      http2MaxRequests?: number;
      maxRequestsPerConnection?: number;
      maxRetries?: number;
      maxConcurrentStreams?: number;
      idleTimeout?: string;
    }>;
  }>;
  outlierDetection?: Maybe<{
    baseEjectionTime?: string;
    interval?: string;
    maxEjectionPercent?: number;
    minHealthPercent?: number;
    consecutive5xxErrors?: number;
    consecutiveGatewayErrors?: number;
  }>;
  loadBalancer?: Maybe<{
    consistentHash?: Maybe<{ httpCookie?: Maybe<{ name?: string; ttl?: string }> }>;
    localityLbSetting?: Maybe<{ distribute?: Maybe<{ to?: Labels | Record<string, number> }[]>; failover?: Maybe<object[]> }>;
  }>;
  tls?: Maybe<{ mode?: string; clientCertificate?: string; privateKey?: string; caCertificates?: string; credentialName?: string }>;
}

export interface TrafficPolicy extends PolicyFields {
  portLevelSettings?: Maybe<(PolicyFields & { port?: Maybe<{ number?: number }> })[]>;
}

export interface DestinationRuleSpec {
  host?: string;
  trafficPolicy?: Maybe<TrafficPolicy>;
  subsets?: Maybe<{ name?: string; labels?: Labels; trafficPolicy?: Maybe<TrafficPolicy> }[]>;
  workloadSelector?: Maybe<{ matchLabels?: Labels }>;
  exportTo?: Maybe<string[]>;
}

export interface ServerTls {
  mode?: string;
  httpsRedirect?: boolean;
  serverCertificate?: string;
  privateKey?: string;
  caCertificates?: string;
  credentialName?: string;
}

export interface GatewaySpec {
  servers?: Maybe<{ hosts?: Maybe<string[]>; port?: Maybe<{ number?: number; protocol?: string; name?: string }>; tls?: Maybe<ServerTls> }[]>;
  selector?: Labels;
}

export interface ServicePort {
  number?: number;
  protocol?: string;
  name?: string;
  targetPort?: number;
}

export interface ServiceEntrySpec {
  hosts?: Maybe<string[]>;
  addresses?: Maybe<string[]>;
  ports?: Maybe<ServicePort[]>;
  resolution?: string;
  endpoints?: Maybe<{ address?: string; ports?: Maybe<Record<string, number>>; labels?: Labels }[]>;
  workloadSelector?: Maybe<{ labels?: Labels }>;
  exportTo?: Maybe<string[]>;
}

export interface SidecarSpec {
  workloadSelector?: Maybe<{ labels?: Labels }>;
  ingress?: Maybe<{ port?: Maybe<ServicePort>; defaultEndpoint?: string }[]>;
  egress?: Maybe<{ port?: Maybe<ServicePort>; hosts?: Maybe<string[]> }[]>;
  outboundTrafficPolicy?: Maybe<{ mode?: string; egressProxy?: Maybe<Destination> }>;
  inboundConnectionPool?: Maybe<object>;
}

export interface PeerAuthenticationSpec {
  selector?: Maybe<{ matchLabels?: Labels }>;
  portLevelMtls?: Maybe<Record<string, { mode?: string }>>;
}

export interface PolicyTarget {
  selector?: Maybe<{ matchLabels?: Labels }>;
  targetRef?: Maybe<object>;
  targetRefs?: Maybe<object[]>;
}

export interface AuthorizationRule {
  from?: Maybe<{ source?: Maybe<Record<string, Maybe<string[]>>> }[]>;
  to?: Maybe<{ operation?: Maybe<Record<string, Maybe<string[]>>> }[]>;
  when?: Maybe<{ key?: string; values?: Maybe<string[]>; notValues?: Maybe<string[]> }[]>;
}

export interface AuthorizationPolicySpec extends PolicyTarget {
  action?: string;
  provider?: Maybe<{ name?: string }>;
  rules?: Maybe<AuthorizationRule[]>;
}

export interface RequestAuthenticationSpec extends PolicyTarget {
  jwtRules?: Maybe<
    {
      issuer?: string;
      audiences?: Maybe<string[]>;
      jwksUri?: string;
      fromHeaders?: Maybe<{ name?: string }[]>;
      fromParams?: Maybe<string[]>;
    }[]
  >;
}
