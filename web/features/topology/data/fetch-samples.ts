/** Runs a set of topology queries at one instant and collects their vectors by kind. */
import type { TopologyQuery } from '../../../../mesh/telemetry/topology-queries';
import type { PromSample, TopologySamples } from '../../../../mesh/topology/build';
import type { PrometheusClient } from '../../../api/telemetry-clients';

export async function fetchSamples(prometheus: Pick<PrometheusClient, 'query'>, queries: readonly TopologyQuery[], time: Date, signal?: AbortSignal): Promise<TopologySamples> {
  const results = await Promise.all(
    queries.map(async (q) => {
      const { data } = await prometheus.query(q.query, { time, signal });
      if (data.resultType !== 'vector') throw new Error(`Prometheus answered the ${q.kind} query of the topology with a ${data.resultType} instead of a vector`);
      const samples: PromSample[] = data.result.filter((s) => Number.isFinite(s.value)).map((s) => ({ metric: s.metric, value: s.value }));
      return [q.kind, samples] as const;
    }),
  );
  return Object.fromEntries(results);
}
