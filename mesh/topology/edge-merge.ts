/**
 * Merges edges that become one (collapsed boxes): rates and bytes add up, ratios are weighted by
 * requests (mTLS by requests, or bytes for TCP), mean latency is weighted by requests, and the
 * percentiles are the largest of the parts (an upper bound: percentiles cannot be combined exactly).
 */
import { trafficHealth } from './health';
import type { LatencyFigures, TopologyEdge } from './model';

function maxDefined(values: readonly (number | undefined)[]): number | undefined {
  let max: number | undefined;
  for (const v of values) if (v !== undefined && (max === undefined || v > max)) max = v;
  return max;
}

function weighted(parts: readonly TopologyEdge[], value: (e: TopologyEdge) => number | undefined, weight: (e: TopologyEdge) => number): number | undefined {
  let sum = 0;
  let total = 0;
  for (const e of parts) {
    const v = value(e);
    if (v === undefined) continue;
    const w = weight(e);
    sum += v * w;
    total += w;
  }
  return total > 0 ? sum / total : parts.some((e) => value(e) !== undefined) ? value(parts.find((e) => value(e) !== undefined)!) : undefined;
}

function mergeResponses(parts: readonly TopologyEdge[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const e of parts) {
    for (const [code, byFlag] of Object.entries(e.responses)) {
      const into = (out[code] ??= {});
      for (const [flag, rps] of Object.entries(byFlag)) into[flag] = (into[flag] ?? 0) + rps;
    }
  }
  return out;
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** One edge standing for `parts` (same protocol), from `source` to `target`. */
export function mergeEdges(id: string, source: string, target: string, parts: readonly TopologyEdge[]): TopologyEdge {
  const first = parts[0];
  if (parts.length === 1 && first && first.id === id && first.source === source && first.target === target) return first;
  // HTTP and gRPC traffic between the same two nodes share an edge named after the busier protocol.
  const protocol = parts.reduce((best, e) => (e.rps > best.rps ? e : best), first ?? parts[0]!).protocol;
  const rps = parts.reduce((s, e) => s + e.rps, 0);
  const byRequests = (e: TopologyEdge) => e.rps;
  const errorRatio = weighted(parts, (e) => e.errorRatio, byRequests) ?? 0;
  const clientErrorRatio = weighted(parts, (e) => e.clientErrorRatio, byRequests) ?? 0;
  const latency: LatencyFigures = {
    avgMs: weighted(parts, (e) => e.latency.avgMs, byRequests),
    p50Ms: maxDefined(parts.map((e) => e.latency.p50Ms)),
    p95Ms: maxDefined(parts.map((e) => e.latency.p95Ms)),
    p99Ms: maxDefined(parts.map((e) => e.latency.p99Ms)),
  };
  const throughputBps = parts.reduce((s, e) => s + e.throughputBps, 0);
  const mtlsRatio = weighted(parts, (e) => e.mtlsRatio, protocol === 'tcp' ? (e) => e.throughputBps : byRequests);
  return {
    id,
    source,
    target,
    protocol,
    rps,
    errorRatio,
    clientErrorRatio,
    responses: mergeResponses(parts),
    latency,
    throughputBps,
    mtlsRatio,
    principals: uniqueSorted(parts.flatMap((e) => e.principals)),
    health: protocol === 'tcp' ? trafficHealth(0, 0, 0, throughputBps) : trafficHealth(rps, errorRatio, clientErrorRatio),
    services: uniqueSorted(parts.flatMap((e) => e.services)),
  };
}

/** `${source}->${target}`, with `#tcp` for TCP so that an HTTP and a TCP edge between two nodes stay apart. */
export function edgeId(source: string, target: string, protocol: TopologyEdge['protocol']): string {
  return protocol === 'tcp' ? `${source}->${target}#tcp` : `${source}->${target}`;
}
