import { describe, expect, it } from 'vitest';
import { dashboardCharts } from '../../../mesh/telemetry/dashboards';
import { chartSeries } from './chart-series';

const duration = dashboardCharts({ scope: { kind: 'app', namespace: 'bookinfo', name: 'reviews' }, direction: 'inbound' }).find(
  (c) => c.id === 'duration',
)!;

describe('chartSeries', () => {
  it('labels each family by name and group value, in family order', () => {
    const by = ['destination_canonical_revision'];
    const series = chartSeries(
      duration,
      [
        [{ metric: { destination_canonical_revision: 'v1' }, times: [1], values: [7] }],
        undefined,
        [
          { metric: { destination_canonical_revision: 'v1' }, times: [1], values: [20] },
          { metric: { destination_canonical_revision: 'v3' }, times: [1], values: [90] },
        ],
      ],
      by,
      'reviews',
    );
    expect(series.map((s) => s.label)).toEqual(['avg · v1', 'p95 · v1', 'p95 · v3']);
    expect(series[2]?.metric).toEqual({ destination_canonical_revision: 'v3' });
  });

  it('falls back to the scope name for an ungrouped single series, and keeps labels unique', () => {
    const requests = dashboardCharts({ scope: { kind: 'app', namespace: 'bookinfo', name: 'reviews' }, direction: 'inbound' })[0]!;
    const one = { metric: {}, times: [1], values: [1] };
    expect(chartSeries(requests, [[one, one]], [], 'reviews').map((s) => s.label)).toEqual(['reviews', 'reviews (2)']);
  });
});
