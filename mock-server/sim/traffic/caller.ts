/** What the calling side of a request can do: route (apply VirtualServices), report, speak mutual TLS. */
import type { Reporter } from '../../../mesh/telemetry';
import type { SimWorkload } from '../model';

export interface CallerTraits {
  /** A proxy on the client side applies routing config (sidecar, gateway, or an ambient waypoint). */
  readonly routes: boolean;
  /** Which reporter records what the routing proxy answers by itself; undefined when no proxy reports. */
  readonly localReporter?: Reporter;
  /** The client's proxy reports reporter="source" for forwarded requests. */
  readonly reportsSource: boolean;
  /** It can present a mesh identity (sidecar, gateway proxy, or ztunnel). */
  readonly mtlsCapable: boolean;
}

const OUTSIDE: CallerTraits = { routes: false, reportsSource: false, mtlsCapable: false };

export function isProxyWorkload(workload: SimWorkload): boolean {
  return workload.isGateway === true || workload.role === 'gateway' || workload.role === 'waypoint';
}

export function callerTraits(caller: SimWorkload | undefined): CallerTraits {
  if (!caller) return OUTSIDE;
  if (caller.sidecar === 'injected' || isProxyWorkload(caller)) {
    return { routes: true, localReporter: 'source', reportsSource: true, mtlsCapable: true };
  }
  // Ambient: ztunnel carries mTLS; routing and its local replies are approximated as the waypoint's.
  if (caller.sidecar === 'ambient') return { routes: true, localReporter: 'waypoint', reportsSource: false, mtlsCapable: true };
  return OUTSIDE;
}

/** The server side reports reporter="destination" when a sidecar (or, for ambient, ztunnel/waypoint) sees the request. */
export function reportsDestination(server: SimWorkload): boolean {
  return server.sidecar === 'injected' || server.sidecar === 'ambient';
}
