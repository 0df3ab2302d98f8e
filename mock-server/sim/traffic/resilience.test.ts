import { localRateLimitPatch } from '../../../mesh/routing/local-rate-limit';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../mesh/kube-types';
import { advance, byLabel, kindOf, simHarness, type SimHarness } from './testing';

const VIRTUAL_SERVICE = kindOf('networking.istio.io', 'VirtualService');
const DESTINATION_RULE = kindOf('networking.istio.io', 'DestinationRule');
const ENVOY_FILTER = kindOf('networking.istio.io', 'EnvoyFilter');

const REVIEWS_BY_FLAGS = 'sum by (response_flags) (rate(istio_requests_total{destination_service_name="reviews",reporter="source"}[1m]))';
const REVIEWS_BY_VERSION = 'sum by (destination_version) (rate(istio_requests_total{destination_service_name="reviews",reporter="destination"}[1m]))';

async function setReviews(h: SimHarness, vs: { http: unknown[] } | undefined, trafficPolicy: Record<string, unknown> | undefined): Promise<void> {
  if (vs) {
    const current = h.store.get(VIRTUAL_SERVICE, 'bookinfo', 'reviews');
    if (!current) throw new Error('the demo has a reviews VirtualService');
    await h.store.update(VIRTUAL_SERVICE, { ...current, spec: { hosts: ['reviews'], ...vs } });
  }
  if (trafficPolicy) {
    const current = h.store.get(DESTINATION_RULE, 'bookinfo', 'reviews');
    if (!current) throw new Error('the demo has a reviews DestinationRule');
    const spec = { ...(current.spec as Record<string, unknown>), trafficPolicy };
    await h.store.update(DESTINATION_RULE, { ...current, spec });
  }
}

function rateLimitFilter(namespace: string, app: string, bucket: Record<string, unknown>): KubeObject {
  const on = { runtime_key: 'local_rate_limit_enabled', default_value: { numerator: 100, denominator: 'HUNDRED' } };
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name: `${app}-ratelimit`, namespace },
    spec: {
      workloadSelector: { labels: { app } },
      configPatches: [localRateLimitPatch({ stat_prefix: 'http_local_rate_limiter', token_bucket: bucket, filter_enabled: on, filter_enforced: on })],
    },
  };
}

const sum = (rates: Record<string, number>) => Object.values(rates).reduce((a, b) => a + b, 0);

describe('circuit breaking', () => {
  it('overflows a one-connection pool with 503 UO at the client, which the server never sees', async () => {
    const h = await simHarness();
    const before = byLabel(h, REVIEWS_BY_FLAGS, 'response_flags');
    expect(before.UO ?? 0).toBe(0);
    await setReviews(h, undefined, {
      connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } },
    });
    advance(h);
    const after = byLabel(h, REVIEWS_BY_FLAGS, 'response_flags');
    const total = sum(after);
    expect((after.UO ?? 0) / total).toBeGreaterThan(0.005);
    expect((after.UO ?? 0) / total).toBeLessThan(0.2);
    const codes = byLabel(h, 'sum by (response_code) (rate(istio_requests_total{response_flags="UO"}[1m]))', 'response_code');
    expect(Object.keys(codes)).toEqual(['503']);
    expect(sum(byLabel(h, REVIEWS_BY_VERSION, 'destination_version'))).toBeLessThan(total - (after.UO ?? 0) * 0.5);
  });

  it('ejects a failing version so that traffic shifts to the healthy ones', async () => {
    const failingV3 = () =>
      simHarness((scenario) => {
        const v3 = scenario.workloads.find((w) => w.name === 'reviews-v3');
        if (v3) v3.errorRate = 1;
      });
    const allVersions = { http: [{ route: [{ destination: { host: 'reviews' } }] }] };
    const plain = await failingV3();
    await setReviews(plain, allVersions, { tls: { mode: 'ISTIO_MUTUAL' } });
    advance(plain);
    const ejecting = await failingV3();
    await setReviews(ejecting, allVersions, {
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
    });
    advance(ejecting);
    const without = byLabel(plain, REVIEWS_BY_VERSION, 'destination_version');
    const withDetection = byLabel(ejecting, REVIEWS_BY_VERSION, 'destination_version');
    expect(withDetection.v3 ?? 0).toBeLessThan((without.v3 ?? 0) * 0.5);
    expect(withDetection.v1 ?? 0).toBeGreaterThan((without.v1 ?? 0) * 1.1);
    const failed = (h: SimHarness) => byLabel(h, 'sum(rate(istio_requests_total{destination_service_name="reviews",reporter="source",response_code="503"}[1m]))', '')[''] ?? 0;
    expect(failed(ejecting)).toBeLessThan(failed(plain));
  });

  it('answers 503 UH when every host of the subset is ejected', async () => {
    const h = await simHarness((scenario) => {
      const v3 = scenario.workloads.find((w) => w.name === 'reviews-v3');
      if (v3) v3.errorRate = 1;
    });
    await setReviews(h, { http: [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }] }, {
      outlierDetection: { consecutive5xxErrors: 3, interval: '5s', baseEjectionTime: '1m', maxEjectionPercent: 100 },
    });
    advance(h);
    const flags = byLabel(h, REVIEWS_BY_FLAGS, 'response_flags');
    expect(flags.UH ?? 0).toBeGreaterThan(0.5);
  });
});

describe('local rate limits', () => {
  it('answers the excess with 429, flagged RL by the limited proxy', async () => {
    const h = await simHarness();
    await h.store.create(ENVOY_FILTER, rateLimitFilter('bookinfo', 'ratings', { max_tokens: 2, tokens_per_fill: 2, fill_interval: '1s' }));
    advance(h);
    const query = 'sum by (response_code, response_flags) (rate(istio_requests_total{destination_workload="ratings-v1",reporter="destination"}[1m]))';
    const rates = byLabel(h, query, 'response_flags');
    const codes = byLabel(h, query, 'response_code');
    expect(rates.RL ?? 0).toBeGreaterThan(1);
    expect(codes['429']).toBeCloseTo(rates.RL ?? 0, 6);
    // Two pods let two requests a second each through.
    expect(codes['200'] ?? 0).toBeLessThan(4.5);
    const clientView = byLabel(h, 'sum by (response_flags) (rate(istio_requests_total{destination_service_name="ratings",reporter="source",response_code="429"}[1m]))', 'response_flags');
    expect(Object.keys(clientView)).toEqual(['-']);
  });

  it('bites on the demo frontend with the recipe it ships', async () => {
    const h = await simHarness();
    const query = 'sum by (response_flags) (rate(istio_requests_total{destination_workload="frontend",reporter="destination"}[1m]))';
    const rates = byLabel(h, query, 'response_flags');
    expect((rates.RL ?? 0) / sum(rates)).toBeGreaterThan(0.01);
    expect((rates.RL ?? 0) / sum(rates)).toBeLessThan(0.2);
  });
});

describe('mirroring', () => {
  it('sends copies to the mirror, reported by its server only, and the copies make their own calls', async () => {
    const h = await simHarness();
    await setReviews(
      h,
      { http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }], mirror: { host: 'reviews', subset: 'v2' }, mirrorPercentage: { value: 50 } }] },
      undefined,
    );
    advance(h);
    const served = byLabel(h, REVIEWS_BY_VERSION, 'destination_version');
    expect((served.v2 ?? 0) / (served.v1 ?? 1)).toBeGreaterThan(0.4);
    expect((served.v2 ?? 0) / (served.v1 ?? 1)).toBeLessThan(0.6);
    const clientView = byLabel(h, 'sum by (destination_version) (rate(istio_requests_total{destination_service_name="reviews",reporter="source"}[1m]))', 'destination_version');
    expect(clientView.v2 ?? 0).toBe(0);
    // reviews-v1 calls nobody; the mirrored copies reach v2, which calls ratings once each.
    const ratings = sum(byLabel(h, 'sum(rate(istio_requests_total{destination_service_name="ratings",reporter="destination"}[1m]))', ''));
    expect(ratings / (served.v2 ?? 1)).toBeGreaterThan(0.95);
    expect(ratings / (served.v2 ?? 1)).toBeLessThan(1.15);
  });
});
