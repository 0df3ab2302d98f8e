/** The Jaeger query API's JSON trace model (jaeger/model/json), field for field: what the mock writes and the console reads. */

export type TagValue = string | number | boolean;

export interface KeyValue {
  readonly key: string;
  /** string, bool, int64, float64 or binary. */
  readonly type: string;
  readonly value: TagValue;
}

export interface SpanReference {
  readonly refType: 'CHILD_OF' | 'FOLLOWS_FROM';
  readonly traceID: string;
  readonly spanID: string;
}

export interface SpanLog {
  /** Microseconds since the epoch. */
  readonly timestamp: number;
  readonly fields: readonly KeyValue[];
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
  readonly logs: readonly SpanLog[];
  readonly processID: string;
  readonly warnings: readonly string[] | null;
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
  readonly warnings: readonly string[] | null;
}

