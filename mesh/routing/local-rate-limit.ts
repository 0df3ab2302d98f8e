/**
 * Local rate limits as Istio's EnvoyFilter recipe writes them: envoy.filters.http.local_ratelimit in a
 * proxy's inbound (or gateway) HTTP filter chain, with a token bucket per proxy, for the workloads the
 * EnvoyFilter's workloadSelector picks (every workload of its namespace without one; every workload of the
 * mesh from the root namespace). The per-route form (HTTP_ROUTE with typed_per_filter_config) is read too.
 */
import type { KubeObject } from '../kube-types';
import { durationField } from './duration';
import { DEFAULT_ROOT_NAMESPACE } from './hosts';
import { asArray, asNumber, asObject, asStringMap, asText, type UnknownObject } from './narrow';
import { selectorMatches } from './objects';

export const LOCAL_RATE_LIMIT_FILTER = 'envoy.filters.http.local_ratelimit';

/**
 * One config patch of Istio's local rate limit recipe: the local_ratelimit filter inserted into a sidecar's HTTP
 * filter chain, configured by `value` (token_bucket, filter_enabled, filter_enforced, ...).
 */
export function localRateLimitPatch(value: Record<string, unknown>, context = 'SIDECAR_INBOUND'): Record<string, unknown> {
  return {
    applyTo: 'HTTP_FILTER',
    match: { context, listener: { filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager' } } } },
    patch: {
      operation: 'INSERT_BEFORE',
      value: {
        name: LOCAL_RATE_LIMIT_FILTER,
        typed_config: {
          '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
          type_url: 'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit',
          value,
        },
      },
    },
  };
}

export interface TokenBucket {
  readonly maxTokens: number;
  readonly tokensPerFill: number;
  readonly fillIntervalMs: number;
}

export interface LocalRateLimit {
  readonly namespace: string;
  readonly name: string;
  /** Labels the workload must carry; undefined selects every workload in scope. */
  readonly selector?: Readonly<Record<string, string>>;
  readonly bucket: TokenBucket;
  /** filter_enabled: the share of requests the bucket is checked for (Envoy's default is none). */
  readonly enabled: number;
  /** filter_enforced: the share of limited requests actually answered 429; the rest only counted. */
  readonly enforced: number;
}

/** Parses every local rate limit the EnvoyFilters declare; malformed patches are skipped. */
export function localRateLimits(envoyFilters: readonly KubeObject[]): LocalRateLimit[] {
  const out: LocalRateLimit[] = [];
  for (const filter of envoyFilters) {
    const spec = asObject(filter.spec);
    const selectorLabels = asObject(asObject(spec?.workloadSelector))?.labels;
    const selector = selectorLabels === undefined ? undefined : asStringMap(selectorLabels);
    for (const patch of asArray(spec?.configPatches)) {
      const config = rateLimitConfig(asObject(patch));
      const limit = config && parseLimit(config);
      if (limit) out.push({ namespace: filter.metadata.namespace ?? '', name: filter.metadata.name ?? '', selector, ...limit });
    }
  }
  return out;
}

/** The limits that apply to a workload's proxy, in declaration order. */
export function rateLimitsFor(
  limits: readonly LocalRateLimit[],
  workload: { readonly namespace: string; readonly labels: Readonly<Record<string, string>> },
  rootNamespace = DEFAULT_ROOT_NAMESPACE,
): LocalRateLimit[] {
  return limits.filter(
    (l) => (l.namespace === workload.namespace || l.namespace === rootNamespace) && (!l.selector || selectorMatches(l.selector, workload.labels)),
  );
}

/** Requests per second one proxy lets through when offered more: one fill per interval, capped by the bucket. */
export function sustainedRate(bucket: TokenBucket): number {
  return Math.min(bucket.tokensPerFill, bucket.maxTokens) / (bucket.fillIntervalMs / 1000);
}

/** The LocalRateLimit message of a patch, from an HTTP_FILTER value or an HTTP_ROUTE's per-filter config. */
function rateLimitConfig(patch: UnknownObject | undefined): UnknownObject | undefined {
  const applyTo = asText(patch?.applyTo);
  const context = asText(asObject(patch?.match)?.context) ?? 'ANY';
  if (context === 'SIDECAR_OUTBOUND') return undefined;
  const value = asObject(asObject(patch?.patch)?.value);
  if (applyTo === 'HTTP_FILTER') {
    if (asText(value?.name) !== LOCAL_RATE_LIMIT_FILTER) return undefined;
    return unwrapTyped(asObject(value?.typed_config));
  }
  if (applyTo === 'HTTP_ROUTE') return unwrapTyped(asObject(asObject(value?.typed_per_filter_config)?.[LOCAL_RATE_LIMIT_FILTER]));
  return undefined;
}

/** A TypedStruct carries the message under `value`; a plain Any has its fields beside `@type`. */
function unwrapTyped(typed: UnknownObject | undefined): UnknownObject | undefined {
  if (!typed) return undefined;
  return asText(typed.type_url) !== undefined ? asObject(typed.value) : typed;
}

function parseLimit(config: UnknownObject): Pick<LocalRateLimit, 'bucket' | 'enabled' | 'enforced'> | undefined {
  const bucket = asObject(config.token_bucket);
  const maxTokens = asNumber(bucket?.max_tokens);
  const fillIntervalMs = durationField(bucket?.fill_interval);
  if (maxTokens === undefined || maxTokens < 0 || fillIntervalMs === undefined || fillIntervalMs <= 0) return undefined;
  const tokensPerFill = asNumber(bucket?.tokens_per_fill) ?? 1;
  return {
    bucket: { maxTokens, tokensPerFill, fillIntervalMs },
    enabled: fraction(config.filter_enabled),
    enforced: fraction(config.filter_enforced),
  };
}

const DENOMINATORS: Readonly<Record<string, number>> = { HUNDRED: 100, TEN_THOUSAND: 10_000, MILLION: 1_000_000 };

/** A RuntimeFractionalPercent's default value; absent means 0%, as Envoy reads it. */
function fraction(value: unknown): number {
  const percent = asObject(asObject(value)?.default_value);
  if (!percent) return 0;
  const numerator = asNumber(percent.numerator) ?? 0;
  const denominator = DENOMINATORS[asText(percent.denominator) ?? 'HUNDRED'] ?? 100;
  return Math.min(Math.max(numerator / denominator, 0), 1);
}
