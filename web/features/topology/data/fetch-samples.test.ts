import { describe, expect, it } from 'vitest';
import type { PrometheusClient, QueryResult, Warned } from '../../../api/telemetry-clients';
import { fetchSamples } from './fetch-samples';

function client(answer: (promql: string) => QueryResult, seen: { query: string; time?: Date }[] = []): Pick<PrometheusClient, 'query'> {
  return {
    query: async (promql, options): Promise<Warned<QueryResult>> => {
      seen.push({ query: promql, time: options?.time });
      return { data: answer(promql), warnings: [] };
    },
  };
}

describe('fetchSamples', () => {
  it('runs every query at the given time and keeps finite samples by kind', async () => {
    const seen: { query: string; time?: Date }[] = [];
    const prometheus = client(
      (q) => ({
        resultType: 'vector',
        result: [
          { metric: { q }, time: 1, value: 2 },
          { metric: { q }, time: 1, value: NaN },
        ],
      }),
      seen,
    );
    const time = new Date(1_700_000_000_000);
    const samples = await fetchSamples(prometheus, [{ kind: 'requests', query: 'a' }, { kind: 'tcpSent', query: 'b' }], time);
    expect(samples).toEqual({ requests: [{ metric: { q: 'a' }, value: 2 }], tcpSent: [{ metric: { q: 'b' }, value: 2 }] });
    expect(seen.map((s) => [s.query, s.time?.getTime()])).toEqual([
      ['a', time.getTime()],
      ['b', time.getTime()],
    ]);
  });

  it('says which query answered something other than a vector', async () => {
    const prometheus = client(() => ({ resultType: 'scalar', result: { time: 1, value: 1 } }));
    await expect(fetchSamples(prometheus, [{ kind: 'latencyP95', query: 'x' }], new Date())).rejects.toThrow(
      'Prometheus answered the latencyP95 query of the topology with a scalar instead of a vector',
    );
  });
});
