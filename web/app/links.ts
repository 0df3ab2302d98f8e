/** Paths of screens that other screens link to; the route table in routes.tsx serves them. */
import { kindId } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';

/** An Istio or Gateway API object's detail page; cluster-scoped kinds have no namespace segment. */
export function configPath(kind: KindInfo, namespace: string | undefined, name: string): string {
  const id = encodeURIComponent(kindId(kind));
  return kind.namespaced && namespace
    ? `/config/${id}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`
    : `/config/${id}/${encodeURIComponent(name)}`;
}

export type DetailKind = 'workload' | 'service' | 'app';
/** Tabs of a workload, service or app page. */
export type DetailTab = 'overview' | 'inbound' | 'outbound' | 'traces' | 'logs';

const DETAIL_ROOT: Record<DetailKind, string> = { workload: '/workloads', service: '/services', app: '/apps' };

export interface DetailLinkOptions {
  readonly tab?: DetailTab;
  /** Extra query parameters for the tab, e.g. { q: requestId, pod } for logs. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * A workload, service or app page, e.g. `/workloads/bookinfo/reviews-v1?tab=logs&q=…`. Callers append
 * the global parameters (see carriedSearch) themselves when they have them.
 */
export function detailPath(kind: DetailKind, namespace: string, name: string, options: DetailLinkOptions = {}): string {
  const query = new URLSearchParams();
  if (options.tab && options.tab !== 'overview') query.set('tab', options.tab);
  for (const [key, value] of Object.entries(options.params ?? {})) if (value) query.set(key, value);
  const text = query.toString();
  return `${DETAIL_ROOT[kind]}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}${text ? `?${text}` : ''}`;
}

export interface TraceSearchLink {
  /** Jaeger service name, `<canonical service>.<namespace>`. */
  readonly service?: string;
  readonly operation?: string;
  /** Jaeger tags, e.g. { 'http.status_code': '503' }. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly minDuration?: string;
  readonly start?: Date;
  readonly end?: Date;
}

/** The trace search screen with its form filled in; the time window travels as from/to. */
export function tracesPath(search: TraceSearchLink = {}): string {
  const query = new URLSearchParams();
  if (search.service) query.set('service', search.service);
  if (search.operation) query.set('operation', search.operation);
  if (search.tags && Object.keys(search.tags).length > 0) query.set('tags', JSON.stringify(search.tags));
  if (search.minDuration) query.set('minDuration', search.minDuration);
  if (search.start && search.end) {
    query.set('from', String(Math.floor(search.start.getTime() / 1000)));
    query.set('to', String(Math.ceil(search.end.getTime() / 1000)));
  }
  const text = query.toString();
  return `/traces${text ? `?${text}` : ''}`;
}

/** One trace's waterfall, optionally with a span selected. */
export function tracePath(traceId: string, spanId?: string): string {
  return `/traces/${encodeURIComponent(traceId)}${spanId ? `?span=${encodeURIComponent(spanId)}` : ''}`;
}

/** The topology graph, optionally focused on one node (`focus`, a topology node id). */
export function topologyPath(options: { focus?: string; namespaces?: readonly string[] } = {}): string {
  const query = new URLSearchParams();
  if (options.namespaces && options.namespaces.length > 0) query.set('ns', options.namespaces.join(','));
  if (options.focus) query.set('focus', options.focus);
  const text = query.toString();
  return `/topology${text ? `?${text}` : ''}`;
}
