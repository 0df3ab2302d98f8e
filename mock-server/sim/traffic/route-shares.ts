/**
 * Routing in aggregate: instead of routing each request, the same request is routed a fixed number of
 * times with evenly spread random draws, and identical decisions are grouped into shares.
 */
import { resolveRoute, type RouteDecision, type RouteRequest, type RouteSource } from '../../../mesh/routing';
import type { SimCall, SimWorkload } from '../model';
import type { LiveConfig } from './live-config';
import { isProxyWorkload } from './caller';
import { haltonDraws } from './random';

/** Samples per edge: evenly spread, 100 resolve weights and percentages to about a percent. */
const ROUTE_SAMPLES = 100;

export interface RouteShare {
  readonly decision: RouteDecision;
  readonly share: number;
}

export function routeShares(config: LiveConfig, caller: SimWorkload, call: SimCall): RouteShare[] {
  // Most routes draw no random number at all (one destination, no partial fault): one resolve decides.
  let draws = 0;
  const first = haltonDraws(1);
  const probe = resolveRoute(config.routing, routeRequest(caller, call, () => (draws++, first())));
  if (draws === 0) return [{ decision: probe, share: 1 }];
  const groups = new Map<string, { decision: RouteDecision; count: number }>();
  for (let i = 1; i <= ROUTE_SAMPLES; i++) {
    const decision = resolveRoute(config.routing, routeRequest(caller, call, haltonDraws(i)));
    const key = decisionKey(decision);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { decision, count: 1 });
  }
  return [...groups.values()].map(({ decision, count }) => ({ decision, share: count / ROUTE_SAMPLES }));
}

function routeRequest(caller: SimWorkload, call: SimCall, rand: () => number): RouteRequest {
  const source: RouteSource = {
    namespace: caller.namespace,
    labels: caller.labels,
    serviceAccount: caller.serviceAccount,
    gateway: isProxyWorkload(caller) && caller.role !== 'waypoint' ? {} : undefined,
  };
  // A gateway matches the Host header against its listeners; mesh traffic names the service.
  const host = source.gateway ? (call.authority ?? call.toHost) : call.toHost;
  return {
    source,
    host,
    port: call.port,
    protocol: call.protocol,
    method: call.method,
    path: call.path,
    authority: call.authority,
    rand,
  };
}

/** What distinguishes one decision from another for traffic: where it goes and what happens on the way. */
function decisionKey(d: RouteDecision): string {
  const dest = d.destination;
  return JSON.stringify([
    d.outcome,
    dest?.host,
    dest?.port,
    dest?.subset,
    d.fault.delayMs,
    d.fault.abort?.httpStatus,
    d.fault.abort?.grpcStatus,
    d.localReply?.status,
    d.directResponse?.status,
    d.redirect?.status,
    d.timeoutMs,
    d.retries?.attempts,
    d.mirrors.map((m) => (m.mirrored ? `${m.host}:${m.port}:${m.subset ?? ''}` : '')),
  ]);
}
