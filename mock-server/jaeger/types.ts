/** Jaeger trace helpers for the mock; the JSON model itself is shared with the console in mesh/telemetry. */
import type { KeyValue, Trace, Span } from '../../mesh/telemetry/jaeger-model';

export type { KeyValue, Process, Span, SpanReference, Trace } from '../../mesh/telemetry/jaeger-model';

export function tag(key: string, value: string | boolean | number): KeyValue {
  const type = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? (Number.isInteger(value) ? 'int64' : 'float64') : 'string';
  return { key, type, value };
}

/** The service a span belongs to. */
export function serviceOf(trace: Trace, span: Span): string {
  return trace.processes[span.processID]?.serviceName ?? '';
}
