/** Assembles one trace as Envoy reports it to Jaeger: a span per proxy per hop, with Istio's standard tags. */
import type { SimCall, SimWorkload } from '../sim/model';
import { tag, type KeyValue, type Process, type Span, type Trace } from './types';

const MESH_ID = 'cluster.local';
const NO_LOGS: readonly never[] = Object.freeze([]);
const CANONICAL_NAME = 'service.istio.io/canonical-name';
const CANONICAL_REVISION = 'service.istio.io/canonical-revision';

/** One proxy's view of one request. */
export interface SpanSpec {
  readonly kind: 'client' | 'server';
  /** The workload whose proxy reports the span. */
  readonly workload: SimWorkload;
  readonly pod: string;
  readonly call: SimCall;
  /** The service the request was routed to. */
  readonly host: string;
  readonly port: number;
  readonly spanID: string;
  readonly parentID: string | undefined;
  readonly startUs: number;
  readonly durationUs: number;
  readonly status: number;
  readonly flags: string;
  /** outbound|port|subset|host for a client span, inbound|port|| for a server span. */
  readonly upstreamCluster: string;
  readonly peerIp: string;
  /** The upstream host's address and port, for a client span that reached one. */
  readonly upstreamAddress?: string;
}

/** The IP of a pod; a stable made-up one unless the cluster's own are supplied. */
export type PodAddress = (namespace: string, pod: string) => string;

/** Most tag values repeat from span to span (pods, clusters, URLs): sharing them keeps a full store small. */
const sharedTags = new Map<string, KeyValue>();
const MAX_SHARED_TAGS = 100_000;

function sharedTag(key: string, value: string | boolean): KeyValue {
  const cacheKey = `${key}\u0000${String(value)}`;
  let kv = sharedTags.get(cacheKey);
  if (!kv) {
    if (sharedTags.size >= MAX_SHARED_TAGS) sharedTags.clear();
    kv = tag(key, value);
    sharedTags.set(cacheKey, kv);
  }
  return kv;
}

export function istioServiceName(workload: SimWorkload): string {
  return `${workload.labels[CANONICAL_NAME] ?? workload.app}.${workload.namespace}`;
}

/** A stable, made-up pod IP in the cluster's pod CIDR. */
export function podIp(pod: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pod.length; i++) h = Math.imul(h ^ pod.charCodeAt(i), 0x01000193);
  const n = h >>> 0;
  return `10.244.${(n >>> 8) & 0xff}.${(n & 0xfe) + 1}`;
}

export const hashedPodIp: PodAddress = (_namespace, pod) => podIp(pod);

export class TraceBuilder {
  readonly traceID: string;
  /** Envoy propagates x-request-id, so every span of a trace carries the same one. */
  private readonly requestIdTag: KeyValue;
  private readonly spans: Span[] = [];
  private readonly processes: Record<string, Process> = {};
  private readonly processIds = new Map<string, string>();

  constructor(
    private readonly rand: () => number,
    private readonly ipOf: PodAddress = hashedPodIp,
  ) {
    this.traceID = this.hex(32);
    const hex = this.hex(32);
    // A version 4 UUID, as Envoy makes them: version nibble 4, variant bits 10.
    const variant = (8 + (parseInt(hex[16] ?? '0', 16) & 3)).toString(16);
    this.requestIdTag = tag('guid:x-request-id', `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`);
  }

  get spanCount(): number {
    return this.spans.length;
  }

  newSpanId(): string {
    return this.hex(16);
  }

  add(spec: SpanSpec): void {
    const { call, workload } = spec;
    const path = call.path ?? '/';
    const authority = call.authority ?? `${call.toHost}:${call.port}`;
    const tags: KeyValue[] = [
      sharedTag('component', 'proxy'),
      sharedTag('node_id', `${workload.role === 'gateway' ? 'router' : 'sidecar'}~${this.ipOf(workload.namespace, spec.pod)}~${spec.pod}.${workload.namespace}~${workload.namespace}.svc.cluster.local`),
      this.requestIdTag,
      sharedTag('http.url', `http://${authority}${path}`),
      sharedTag('http.method', call.method ?? 'GET'),
      sharedTag('http.protocol', call.protocol === 'grpc' ? 'HTTP/2' : 'HTTP/1.1'),
      sharedTag('downstream_cluster', '-'),
      sharedTag('istio.canonical_service', workload.labels[CANONICAL_NAME] ?? workload.app),
      sharedTag('istio.canonical_revision', workload.labels[CANONICAL_REVISION] ?? workload.version),
      sharedTag('istio.namespace', workload.namespace),
      sharedTag('istio.mesh_id', MESH_ID),
      sharedTag('peer.address', spec.peerIp),
      sharedTag('upstream_cluster', spec.upstreamCluster),
      sharedTag('upstream_cluster.name', spec.upstreamCluster),
      sharedTag('http.status_code', String(spec.status)),
      sharedTag('response_flags', spec.flags),
      sharedTag('span.kind', spec.kind),
    ];
    if (spec.upstreamAddress) tags.push(sharedTag('upstream_address', spec.upstreamAddress));
    if (spec.status >= 500 || spec.status === 0) tags.push(sharedTag('error', true));
    this.spans.push({
      traceID: this.traceID,
      spanID: spec.spanID,
      operationName: `${spec.host}:${spec.port}/*`,
      references: spec.parentID ? [{ refType: 'CHILD_OF', traceID: this.traceID, spanID: spec.parentID }] : [],
      startTime: Math.round(spec.startUs),
      duration: Math.max(1, Math.round(spec.durationUs)),
      tags,
      logs: NO_LOGS,
      processID: this.processOf(workload, spec.pod),
      warnings: null,
      flags: 1,
    });
  }

  /**
   * The trace, or one trace per root span: a request that reaches a proxy without trace context (its caller
   * had no proxy to report a span) starts a new trace, as Envoy does.
   */
  build(): Trace[] {
    if (this.spans.length === 0) return [];
    const spans = [...this.spans].sort((a, b) => a.startTime - b.startTime);
    const parentOf = new Map(spans.map((span) => [span.spanID, span.references[0]?.spanID]));
    const rootOf = (spanID: string): string => {
      let id = spanID;
      for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(id)) id = parent;
      return id;
    };
    const groups = new Map<string, Span[]>();
    for (const span of spans) {
      const root = rootOf(span.spanID);
      groups.set(root, [...(groups.get(root) ?? []), span]);
    }
    if (groups.size <= 1) return [{ traceID: this.traceID, spans, processes: this.processes, warnings: null }];
    return [...groups.values()].map((group) => this.retraced(group));
  }

  private retraced(spans: readonly Span[]): Trace {
    const traceID = this.hex(32);
    const processes: Record<string, Process> = {};
    const moved = spans.map((span) => {
      const process = this.processes[span.processID];
      if (process) processes[span.processID] = process;
      return { ...span, traceID, references: span.references.map((ref) => ({ ...ref, traceID })) };
    });
    return { traceID, spans: moved, processes, warnings: null };
  }

  private processOf(workload: SimWorkload, pod: string): string {
    const key = `${workload.namespace}/${pod}`;
    let id = this.processIds.get(key);
    if (!id) {
      id = `p${this.processIds.size + 1}`;
      this.processIds.set(key, id);
      this.processes[id] = { serviceName: istioServiceName(workload), tags: [sharedTag('hostname', pod), sharedTag('ip', this.ipOf(workload.namespace, pod))] };
    }
    return id;
  }

  private hex(digits: number): string {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(this.rand() * 16).toString(16);
    return out;
  }
}
