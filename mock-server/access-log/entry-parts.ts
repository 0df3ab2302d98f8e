/** The parts of an access log entry that sampled requests and traced spans share: sizes, agents, details, addresses. */
import type { PodAddress } from '../jaeger/trace-builder';
import type { SimProtocol, SimWorkload } from '../sim/model';
import { isProxyWorkload } from '../sim/traffic/caller';

/** What an entry builder needs to know about the cluster. */
export interface Addressing {
  readonly podIp: PodAddress;
  /** The ClusterIP of a service host, when it has one. */
  readonly serviceIp: (host: string) => string | undefined;
  readonly workloadOfPod: (namespace: string, pod: string) => SimWorkload | undefined;
}

/** Where requests from outside the cluster come from (the sampler's choice too). */
export { OUTSIDE_IP } from '../jaeger/sampler';

/** The body of the replies Envoy makes itself, by RESPONSE_CODE_DETAILS. */
const LOCAL_BODIES: Readonly<Record<string, number>> = {
  fault_filter_abort: 18,
  local_rate_limited: 18,
  no_healthy_upstream: 19,
  response_timeout: 24,
  route_not_found: 0,
  cluster_not_found: 0,
  ext_authz_error: 0,
  'upstream_reset_before_response_started{overflow}': 81,
  'upstream_reset_before_response_started{connection_failure}': 91,
};

const RBAC_DENIED = 'rbac_access_denied_matched_policy[none]';

/** Envoy's RESPONSE_CODE_DETAILS for an outcome, on the side that logs it. */
export function responseDetails(code: number, flags: string, side: 'inbound' | 'outbound'): string {
  const has = (flag: string) => flags.split(',').includes(flag);
  if (has('FI')) return 'fault_filter_abort';
  if (has('UO')) return 'upstream_reset_before_response_started{overflow}';
  if (has('UH')) return 'no_healthy_upstream';
  if (has('UF')) return 'upstream_reset_before_response_started{connection_failure}';
  if (has('UT')) return 'response_timeout';
  if (has('RL')) return 'local_rate_limited';
  // The mock runs no external authorizer: ext_authz fails to reach it.
  if (has('UAEX')) return 'ext_authz_error';
  if (has('NR')) return 'route_not_found';
  if (has('NC')) return 'cluster_not_found';
  if (side === 'inbound' && code === 403) return RBAC_DENIED;
  return 'via_upstream';
}

/** True when the proxy answered by itself rather than passing on an upstream response. */
export function isLocalReply(details: string): boolean {
  return details !== 'via_upstream';
}

export function bytesReceived(protocol: SimProtocol, method: string | undefined, rand: () => number): number {
  if (protocol === 'tcp') return 400 + Math.floor(rand() * 400);
  if (protocol === 'grpc') return 5 + Math.floor(rand() * 120);
  return method === 'POST' || method === 'PUT' ? 600 + Math.floor(rand() * 900) : 0;
}

export function bytesSent(protocol: SimProtocol, code: number, details: string, rand: () => number): number {
  if (isLocalReply(details)) return details === RBAC_DENIED ? 19 : (LOCAL_BODIES[details] ?? 0);
  if (protocol === 'tcp') return 1_500 + Math.floor(rand() * 2_000);
  if (protocol === 'grpc') return code === 200 ? 40 + Math.floor(rand() * 900) : 0;
  return code >= 400 ? 19 + Math.floor(rand() * 40) : 1_800 + Math.floor(rand() * 4_000);
}

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** The User-Agent a caller sends. */
export function userAgent(caller: SimWorkload | undefined, protocol: SimProtocol): string | undefined {
  if (protocol === 'tcp') return undefined;
  if (!caller || isProxyWorkload(caller)) return BROWSER;
  if (protocol === 'grpc') return 'grpc-go/1.64.0';
  if (caller.app === 'loadgenerator') return 'python-requests/2.31.0';
  return 'Go-http-client/1.1';
}

/** A random-looking version 4 UUID, as Envoy generates x-request-id. */
export function requestId(rand: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(rand() * 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rand() * 4)] ?? '8'}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function ephemeralPort(rand: () => number): number {
  return 32_768 + Math.floor(rand() * 28_232);
}

/** "reviews:9080" for a service FQDN, the host itself for anything else. */
export function authorityOf(host: string, port: number, authority: string | undefined): string {
  if (authority) return authority;
  const short = host.endsWith('.svc.cluster.local') ? host.split('.')[0] : host;
  return `${short}:${port}`;
}

/** Envoy marks mirrored copies by suffixing the host, before any port. */
export function shadowAuthority(authority: string): string {
  const colon = authority.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(authority.slice(colon + 1)) ? `${authority.slice(0, colon)}-shadow${authority.slice(colon)}` : `${authority}-shadow`;
}

/** The SNI a mesh client presents for a cluster outbound|port|subset|host. */
export function meshSni(cluster: string): string {
  const [, port = '', subset = '', host = ''] = cluster.split('|');
  return `outbound_.${port}_.${subset}_.${host}`;
}

/** FNV-1a: a stable seed from a string. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
