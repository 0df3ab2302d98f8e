/**
 * Prometheus samples → graph edges. Both proxies of a request may report it; per caller→workload pair
 * the client's report wins when there is one (it sees what callers experienced: injected faults,
 * circuit breaking, timeouts, failed connections), else the server's (callers without a proxy, the
 * "unknown" source). mTLS comes from the server's report, the only side that knows it.
 * Percentiles arrive per caller→workload pair; an edge standing for several pairs (app and service
 * graphs) shows the largest, an upper bound, while its mean is exact (histogram sum over count).
 */
import type { TopologyQueryKind } from '../telemetry/topology-queries';
import { edgeId } from './edge-merge';
import type { EndpointContext, Labels } from './endpoints';
import { destinationEndpoint, sourceEndpoint } from './endpoints';
import { isClientError, isServerError, trafficHealth } from './health';
import type { EdgeProtocol, TopologyEdge } from './model';

/** One instant-vector sample; the structural minimum of the Prometheus adapter's result. */
export interface PromSample {
  readonly metric: Labels;
  readonly value: number;
}

export type TopologySamples = Readonly<Partial<Record<TopologyQueryKind, readonly PromSample[]>>>;

interface EdgeSums {
  readonly source: string;
  readonly target: string;
  readonly tcp: boolean;
  rps: number;
  protocolRps: Map<EdgeProtocol, number>;
  serverErrors: number;
  clientErrors: number;
  responses: Record<string, Record<string, number>>;
  mtlsRps: number;
  securityKnownRps: number;
  principals: Set<string>;
  services: Set<string>;
  p50?: number;
  p95?: number;
  p99?: number;
  durationSum: number;
  durationCount: number;
  bytes: number;
}

const PAIR_LABELS = ['source_workload_namespace', 'source_workload', 'destination_service', 'destination_workload_namespace', 'destination_workload'] as const;

/**
 * Values by caller→workload pair (who called which workload through which service): the unit the
 * client-or-server choice is made on. Nested maps over the label values, so that the hundred thousand
 * samples of a big mesh cost lookups rather than key strings.
 */
class PairMap<T> {
  private readonly root = new Map<string, unknown>();

  get(m: Labels): T | undefined {
    let level: Map<string, unknown> | undefined = this.root;
    for (const label of PAIR_LABELS) {
      level = level.get(m[label] ?? '') as Map<string, unknown> | undefined;
      if (!level) return undefined;
    }
    return level as unknown as T;
  }

  set(m: Labels, value: T): void {
    let level = this.root;
    for (let i = 0; i < PAIR_LABELS.length - 1; i++) {
      const key = m[PAIR_LABELS[i]!] ?? '';
      let next = level.get(key) as Map<string, unknown> | undefined;
      if (!next) level.set(key, (next = new Map()));
      level = next;
    }
    level.set(m[PAIR_LABELS[PAIR_LABELS.length - 1]!] ?? '', value);
  }
}

function isClientReport(m: Labels): boolean {
  return m.reporter === 'source';
}

/** Whether a sample counts: client reports, and server reports of pairs no client reported. */
function clientPreference(samples: readonly PromSample[]): (m: Labels) => boolean {
  const reportedByClient = new PairMap<true>();
  for (const s of samples) if (isClientReport(s.metric)) reportedByClient.set(s.metric, true);
  return (m) => isClientReport(m) || reportedByClient.get(m) === undefined;
}

class EdgeTable {
  readonly sums = new Map<string, EdgeSums>();
  private readonly http = new PairMap<EdgeSums>();
  private readonly tcp = new PairMap<EdgeSums>();

  constructor(private readonly ctx: EndpointContext) {}

  /** The edge a sample belongs to; endpoints are resolved once per caller→workload pair. */
  get(m: Labels, tcp: boolean): EdgeSums {
    const pairs = tcp ? this.tcp : this.http;
    const known = pairs.get(m);
    if (known) return known;
    const source = sourceEndpoint(this.ctx, m);
    const target = destinationEndpoint(this.ctx, m);
    const id = edgeId(source, target, tcp ? 'tcp' : 'http');
    let sums = this.sums.get(id);
    if (!sums) {
      sums = { source, target, tcp, rps: 0, protocolRps: new Map(), serverErrors: 0, clientErrors: 0, responses: {}, mtlsRps: 0, securityKnownRps: 0, principals: new Set(), services: new Set(), durationSum: 0, durationCount: 0, bytes: 0 };
      this.sums.set(id, sums);
    }
    pairs.set(m, sums);
    return sums;
  }
}

function addPrincipals(sums: EdgeSums, m: Labels): void {
  for (const p of [m.source_principal, m.destination_principal]) if (p && p !== 'unknown') sums.principals.add(p);
}

function addSecurity(sums: EdgeSums, m: Labels, weight: number): void {
  const policy = m.connection_security_policy;
  if (policy !== 'mutual_tls' && policy !== 'none') return;
  sums.securityKnownRps += weight;
  if (policy === 'mutual_tls') sums.mtlsRps += weight;
}

function addRequests(table: EdgeTable, samples: readonly PromSample[]): void {
  const counts = clientPreference(samples);
  for (const s of samples) {
    const m = s.metric;
    const sums = table.get(m, false);
    addPrincipals(sums, m);
    if (!isClientReport(m)) addSecurity(sums, m, s.value);
    if (!counts(m)) continue;
    const protocol: EdgeProtocol = m.request_protocol === 'grpc' ? 'grpc' : 'http';
    sums.rps += s.value;
    sums.protocolRps.set(protocol, (sums.protocolRps.get(protocol) ?? 0) + s.value);
    const code = m.response_code ?? '-';
    if (isServerError(code, m.grpc_response_status)) sums.serverErrors += s.value;
    else if (isClientError(code)) sums.clientErrors += s.value;
    const byFlag = (sums.responses[code] ??= {});
    const flags = m.response_flags || '-';
    byFlag[flags] = (byFlag[flags] ?? 0) + s.value;
    if (m.destination_service) sums.services.add(m.destination_service);
  }
}

function addEach(table: EdgeTable, samples: readonly PromSample[] | undefined, tcp: boolean, add: (sums: EdgeSums, s: PromSample) => void): void {
  const list = samples ?? [];
  const counts = clientPreference(list);
  for (const s of list) if (counts(s.metric)) add(table.get(s.metric, tcp), s);
}

function addTcpSecurity(table: EdgeTable, samples: readonly PromSample[]): void {
  for (const s of samples) {
    if (isClientReport(s.metric)) continue;
    const sums = table.get(s.metric, true);
    addSecurity(sums, s.metric, s.value);
    addPrincipals(sums, s.metric);
  }
}

function finish(id: string, sums: EdgeSums): TopologyEdge {
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const mtlsRatio = sums.securityKnownRps > 0 ? sums.mtlsRps / sums.securityKnownRps : undefined;
  const services = [...sums.services].sort();
  const principals = [...sums.principals].sort();
  if (sums.tcp) {
    return {
      id,
      source: sums.source,
      target: sums.target,
      protocol: 'tcp',
      rps: 0,
      errorRatio: 0,
      clientErrorRatio: 0,
      responses: {},
      latency: {},
      throughputBps: sums.bytes,
      mtlsRatio,
      principals,
      health: trafficHealth(0, 0, 0, sums.bytes),
      services,
    };
  }
  const errorRatio = ratio(sums.serverErrors, sums.rps);
  const clientErrorRatio = ratio(sums.clientErrors, sums.rps);
  const grpc = sums.protocolRps.get('grpc') ?? 0;
  return {
    id,
    source: sums.source,
    target: sums.target,
    protocol: grpc > (sums.protocolRps.get('http') ?? 0) ? 'grpc' : 'http',
    rps: sums.rps,
    errorRatio,
    clientErrorRatio,
    responses: sums.responses,
    latency: {
      avgMs: sums.durationCount > 0 ? sums.durationSum / sums.durationCount : undefined,
      p50Ms: sums.p50,
      p95Ms: sums.p95,
      p99Ms: sums.p99,
    },
    throughputBps: sums.bytes,
    mtlsRatio,
    principals,
    health: trafficHealth(sums.rps, errorRatio, clientErrorRatio),
    services,
  };
}

/** Edges from the samples of one refresh; endpoints are registered in `ctx.seeds` along the way. */
export function edgesFromSamples(ctx: EndpointContext, samples: TopologySamples): TopologyEdge[] {
  const table = new EdgeTable(ctx);
  addRequests(table, samples.requests ?? []);
  const max = (a: number | undefined, b: number) => (a === undefined || b > a ? b : a);
  addEach(table, samples.latencyP50, false, (sums, s) => {
    sums.p50 = max(sums.p50, s.value);
  });
  addEach(table, samples.latencyP95, false, (sums, s) => {
    sums.p95 = max(sums.p95, s.value);
  });
  addEach(table, samples.latencyP99, false, (sums, s) => {
    sums.p99 = max(sums.p99, s.value);
  });
  addEach(table, samples.durationSum, false, (sums, s) => {
    sums.durationSum += s.value;
  });
  addEach(table, samples.durationCount, false, (sums, s) => {
    sums.durationCount += s.value;
  });
  for (const kind of ['requestBytes', 'responseBytes'] as const) {
    addEach(table, samples[kind], false, (sums, s) => {
      sums.bytes += s.value;
    });
  }
  for (const kind of ['tcpSent', 'tcpReceived'] as const) {
    addEach(table, samples[kind], true, (sums, s) => {
      sums.bytes += s.value;
    });
    addTcpSecurity(table, samples[kind] ?? []);
  }
  const edges: TopologyEdge[] = [];
  for (const [id, sums] of table.sums) {
    // Latency or bytes without requests in the window (rounding at the window's edge) make no edge.
    if (!sums.tcp && sums.rps <= 0) continue;
    if (sums.tcp && sums.bytes <= 0) continue;
    edges.push(finish(id, sums));
  }
  return edges;
}
