import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import { ObjectStore } from '../kube/store';
import { scenarioByName } from '../sim/scenarios';
import { liveOutcomes } from './edge-outcomes';
import { TraceSampler } from './sampler';
import { serviceOf, type Trace } from './types';

const NOW = Date.UTC(2026, 0, 1, 12);
const STEP_MS = 15_000;

function reviewsSpans(traces: readonly Trace[], kind: 'client' | 'server') {
  return traces.flatMap((trace) =>
    trace.spans
      .filter((s) => s.operationName.startsWith('reviews.') && s.tags.some((t) => t.key === 'span.kind' && t.value === kind))
      .map((s) => ({ service: serviceOf(trace, s), tags: Object.fromEntries(s.tags.map((t) => [t.key, t.value])) })),
  );
}

describe('liveOutcomes', () => {
  it('follows the live config: a fault on reviews shows in the next traces', async () => {
    const scenario = scenarioByName('demo', { now: new Date(NOW) });
    const store = await ObjectStore.open({});
    await store.seed(scenario.objects);
    const outcomes = liveOutcomes(store, scenario);
    const sampler = new TraceSampler({ scenario, pickOutcome: outcomes.pick, seed: 3 });
    try {
      const before = sampler.sampleStep(NOW, STEP_MS);
      expect(reviewsSpans(before, 'server').length).toBeGreaterThan(0);
      expect(reviewsSpans(before, 'client').every((s) => s.tags['http.status_code'] === '200')).toBe(true);

      const virtualService = findKind('networking.istio.io', 'VirtualService');
      const current = virtualService && store.get(virtualService, 'bookinfo', 'reviews');
      if (!virtualService || !current) throw new Error('the demo has a reviews VirtualService');
      const abort = { fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } }, route: [{ destination: { host: 'reviews', subset: 'v1' } }] };
      await store.update(virtualService, { ...current, spec: { hosts: ['reviews'], http: [abort] } });

      const after = sampler.sampleStep(NOW + STEP_MS, STEP_MS);
      const clients = reviewsSpans(after, 'client');
      expect(clients.length).toBeGreaterThan(0);
      for (const span of clients) expect(span.tags).toMatchObject({ 'http.status_code': '503', response_flags: 'FI', error: true });
      expect(reviewsSpans(after, 'server')).toEqual([]);
    } finally {
      outcomes.dispose();
    }
  });
});
