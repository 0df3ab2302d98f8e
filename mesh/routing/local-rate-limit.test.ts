import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { localRateLimitPatch, localRateLimits, rateLimitsFor, sustainedRate } from './local-rate-limit';

const percent = (numerator: number) => ({ runtime_key: 'k', default_value: { numerator, denominator: 'HUNDRED' } });

function envoyFilter(namespace: string, selector: Record<string, string> | undefined, patch: unknown): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name: 'rl', namespace },
    spec: { ...(selector ? { workloadSelector: { labels: selector } } : {}), configPatches: [patch] },
  };
}

const httpFilter = localRateLimitPatch;

const bucket = { max_tokens: 10, tokens_per_fill: 5, fill_interval: '2s' };

describe('local rate limits from EnvoyFilters', () => {
  it('reads the token bucket and the enabled/enforced shares of the recipe', () => {
    const [limit] = localRateLimits([
      envoyFilter('shop', { app: 'frontend' }, httpFilter({ stat_prefix: 'x', token_bucket: bucket, filter_enabled: percent(100), filter_enforced: percent(50) })),
    ]);
    expect(limit).toMatchObject({ namespace: 'shop', selector: { app: 'frontend' }, bucket: { maxTokens: 10, tokensPerFill: 5, fillIntervalMs: 2000 }, enabled: 1, enforced: 0.5 });
    expect(sustainedRate(limit!.bucket)).toBe(2.5);
  });

  it('leaves the filter disabled without filter_enabled, as Envoy does', () => {
    const [limit] = localRateLimits([envoyFilter('shop', undefined, httpFilter({ token_bucket: bucket }))]);
    expect(limit?.enabled).toBe(0);
    expect(limit?.enforced).toBe(0);
  });

  it('reads the per-route form and ignores outbound patches and other filters', () => {
    const route = {
      applyTo: 'HTTP_ROUTE',
      match: { context: 'SIDECAR_INBOUND' },
      patch: {
        operation: 'MERGE',
        value: {
          typed_per_filter_config: {
            'envoy.filters.http.local_ratelimit': {
              '@type': 'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit',
              token_bucket: { max_tokens: 4, fill_interval: '1s' },
              filter_enabled: percent(100),
              filter_enforced: percent(100),
            },
          },
        },
      },
    };
    const limits = localRateLimits([
      envoyFilter('a', undefined, route),
      envoyFilter('a', undefined, httpFilter({ token_bucket: bucket }, 'SIDECAR_OUTBOUND')),
      envoyFilter('a', undefined, { ...httpFilter({ token_bucket: bucket }), patch: { value: { name: 'envoy.filters.http.cors' } } }),
    ]);
    expect(limits).toHaveLength(1);
    expect(limits[0]?.bucket).toEqual({ maxTokens: 4, tokensPerFill: 1, fillIntervalMs: 1000 });
  });

  it('applies to selected workloads of its namespace, or to all from the root namespace', () => {
    const limits = localRateLimits([
      envoyFilter('shop', { app: 'frontend' }, httpFilter({ token_bucket: bucket })),
      envoyFilter('istio-system', undefined, httpFilter({ token_bucket: bucket })),
    ]);
    expect(rateLimitsFor(limits, { namespace: 'shop', labels: { app: 'frontend' } })).toHaveLength(2);
    expect(rateLimitsFor(limits, { namespace: 'shop', labels: { app: 'cart' } })).toHaveLength(1);
    expect(rateLimitsFor(limits, { namespace: 'other', labels: { app: 'frontend' } }).map((l) => l.namespace)).toEqual(['istio-system']);
  });
});
