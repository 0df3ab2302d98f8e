/** The mock's Jaeger: a bounded trace store, the Jaeger query API over it, and traces sampled from the simulator. */
export { registerJaegerApi, type JaegerApiOptions } from './api';
export { liveOutcomes, type LiveOutcomes } from './edge-outcomes';
export { TraceSampler, type HopOutcome, type PickOutcome, type TraceSamplerOptions } from './sampler';
export { DEFAULT_TRACE_CAPACITY, estimateTraceBytes, TraceStore, type TraceQuery } from './store';
export type { Process, Span, Trace } from './types';
