/**
 * The overview of a big mesh: namespace-level samples (mesh/telemetry/topology-overview-queries.ts)
 * drawn as one aggregate node per namespace, with the namespaces the user opened drawn at full detail
 * from their own workload-level samples. The two sets must not count a request twice: the detail
 * queries select traffic with either end in an opened namespace, so the overview keeps only traffic
 * with no end there.
 */
import type { PromSample, TopologySamples } from './telemetry-edges';

const NAMESPACE_SIDES = ['source_workload_namespace', 'destination_workload_namespace', 'destination_service_namespace'] as const;

/** Overview samples of traffic between namespaces outside `detailNamespaces` (member counts kept whole). */
export function overviewOutside(overview: TopologySamples, detailNamespaces: ReadonlySet<string>): TopologySamples {
  if (detailNamespaces.size === 0) return overview;
  const outside = (s: PromSample) => NAMESPACE_SIDES.every((label) => !detailNamespaces.has(s.metric[label] ?? ''));
  const kept: Record<string, readonly PromSample[]> = {};
  for (const [kind, samples] of Object.entries(overview)) kept[kind] = kind === 'members' ? samples : samples.filter(outside);
  return kept;
}

/** Both sets' samples, kind by kind. */
export function mergeSamples(a: TopologySamples, b: TopologySamples): TopologySamples {
  const merged: Record<string, readonly PromSample[]> = { ...a };
  for (const [kind, samples] of Object.entries(b)) merged[kind] = [...(merged[kind] ?? []), ...samples];
  return merged;
}

/** Graph nodes with traffic per namespace, from the overview's `members` samples. */
export function memberCounts(samples: TopologySamples): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples.members ?? []) {
    const namespace = s.metric.destination_workload_namespace;
    if (namespace) counts.set(namespace, (counts.get(namespace) ?? 0) + s.value);
  }
  return counts;
}
