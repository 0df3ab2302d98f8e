/**
 * Istio telemetry in one place: standard metric names, types and buckets, the standard label set,
 * Envoy response flags, and the PromQL the console sends (including Kiali's graph queries).
 */

export * from './telemetry/metrics';
export * from './telemetry/labels';
export * from './telemetry/response-flags';
export * from './telemetry/promql';
export * from './telemetry/kiali-graph';
export * from './telemetry/scope';
export * from './telemetry/dashboards';
