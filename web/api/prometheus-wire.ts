/** Prometheus HTTP API JSON (the `data` of a success, or an error body) narrowed into typed results. */
import { asArray, asString, isRecord } from './guards';

export type Labels = Readonly<Record<string, string>>;

/** One sample of an instant vector. `time` is in Unix seconds, as Prometheus sends it. */
export interface InstantSample {
  readonly metric: Labels;
  readonly time: number;
  readonly value: number;
}

/** One series of a range result, as parallel arrays (what chart libraries take). Times in Unix seconds. */
export interface RangeSeries {
  readonly metric: Labels;
  readonly times: readonly number[];
  readonly values: readonly number[];
}

export type QueryResult =
  | { readonly resultType: 'vector'; readonly result: readonly InstantSample[] }
  | { readonly resultType: 'matrix'; readonly result: readonly RangeSeries[] }
  | { readonly resultType: 'scalar'; readonly result: { readonly time: number; readonly value: number } }
  | { readonly resultType: 'string'; readonly result: { readonly time: number; readonly value: string } };

export interface PrometheusErrorBody {
  readonly errorType: string;
  readonly error: string;
}

/** Sample values travel as strings so that NaN and the infinities survive JSON. */
export function parseSampleValue(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  switch (text) {
    case 'NaN':
      return NaN;
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default: {
      const value = text.trim() === '' ? NaN : Number(text);
      return Number.isNaN(value) ? undefined : value;
    }
  }
}

function parseLabels(value: unknown): Labels | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') return undefined;
    out[key] = entry;
  }
  return out;
}

/** `[time, "value"]`. */
function parsePoint(value: unknown): { time: number; value: number } | undefined {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number') return undefined;
  const sample = parseSampleValue(value[1]);
  return sample === undefined ? undefined : { time: value[0], value: sample };
}

function parseInstantSample(value: unknown): InstantSample | undefined {
  if (!isRecord(value)) return undefined;
  const metric = parseLabels(value.metric);
  const point = parsePoint(value.value);
  return metric && point ? { metric, ...point } : undefined;
}

function parseRangeSeries(value: unknown): RangeSeries | undefined {
  if (!isRecord(value)) return undefined;
  const metric = parseLabels(value.metric);
  if (!metric || !Array.isArray(value.values)) return undefined;
  const times: number[] = [];
  const values: number[] = [];
  for (const raw of value.values) {
    const point = parsePoint(raw);
    if (!point) return undefined;
    times.push(point.time);
    values.push(point.value);
  }
  return { metric, times, values };
}

function all<T>(items: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(items)) return undefined;
  const out: T[] = [];
  for (const item of items) {
    const parsed = parse(item);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

/** The `data` of /api/v1/query or /api/v1/query_range; undefined if it is not one. */
export function parseQueryResult(data: unknown): QueryResult | undefined {
  if (!isRecord(data)) return undefined;
  const { result } = data;
  switch (data.resultType) {
    case 'vector': {
      const samples = all(result, parseInstantSample);
      return samples && { resultType: 'vector', result: samples };
    }
    case 'matrix': {
      const series = all(result, parseRangeSeries);
      return series && { resultType: 'matrix', result: series };
    }
    case 'scalar': {
      const point = parsePoint(result);
      return point && { resultType: 'scalar', result: point };
    }
    case 'string': {
      if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') return undefined;
      return { resultType: 'string', result: { time: result[0], value: result[1] } };
    }
    default:
      return undefined;
  }
}

/** A success envelope's `data` and `warnings`; undefined if the body is not a success. */
export function parseSuccess(body: unknown): { data: unknown; warnings: string[] } | undefined {
  if (!isRecord(body) || body.status !== 'success' || !('data' in body)) return undefined;
  return { data: body.data, warnings: asArray(body.warnings).filter((w): w is string => typeof w === 'string') };
}

export function parseErrorBody(body: unknown): PrometheusErrorBody | undefined {
  if (!isRecord(body) || body.status !== 'error') return undefined;
  return { errorType: asString(body.errorType) ?? 'unknown', error: asString(body.error) ?? '' };
}

export function parseLabelSets(data: unknown): Labels[] | undefined {
  return all(data, parseLabels);
}

export function parseStrings(data: unknown): string[] | undefined {
  return all(data, asString);
}
