/**
 * The steady load of the mesh under a config, from the call graph at its nominal rates: per edge, per
 * server proxy and per client cluster. From it come the effects that depend on load (plan-effects).
 */
import { rateLimitsFor, sustainedRate } from '../../../mesh/routing';
import { workloadKey, type SimCall, type SimWorkload } from '../model';
import { ejectedShare, overflowShare, rateLimitedShare, rebalance, type HostGroup } from './capacity';
import { isProxyWorkload } from './caller';
import { latencyDistribution } from './latency';
import type { LiveConfig } from './live-config';
import { clusterEffectKey, type CapacityEffects, type ClusterEffect } from './plan-effects';
import type { ClusterUse, EdgePlan } from './plan-types';
import { propagate, type RootTraffic } from './propagate';

export interface EdgeLoad {
  readonly caller: SimWorkload | undefined;
  readonly call: SimCall;
  /** Requests (connections, for TCP) per second. */
  rps: number;
}

interface EndpointLoad {
  readonly workload: SimWorkload;
  rps: number;
  failing: boolean;
}

interface ClusterLoad {
  readonly caller: SimWorkload;
  readonly cluster: ClusterUse;
  readonly protocol: SimCall['protocol'];
  readonly endpoints: Map<string, EndpointLoad>;
}

export interface NominalLoads {
  /** Per `${callerKey}|${callId}`. */
  readonly edges: ReadonlyMap<string, EdgeLoad>;
  /** Per workload key: requests per second reaching its proxy. */
  readonly arriving: ReadonlyMap<string, number>;
  readonly clusters: ReadonlyMap<string, ClusterLoad>;
}

export interface LoadGraph {
  readonly roots: readonly RootTraffic[];
  readonly callsOf: (workload: SimWorkload) => readonly SimCall[];
  readonly edgeKey: (caller: SimWorkload | undefined, call: SimCall) => string;
  /** The plan as routing makes it, and with the current effects applied. */
  readonly plans: (caller: SimWorkload | undefined, call: SimCall) => { readonly base: EdgePlan; readonly effective: EdgePlan };
}

export function nominalLoads(graph: LoadGraph): NominalLoads {
  const edges = new Map<string, EdgeLoad>();
  const arriving = new Map<string, number>();
  const clusters = new Map<string, ClusterLoad>();
  propagate(graph.roots, graph.callsOf, (caller, call, rps) => {
    const key = graph.edgeKey(caller, call);
    const edge = edges.get(key);
    if (edge) edge.rps += rps;
    else edges.set(key, { caller, call, rps });
    const { base, effective } = graph.plans(caller, call);
    for (const served of effective.served) {
      const server = workloadKey(served.workload.namespace, served.workload.name);
      arriving.set(server, (arriving.get(server) ?? 0) + rps * (served.arriving ?? served.share));
    }
    if (caller) addClusterLoads(clusters, caller, call, base, rps);
    return effective.served;
  });
  return { edges, arriving, clusters };
}

function addClusterLoads(clusters: Map<string, ClusterLoad>, caller: SimWorkload, call: SimCall, base: EdgePlan, rps: number): void {
  const callerKey = workloadKey(caller.namespace, caller.name);
  for (const served of base.served) {
    const policy = served.cluster?.policy;
    if (!served.cluster || (!policy?.connectionPool && !policy?.outlierDetection)) continue;
    const key = clusterEffectKey(callerKey, served.cluster.name);
    let load = clusters.get(key);
    if (!load) clusters.set(key, (load = { caller, cluster: served.cluster, protocol: call.protocol, endpoints: new Map() }));
    const server = workloadKey(served.workload.namespace, served.workload.name);
    const endpoint = load.endpoints.get(server) ?? { workload: served.workload, rps: 0, failing: false };
    endpoint.rps += rps * served.share;
    endpoint.failing ||= base.lines.some((l) => l.destination === served.workload && l.responseFlags.includes('UF'));
    load.endpoints.set(server, endpoint);
  }
}

export function capacityEffects(config: LiveConfig, loads: NominalLoads, byKey: ReadonlyMap<string, SimWorkload>): CapacityEffects {
  const rateLimited = new Map<string, number>();
  if (config.rateLimits.length > 0) {
    for (const [key, rps] of loads.arriving) {
      const workload = byKey.get(key);
      if (!workload || workload.protocol === 'tcp' || (workload.sidecar !== 'injected' && !isProxyWorkload(workload))) continue;
      const perPod = rps / Math.max(workload.replicas, 1);
      let passed = 1;
      for (const limit of rateLimitsFor(config.rateLimits, workload)) {
        const checked = perPod * limit.enabled;
        passed *= 1 - limit.enabled * limit.enforced * rateLimitedShare(checked, sustainedRate(limit.bucket));
      }
      if (passed < 1) rateLimited.set(key, 1 - passed);
    }
  }
  const clusters = new Map<string, ClusterEffect>();
  for (const [key, load] of loads.clusters) {
    const effect = clusterEffect(load);
    if (effect.overflow > 0 || effect.noHealthy > 0 || [...effect.factors.values()].some((f) => f !== 1)) clusters.set(key, effect);
  }
  return { rateLimited, clusters };
}

/** Time to open a connection (TCP and mTLS handshakes), paid again every maxRequestsPerConnection requests. */
const CONNECT_MS = 2;

function clusterEffect(load: ClusterLoad): ClusterEffect {
  const endpoints = [...load.endpoints.values()];
  const rps = endpoints.reduce((sum, e) => sum + e.rps, 0);
  const callerPods = Math.max(load.caller.replicas, 1);
  return { overflow: overflow(load, endpoints, rps / callerPods), ...ejections(load, endpoints, rps, callerPods) };
}

function overflow(load: ClusterLoad, endpoints: readonly EndpointLoad[], perPodRps: number): number {
  const pool = load.cluster.policy?.connectionPool;
  if (!pool || perPodRps <= 0) return 0;
  const total = endpoints.reduce((sum, e) => sum + e.rps, 0);
  const serviceMs = endpoints.reduce((sum, e) => sum + (e.rps / total) * latencyDistribution(e.workload.latency).mean, 0);
  const maxConnections = pool.tcp?.maxConnections ?? Infinity;
  if (load.protocol === 'tcp') return overflowShare((perPodRps * serviceMs) / 1000, maxConnections, 0);
  const maxRequests = pool.http?.http2MaxRequests ?? Infinity;
  const pending = pool.http?.http1MaxPendingRequests ?? Infinity;
  // HTTP/1.1 holds a connection per request in flight; HTTP/2 (gRPC) multiplexes requests over few.
  const servers = load.protocol === 'grpc' ? maxRequests : Math.min(maxConnections, maxRequests);
  const perConnection = pool.http?.maxRequestsPerConnection;
  const connectMs = load.protocol === 'http' && perConnection !== undefined && perConnection > 0 ? CONNECT_MS / perConnection : 0;
  if (Number.isFinite(servers)) return overflowShare((perPodRps * (serviceMs + connectMs)) / 1000, servers, pending);
  // Without a cap on connections, requests only wait (as pending) while a new connection opens.
  return overflowShare((perPodRps * connectMs) / 1000, pending, 0);
}

function ejections(load: ClusterLoad, endpoints: readonly EndpointLoad[], rps: number, callerPods: number): Omit<ClusterEffect, 'overflow'> {
  const detector = load.cluster.policy?.outlierDetection;
  if (!detector || rps <= 0 || load.protocol === 'tcp') return { noHealthy: 0, factors: new Map() };
  // The simulator's failures are 503s (or gRPC UNAVAILABLE, which Envoy maps to 503): both counters see them.
  const thresholds = [detector.consecutive5xxErrors ?? 5, detector.consecutiveGatewayErrors ?? 0].filter((t) => t > 0);
  const threshold = thresholds.length > 0 ? Math.min(...thresholds) : 0;
  const intervalMs = detector.intervalMs ?? 10_000;
  const groups: HostGroup[] = endpoints.map((e) => {
    const hosts = Math.max(e.workload.replicas, 1);
    const failureRate = e.failing ? 1 : Math.min(Math.max(e.workload.errorRate, 0), 1);
    const requestsPerInterval = (e.rps / (callerPods * hosts)) * (intervalMs / 1000);
    return {
      hosts,
      weight: e.rps / rps,
      ejected: ejectedShare({ threshold, failureRate, requestsPerInterval, intervalMs, baseEjectionMs: detector.baseEjectionTimeMs ?? 30_000 }),
    };
  });
  const { factors, noHealthy } = rebalance(groups, detector.maxEjectionPercent ?? 10, detector.minHealthPercent ?? 0);
  return {
    noHealthy,
    factors: new Map(endpoints.map((e, i) => [workloadKey(e.workload.namespace, e.workload.name), factors[i] ?? 1])),
  };
}
