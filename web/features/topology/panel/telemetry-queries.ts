/**
 * The PromQL behind the side panel's sparklines: the inbound traffic of a node, or the traffic of one
 * edge (the destination's inbound requests from that source), as Istio's standard labels describe it.
 */
import { errorRatio, latencyQuantile, requestRate } from '../../../../mesh/telemetry/promql';
import type { LabelMatcher, TrafficQuery } from '../../../../mesh/telemetry/promql';
import { serviceFqdn } from '../../../../mesh/telemetry/scope';
import type { TopologyNode } from '../../../../mesh/topology/model';

export interface SparklineQueries {
  readonly rps: string;
  readonly errors: string;
  readonly p95: string;
}

/** The inbound side of a node as a TrafficQuery; undefined for nodes Prometheus cannot single out. */
export function inboundQuery(node: TopologyNode): TrafficQuery | undefined {
  const versionMatcher: LabelMatcher[] = node.version ? [{ label: 'destination_canonical_revision', op: '=', value: node.version }] : [];
  switch (node.kind) {
    case 'workload':
      return { direction: 'inbound', namespace: node.namespace, workload: node.workload ?? node.name };
    case 'app':
      return { direction: 'inbound', namespace: node.namespace, app: node.app ?? node.name, matchers: versionMatcher };
    case 'service':
      return { direction: 'inbound', service: serviceFqdn(node.namespace, node.service ?? node.name) };
    case 'external':
      return { direction: 'inbound', reporter: 'source', service: node.name };
    case 'aggregate':
    case 'unknown':
      return undefined;
  }
}

/** Matchers that pick requests sent by `node`. */
export function sourceMatchers(node: TopologyNode): LabelMatcher[] | undefined {
  switch (node.kind) {
    case 'workload':
      return [
        { label: 'source_workload_namespace', op: '=', value: node.namespace },
        { label: 'source_workload', op: '=', value: node.workload ?? node.name },
      ];
    case 'app': {
      const matchers: LabelMatcher[] = [
        { label: 'source_workload_namespace', op: '=', value: node.namespace },
        { label: 'source_canonical_service', op: '=', value: node.app ?? node.name },
      ];
      if (node.version) matchers.push({ label: 'source_canonical_revision', op: '=', value: node.version });
      return matchers;
    }
    case 'unknown':
      return [{ label: 'source_workload', op: '=', value: 'unknown' }];
    default:
      return undefined;
  }
}

export function edgeQuery(source: TopologyNode, target: TopologyNode): TrafficQuery | undefined {
  const inbound = inboundQuery(target);
  const from = sourceMatchers(source);
  if (!inbound || !from) return undefined;
  return { ...inbound, matchers: [...(inbound.matchers ?? []), ...from] };
}

export function sparklineQueries(query: TrafficQuery | undefined): SparklineQueries | undefined {
  if (!query) return undefined;
  return { rps: requestRate(query), errors: errorRatio(query), p95: latencyQuantile(0.95, query) };
}
