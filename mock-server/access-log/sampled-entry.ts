/** One access log entry for a request sampled from a pod's traffic: inbound as its sidecar sees it, or outbound. */
import type { SimWorkload } from '../sim/model';
import { isProxyWorkload } from '../sim/traffic/caller';
import { sampleLatencyMs } from '../sim/traffic/latency';
import {
  authorityOf,
  bytesReceived,
  bytesSent,
  ephemeralPort,
  isLocalReply,
  meshSni,
  OUTSIDE_IP,
  requestId,
  responseDetails,
  shadowAuthority,
  userAgent,
  type Addressing,
} from './entry-parts';
import { responseFlagList, type AccessLogEntry } from '../../mesh/telemetry/access-log';
import type { TrafficSample } from './pod-traffic';

/** Time between two proxies, each way. */
const NETWORK_MS = 0.15;

export interface PodRef {
  readonly workload: SimWorkload;
  readonly pod: string;
}

export function sampledEntry(at: Addressing, self: PodRef, sample: TrafficSample, startMs: number, rand: () => number): AccessLogEntry {
  const { call, line, caller, direction } = sample;
  const http = call.protocol !== 'tcp';
  const details = responseDetails(line.responseCode, line.responseFlags, direction);
  const local = isLocalReply(details);
  const appMs = sampleLatencyMs(line.latency, rand);
  const delayMs = direction === 'outbound' ? line.delayMs : 0;
  const durationMs = delayMs + appMs + (direction === 'outbound' && !local ? 2 * NETWORK_MS : 0);
  const authority = authorityOf(call.toHost, call.port, call.authority);
  const pick = (w: SimWorkload) => w.podNames[Math.floor(rand() * w.podNames.length)] ?? w.name;
  const peer = direction === 'inbound' ? caller : line.destination;
  const peerPod = peer ? pick(peer) : undefined;
  const peerIp = peer && peerPod ? at.podIp(peer.namespace, peerPod) : undefined;
  const selfIp = at.podIp(self.workload.namespace, self.pod);
  const viaGateway = !caller || isProxyWorkload(caller) || isProxyWorkload(self.workload);
  const base = {
    startMs,
    method: http ? (call.method ?? 'GET') : undefined,
    path: http ? (call.path ?? '/') : undefined,
    protocol: http ? (call.protocol === 'grpc' ? 'HTTP/2' : 'HTTP/1.1') : undefined,
    code: http ? line.responseCode : 0,
    flags: responseFlagList(line.responseFlags),
    details: http ? details : undefined,
    bytesReceived: bytesReceived(call.protocol, call.method, rand),
    bytesSent: bytesSent(call.protocol, line.responseCode, details, rand),
    durationMs,
    upstreamServiceTimeMs: http && !local ? appMs : undefined,
    forwardedFor: http && viaGateway ? OUTSIDE_IP : undefined,
    userAgent: userAgent(caller, call.protocol),
    requestId: http ? requestId(rand) : undefined,
    authority: http ? (line.mirrored ? shadowAuthority(authority) : authority) : undefined,
    routeName: http ? 'default' : undefined,
  } as const;
  if (direction === 'inbound') {
    const port = self.workload.port ?? call.port;
    return {
      ...base,
      upstreamHost: local ? undefined : `${selfIp}:${port}`,
      upstreamCluster: `inbound|${port}||`,
      upstreamLocal: local ? undefined : `127.0.0.6:${ephemeralPort(rand)}`,
      downstreamLocal: `${selfIp}:${port}`,
      downstreamRemote: `${peerIp ?? OUTSIDE_IP}:${ephemeralPort(rand)}`,
      serverName: line.security === 'mutual_tls' ? meshSni(line.cluster?.name ?? `outbound|${call.port}||${line.service.host}`) : undefined,
    };
  }
  const upstreamHost = peer && peerIp ? `${peerIp}:${peer.port ?? call.port}` : undefined;
  const fromOutside = isProxyWorkload(self.workload);
  return {
    ...base,
    upstreamHost,
    upstreamCluster: line.cluster?.name ?? (line.service.name === 'PassthroughCluster' ? 'PassthroughCluster' : `outbound|${call.port}||${line.service.host}`),
    upstreamLocal: upstreamHost ? `${selfIp}:${ephemeralPort(rand)}` : undefined,
    downstreamLocal: fromOutside ? `${selfIp}:${self.workload.port ?? 8080}` : `${at.serviceIp(call.toHost) ?? selfIp}:${call.port}`,
    downstreamRemote: `${fromOutside ? OUTSIDE_IP : selfIp}:${ephemeralPort(rand)}`,
  };
}
