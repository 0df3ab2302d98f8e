/** The mock's Prometheus: storage, PromQL, HTTP API and exposition. */
export { Tsdb, DEFAULT_RETENTION_MS } from './tsdb/tsdb';
export type { MetricMetadata, MetricType, TsdbOptions, TsdbStats } from './tsdb/tsdb';
export type { SeriesRef } from './tsdb/series';
export { LabelMatcher, matcher, equalityMatchers, type MatchType } from './tsdb/matcher';
export { labelsFromRecord, labelsToRecord, type Labels } from './labels';
export { instantQuery, rangeQuery, type EngineOptions, type QueryResult, type InstantSample } from './promql/engine';
export { parseQuery } from './promql/parse';
export { PromQLError, type ErrorType } from './promql/errors';
export { registerPrometheusApi, type FaultMode, type PrometheusApiOptions } from './api';
export { EMULATED_VERSION } from './api-status';
export { renderMetricsText, registerMetricsRoute, exportOpenMetrics, openMetricsHistory, type TextExpositionOptions } from './exposition';
export { CONFORMANCE_QUERIES, CONFORMANCE_INSTANT_QUERIES, CONFORMANCE_ERROR_QUERIES } from './conformance/queries';
export { benchGraphQuery, benchGraphRangeQuery, buildBenchDb, GRAPH_QUERY } from './bench';
