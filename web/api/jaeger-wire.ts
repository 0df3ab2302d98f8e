/** Jaeger query API JSON (its `{data, errors}` envelope and the trace model) narrowed into typed objects. */
import type { KeyValue, Process, Span, SpanLog, SpanReference, TagValue, Trace } from '../../mesh/telemetry/jaeger-model';
import { asArray, asNumber, asString, isRecord } from './guards';

export type { KeyValue, Process, Span, SpanLog, SpanReference, TagValue, Trace } from '../../mesh/telemetry/jaeger-model';

export interface JaegerErrorEntry {
  readonly code: number;
  readonly msg: string;
}

/** Jaeger's structuredResponse: `data` and, when something failed, `errors`. */
export interface Envelope {
  readonly data: unknown;
  readonly errors: readonly JaegerErrorEntry[];
}

function strings(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

function parseKeyValue(value: unknown): KeyValue | undefined {
  if (!isRecord(value)) return undefined;
  const key = asString(value.key);
  const raw = value.value;
  if (key === undefined || (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')) return undefined;
  return { key, type: asString(value.type) ?? typeof raw, value: raw };
}

function keyValues(value: unknown): KeyValue[] {
  return asArray(value).flatMap((item) => parseKeyValue(item) ?? []);
}

function parseReference(value: unknown): SpanReference | undefined {
  if (!isRecord(value)) return undefined;
  const { refType } = value;
  const traceID = asString(value.traceID);
  const spanID = asString(value.spanID);
  if ((refType !== 'CHILD_OF' && refType !== 'FOLLOWS_FROM') || !traceID || !spanID) return undefined;
  return { refType, traceID, spanID };
}

function parseLog(value: unknown): SpanLog | undefined {
  if (!isRecord(value)) return undefined;
  const timestamp = asNumber(value.timestamp);
  return timestamp === undefined ? undefined : { timestamp, fields: keyValues(value.fields) };
}

export function parseSpan(value: unknown): Span | undefined {
  if (!isRecord(value)) return undefined;
  const traceID = asString(value.traceID);
  const spanID = asString(value.spanID);
  const startTime = asNumber(value.startTime);
  const duration = asNumber(value.duration);
  if (!traceID || !spanID || startTime === undefined || duration === undefined) return undefined;
  return {
    traceID,
    spanID,
    operationName: asString(value.operationName) ?? '',
    references: asArray(value.references).flatMap((item) => parseReference(item) ?? []),
    startTime,
    duration,
    tags: keyValues(value.tags),
    logs: asArray(value.logs).flatMap((item) => parseLog(item) ?? []),
    processID: asString(value.processID) ?? '',
    warnings: strings(value.warnings),
    flags: asNumber(value.flags) ?? 0,
  };
}

/** A trace; spans that are not spans are dropped (the trace is still worth showing). */
export function parseTrace(value: unknown): Trace | undefined {
  if (!isRecord(value)) return undefined;
  const traceID = asString(value.traceID);
  if (!traceID || !Array.isArray(value.spans)) return undefined;
  const processes: Record<string, Process> = {};
  if (isRecord(value.processes)) {
    for (const [id, raw] of Object.entries(value.processes)) {
      if (isRecord(raw)) processes[id] = { serviceName: asString(raw.serviceName) ?? '', tags: keyValues(raw.tags) };
    }
  }
  return {
    traceID,
    spans: value.spans.flatMap((item) => parseSpan(item) ?? []),
    processes,
    warnings: strings(value.warnings),
  };
}

export function parseEnvelope(body: unknown): Envelope | undefined {
  if (!isRecord(body) || !('data' in body || 'errors' in body)) return undefined;
  const errors = asArray(body.errors).flatMap((item) =>
    isRecord(item) ? [{ code: asNumber(item.code) ?? 0, msg: asString(item.msg) ?? '' }] : [],
  );
  return { data: body.data, errors };
}

/** The span a span hangs under: its first CHILD_OF reference (else FOLLOWS_FROM) within the trace. */
export function parentSpanId(span: Span): string | undefined {
  const refs = span.references.filter((ref) => ref.traceID === span.traceID);
  return (refs.find((ref) => ref.refType === 'CHILD_OF') ?? refs[0])?.spanID;
}

export function serviceOf(trace: Trace, span: Span): string {
  return trace.processes[span.processID]?.serviceName ?? '';
}

export function tagValue(tags: readonly KeyValue[], key: string): TagValue | undefined {
  return tags.find((tag) => tag.key === key)?.value;
}
