export { Tsdb, DEFAULT_RETENTION_MS } from './tsdb';
export type { MetricMetadata, MetricType, TsdbOptions, TsdbStats } from './tsdb';
export type { SeriesRef } from './series';
export { MemSeries } from './series';
export { LabelMatcher, matcher, equalityMatchers } from './matcher';
export type { MatchType } from './matcher';
export { SampleBuffer } from './samples';
export type { SampleSource, SamplePoint } from './samples';
export { RegexError, compileAnchoredRegex } from './regex';
