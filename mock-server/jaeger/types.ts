/** The Jaeger query API's JSON model (jaeger/model/json): what /api/traces returns, field for field. */

export interface KeyValue {
  readonly key: string;
  readonly type: 'string' | 'bool' | 'int64' | 'float64';
  readonly value: string | boolean | number;
}

export interface SpanReference {
  readonly refType: 'CHILD_OF' | 'FOLLOWS_FROM';
  readonly traceID: string;
  readonly spanID: string;
}

export interface Span {
  readonly traceID: string;
  readonly spanID: string;
  readonly operationName: string;
  readonly references: readonly SpanReference[];
  /** Microseconds since the epoch. */
  readonly startTime: number;
  /** Microseconds. */
  readonly duration: number;
  readonly tags: readonly KeyValue[];
  readonly logs: readonly never[];
  readonly processID: string;
  readonly warnings: null;
  readonly flags: number;
}

export interface Process {
  readonly serviceName: string;
  readonly tags: readonly KeyValue[];
}

export interface Trace {
  readonly traceID: string;
  readonly spans: readonly Span[];
  readonly processes: Readonly<Record<string, Process>>;
  readonly warnings: null;
}

export function tag(key: string, value: string | boolean | number): KeyValue {
  const type = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? (Number.isInteger(value) ? 'int64' : 'float64') : 'string';
  return { key, type, value };
}

/** The service a span belongs to. */
export function serviceOf(trace: Trace, span: Span): string {
  return trace.processes[span.processID]?.serviceName ?? '';
}
