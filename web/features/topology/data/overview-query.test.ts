import { describe, expect, it } from 'vitest';
import { PrometheusError } from '../../../api/telemetry-clients';
import { graphQueryScope, normalizeSelection, overviewQueryOptions, retryGraphQuery } from './overview-query';

const window = { start: new Date(1_000_000), end: new Date(1_060_000), stepSeconds: 15, live: true };
const prometheus = { baseUrl: '/prom', query: () => Promise.reject(new Error('no network in this test')) };

describe('graphQueryScope', () => {
  it('takes the rate window from the window and evaluates at its end', () => {
    const scope = graphQueryScope(normalizeSelection(['b', 'a', 'b']), 'app', window);
    expect(scope).toEqual({ selection: ['a', 'b'], selectionKey: 'a,b|app', graphType: 'app', windowSeconds: 60, timeMs: 1_060_000 });
  });

  it('evaluates at the replay time when there is one', () => {
    expect(graphQueryScope([], 'app', window, new Date(1_030_000)).timeMs).toBe(1_030_000);
  });
});

describe('overviewQueryOptions', () => {
  it('gives the screen and the prefetch the same key for the same URL and clock, whatever the order of namespaces', () => {
    const fromScreen = overviewQueryOptions(prometheus, graphQueryScope(normalizeSelection(['x', 'y']), 'versionedApp', window));
    const fromPrefetch = overviewQueryOptions(prometheus, graphQueryScope(normalizeSelection(['y', 'x']), 'versionedApp', { ...window }));
    expect(fromPrefetch.queryKey).toEqual(fromScreen.queryKey);
  });

  it('keys apart what differs: time, graph type, selection', () => {
    const key = (ns: string[], type: 'app' | 'workload', end: number) =>
      JSON.stringify(overviewQueryOptions(prometheus, graphQueryScope(ns, type, { ...window, end: new Date(end) })).queryKey);
    const keys = new Set([key([], 'app', 1_060_000), key([], 'app', 1_061_000), key([], 'workload', 1_060_000), key(['a'], 'app', 1_060_000)]);
    expect(keys.size).toBe(4);
  });
});

describe('retryGraphQuery', () => {
  it('does not repeat a query Prometheus rejected, and repeats others twice', () => {
    expect(retryGraphQuery(0, new PrometheusError('bad_data', 'parse error', 400, { method: 'GET', url: '/prom/api/v1/query' }))).toBe(false);
    expect(retryGraphQuery(1, new Error('unreachable'))).toBe(true);
    expect(retryGraphQuery(2, new Error('unreachable'))).toBe(false);
  });
});
