/**
 * DestinationRule traffic policies and how Istio combines them for one destination: the top-level policy,
 * its port-level settings, the subset policy and the subset's port-level settings.
 */

import { durationField } from './duration';
import type {
  ClientTlsSpec,
  ConnectionPoolSpec,
  ConsistentHashSpec,
  HttpPoolSpec,
  LoadBalancerSpec,
  OutlierDetectionSpec,
  PortTrafficPolicySpec,
  TcpPoolSpec,
  TrafficPolicySpec,
} from './model-types';
import { asArray, asBoolean, asNumber, asObject, asPort, asText, reader } from './narrow';

export type SimpleLoadBalancer = 'UNSPECIFIED' | 'LEAST_CONN' | 'RANDOM' | 'PASSTHROUGH' | 'ROUND_ROBIN' | 'LEAST_REQUEST';
export type ClientTlsMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';

export interface LoadBalancerPolicy {
  readonly simple?: SimpleLoadBalancer;
  readonly consistentHash?: {
    readonly httpHeaderName?: string;
    readonly httpCookie?: { readonly name: string; readonly path?: string; readonly ttlMs?: number };
    readonly useSourceIp?: boolean;
    readonly httpQueryParameterName?: string;
  };
}

export interface ConnectionPoolPolicy {
  readonly tcp?: {
    readonly maxConnections?: number;
    readonly connectTimeoutMs?: number;
    readonly idleTimeoutMs?: number;
    readonly maxConnectionDurationMs?: number;
  };
  readonly http?: {
    readonly http1MaxPendingRequests?: number;
    readonly http2MaxRequests?: number;
    readonly maxRequestsPerConnection?: number;
    readonly maxRetries?: number;
    readonly maxConcurrentStreams?: number;
    readonly idleTimeoutMs?: number;
  };
}

export interface OutlierDetectionPolicy {
  readonly consecutive5xxErrors?: number;
  readonly consecutiveGatewayErrors?: number;
  readonly consecutiveLocalOriginFailures?: number;
  readonly intervalMs?: number;
  readonly baseEjectionTimeMs?: number;
  readonly maxEjectionPercent?: number;
  readonly minHealthPercent?: number;
}

export interface ClientTlsPolicy {
  readonly mode: ClientTlsMode;
  readonly sni?: string;
}

/** The four parts Istio overrides as whole units when policies are combined. */
export interface TrafficPolicyParts {
  readonly loadBalancer?: LoadBalancerPolicy;
  readonly connectionPool?: ConnectionPoolPolicy;
  readonly outlierDetection?: OutlierDetectionPolicy;
  readonly tls?: ClientTlsPolicy;
}

type PartName = keyof TrafficPolicyParts;
const PART_NAMES: readonly PartName[] = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'];

/** Where a part of the effective policy was written. */
export type PolicyLevel = 'destination' | 'destination-port' | 'subset' | 'subset-port';

export interface EffectiveTrafficPolicy extends TrafficPolicyParts {
  /** For each part present, the level it came from. */
  readonly origins: Readonly<Partial<Record<PartName, PolicyLevel>>>;
}

export interface ParsedTrafficPolicy extends TrafficPolicyParts {
  readonly portLevel: ReadonlyMap<number, TrafficPolicyParts>;
}

const SIMPLE_LB: ReadonlySet<string> = new Set(['UNSPECIFIED', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST']);
const TLS_MODES: ReadonlySet<string> = new Set(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);

function parseLoadBalancer(value: unknown): LoadBalancerPolicy | undefined {
  if (!asObject(value)) return undefined;
  const lb = reader<LoadBalancerSpec>(value);
  const simple = asText(lb('simple'));
  const ch = reader<ConsistentHashSpec>(lb('consistentHash'));
  const cookie = asObject(ch('httpCookie'));
  const cookieName = asText(cookie?.name);
  return {
    simple: simple !== undefined && SIMPLE_LB.has(simple) ? (simple as SimpleLoadBalancer) : undefined,
    consistentHash: asObject(lb('consistentHash'))
      ? {
          httpHeaderName: asText(ch('httpHeaderName')),
          httpCookie: cookieName
            ? { name: cookieName, path: asText(cookie?.path), ttlMs: durationField(cookie?.ttl) }
            : undefined,
          useSourceIp: asBoolean(ch('useSourceIp')),
          httpQueryParameterName: asText(ch('httpQueryParameterName')),
        }
      : undefined,
  };
}

function parseConnectionPool(value: unknown): ConnectionPoolPolicy | undefined {
  if (!asObject(value)) return undefined;
  const cp = reader<ConnectionPoolSpec>(value);
  const tcp = reader<TcpPoolSpec>(cp('tcp'));
  const http = reader<HttpPoolSpec>(cp('http'));
  return {
    tcp: asObject(cp('tcp'))
      ? {
          maxConnections: asNumber(tcp('maxConnections')),
          connectTimeoutMs: durationField(tcp('connectTimeout')),
          idleTimeoutMs: durationField(tcp('idleTimeout')),
          maxConnectionDurationMs: durationField(tcp('maxConnectionDuration')),
        }
      : undefined,
    http: asObject(cp('http'))
      ? {
          http1MaxPendingRequests: asNumber(http('http1MaxPendingRequests')),
          http2MaxRequests: asNumber(http('http2MaxRequests')),
          maxRequestsPerConnection: asNumber(http('maxRequestsPerConnection')),
          maxRetries: asNumber(http('maxRetries')),
          maxConcurrentStreams: asNumber(http('maxConcurrentStreams')),
          idleTimeoutMs: durationField(http('idleTimeout')),
        }
      : undefined,
  };
}

function parseOutlierDetection(value: unknown): OutlierDetectionPolicy | undefined {
  if (!asObject(value)) return undefined;
  const od = reader<OutlierDetectionSpec>(value);
  return {
    consecutive5xxErrors: asNumber(od('consecutive5xxErrors')),
    consecutiveGatewayErrors: asNumber(od('consecutiveGatewayErrors')),
    consecutiveLocalOriginFailures: asNumber(od('consecutiveLocalOriginFailures')),
    intervalMs: durationField(od('interval')),
    baseEjectionTimeMs: durationField(od('baseEjectionTime')),
    maxEjectionPercent: asNumber(od('maxEjectionPercent')),
    minHealthPercent: asNumber(od('minHealthPercent')),
  };
}

function parseTls(value: unknown): ClientTlsPolicy | undefined {
  if (!asObject(value)) return undefined;
  const tls = reader<ClientTlsSpec>(value);
  const mode = asText(tls('mode')) ?? 'DISABLE';
  return TLS_MODES.has(mode) ? { mode: mode as ClientTlsMode, sni: asText(tls('sni')) } : undefined;
}

function parseParts(read: (key: PartName) => unknown): TrafficPolicyParts {
  return {
    loadBalancer: parseLoadBalancer(read('loadBalancer')),
    connectionPool: parseConnectionPool(read('connectionPool')),
    outlierDetection: parseOutlierDetection(read('outlierDetection')),
    tls: parseTls(read('tls')),
  };
}

/** Parses a TrafficPolicy; undefined when the value is not an object. */
export function parseTrafficPolicy(value: unknown): ParsedTrafficPolicy | undefined {
  if (!asObject(value)) return undefined;
  const tp = reader<TrafficPolicySpec>(value);
  const portLevel = new Map<number, TrafficPolicyParts>();
  for (const entry of asArray(tp('portLevelSettings'))) {
    const pls = reader<PortTrafficPolicySpec>(entry);
    const port = asPort(asObject(pls('port'))?.number);
    // The first setting for a port wins, as Istio scans them in order.
    if (port !== undefined && !portLevel.has(port)) portLevel.set(port, parseParts(pls));
  }
  return { ...parseParts(tp), portLevel };
}

interface Layer {
  readonly parts: TrafficPolicyParts;
  readonly level: PolicyLevel;
  /** Port-level layers replace all four parts, even with nothing: omitted fields fall back to defaults. */
  readonly wholesale: boolean;
}

function layersOf(policy: ParsedTrafficPolicy | undefined, port: number, subset: boolean): Layer[] {
  if (!policy) return [];
  const portParts = policy.portLevel.get(port);
  const base: Layer = { parts: policy, level: subset ? 'subset' : 'destination', wholesale: false };
  if (!portParts) return [base];
  return [base, { parts: portParts, level: subset ? 'subset-port' : 'destination-port', wholesale: true }];
}

type MutableParts = { -readonly [K in PartName]?: TrafficPolicyParts[K] };

function copyPart<K extends PartName>(target: MutableParts, source: TrafficPolicyParts, name: K): void {
  target[name] = source[name];
}

/**
 * Istio's MergeSubsetTrafficPolicy for one port. Surprise: port-level settings do not inherit; when a
 * port-level entry matches, all four parts are replaced and a part it omits falls back to Envoy's
 * defaults. Subset parts override destination parts one by one.
 */
export function effectiveTrafficPolicy(
  topLevel: ParsedTrafficPolicy | undefined,
  subsetLevel: ParsedTrafficPolicy | undefined,
  port: number,
): EffectiveTrafficPolicy {
  const parts: MutableParts = {};
  const origins: Partial<Record<PartName, PolicyLevel>> = {};
  for (const layer of [...layersOf(topLevel, port, false), ...layersOf(subsetLevel, port, true)]) {
    for (const name of PART_NAMES) {
      const present = layer.parts[name] !== undefined;
      if (!present && !layer.wholesale) continue;
      copyPart(parts, layer.parts, name);
      if (present) origins[name] = layer.level;
      else delete origins[name];
    }
  }
  return { ...parts, origins };
}
