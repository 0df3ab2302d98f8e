/**
 * Access log entries for traced requests, read back from the spans the sampler made, so that a span and the
 * log line of the same proxy share the x-request-id the console links them by.
 */
import type { Span, Trace } from '../jaeger/types';
import type { SimWorkload } from '../sim/model';
import { isProxyWorkload } from '../sim/traffic/caller';
import { seededRandom } from '../sim/traffic/random';
import { bytesReceived, bytesSent, ephemeralPort, hashText, isLocalReply, meshSni, OUTSIDE_IP, responseDetails, userAgent, type Addressing } from './entry-parts';
import { responseFlagList, type AccessLogEntry } from '../../mesh/telemetry/access-log';
import type { PodRef } from './sampled-entry';

function tagsOf(span: Span): Map<string, string> {
  return new Map(span.tags.map((t) => [t.key, String(t.value)]));
}

function hostnameOf(trace: Trace, span: Span): string | undefined {
  const value = trace.processes[span.processID]?.tags.find((t) => t.key === 'hostname')?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The entries `self` logged for the spans of `trace` its proxy reported. */
export function spanEntries(at: Addressing, self: PodRef, trace: Trace, rand: () => number): AccessLogEntry[] {
  const byId = new Map(trace.spans.map((s) => [s.spanID, s]));
  const children = new Map<string, Span>();
  for (const span of trace.spans) {
    const parent = span.references[0]?.spanID;
    if (parent !== undefined) children.set(parent, span);
  }
  const entries: AccessLogEntry[] = [];
  for (const span of trace.spans) {
    if (hostnameOf(trace, span) !== self.pod || !span.tags.some((t) => t.key === 'istio.namespace' && t.value === self.workload.namespace)) continue;
    const parentId = span.references[0]?.spanID;
    entries.push(spanEntry(at, self, trace, span, parentId === undefined ? undefined : byId.get(parentId), children.get(span.spanID), rand));
  }
  return entries;
}

function callerOf(at: Addressing, trace: Trace, parent: Span): SimWorkload | undefined {
  const pod = hostnameOf(trace, parent);
  const namespace = tagsOf(parent).get('istio.namespace');
  return pod && namespace ? at.workloadOfPod(namespace, pod) : undefined;
}

function spanEntry(
  at: Addressing,
  self: PodRef,
  trace: Trace,
  span: Span,
  parent: Span | undefined,
  child: Span | undefined,
  rand: () => number,
): AccessLogEntry {
  const tags = tagsOf(span);
  const cluster = tags.get('upstream_cluster') ?? '';
  // Not URL(): it would drop a default port the client did write in the authority.
  const [, authority = '', path = '/'] = /^[a-z]+:\/\/([^/]*)(.*)$/.exec(tags.get('http.url') ?? '') ?? [];
  const method = tags.get('http.method') ?? 'GET';
  const code = Number(tags.get('http.status_code') ?? 0);
  const flags = tags.get('response_flags') ?? '-';
  const grpc = tags.get('http.protocol') === 'HTTP/2';
  const inbound = tags.get('span.kind') === 'server';
  const details = responseDetails(code, flags, inbound ? 'inbound' : 'outbound');
  const local = isLocalReply(details);
  const protocol = grpc ? 'grpc' : 'http';
  const selfIp = at.podIp(self.workload.namespace, self.pod);
  const durationMs = span.duration / 1000;
  const callerWorkload = inbound ? (parent && callerOf(at, trace, parent)) : self.workload;
  const parentCluster = parent && tagsOf(parent).get('upstream_cluster');
  // Both proxies of a hop log the same body sizes: draw them from what the two spans share.
  const sizes = seededRandom(hashText(`${tags.get('guid:x-request-id') ?? ''}|${path}|${inbound ? (parentCluster ?? '') : cluster}`));
  const base = {
    startMs: span.startTime / 1000,
    method,
    path: path || '/',
    protocol: grpc ? 'HTTP/2' : 'HTTP/1.1',
    code,
    flags: responseFlagList(flags),
    details,
    bytesReceived: bytesReceived(protocol, method, sizes),
    bytesSent: bytesSent(protocol, code, details, sizes),
    durationMs,
    upstreamServiceTimeMs: local ? undefined : inbound ? durationMs * 0.95 : (child?.duration ?? span.duration) / 1000,
    forwardedFor: !callerWorkload || isProxyWorkload(callerWorkload) ? OUTSIDE_IP : undefined,
    userAgent: userAgent(callerWorkload, protocol),
    requestId: tags.get('guid:x-request-id'),
    authority,
    routeName: 'default',
  } as const;
  if (inbound) {
    const port = cluster.split('|')[1] ?? '';
    return {
      ...base,
      upstreamHost: local ? undefined : `${selfIp}:${port}`,
      upstreamCluster: cluster,
      upstreamLocal: local ? undefined : `127.0.0.6:${ephemeralPort(rand)}`,
      downstreamLocal: `${selfIp}:${port}`,
      downstreamRemote: `${tags.get('peer.address') || OUTSIDE_IP}:${ephemeralPort(rand)}`,
      serverName: parentCluster ? meshSni(parentCluster) : undefined,
    };
  }
  const upstreamHost = tags.get('upstream_address');
  const [, servicePort = '', , host = ''] = cluster.split('|');
  const fromOutside = isProxyWorkload(self.workload);
  return {
    ...base,
    upstreamHost,
    upstreamCluster: cluster,
    upstreamLocal: upstreamHost ? `${selfIp}:${ephemeralPort(rand)}` : undefined,
    downstreamLocal: fromOutside ? `${selfIp}:${self.workload.port ?? 8080}` : `${at.serviceIp(host) ?? selfIp}:${servicePort}`,
    downstreamRemote: `${fromOutside ? OUTSIDE_IP : selfIp}:${ephemeralPort(rand)}`,
  };
}
