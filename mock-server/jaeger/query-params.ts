/** Parses /api/traces parameters as Jaeger's query service does; a bad one is a ParamError naming it. */
import type { TraceQuery } from './store';

export const DEFAULT_LIMIT = 100;
/** Without start or lookback, Jaeger searches the last two days. */
const DEFAULT_LOOKBACK_US = 2 * 86_400_000_000;

export class ParamError extends Error {}

const UNIT_US: Record<string, number> = { ns: 0.001, us: 1, 'µs': 1, 'μs': 1, ms: 1000, s: 1e6, m: 60e6, h: 3600e6 };

/** A Go duration ("100ms", "1.2s", "1h30m") in microseconds. */
export function parseDuration(text: string): number | undefined {
  const parts = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)/;
  let rest = text.trim();
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const match = parts.exec(rest);
    if (!match) return undefined;
    const [, number = '', unit = ''] = /^([\d.]+)(.*)$/.exec(match[0]) ?? [];
    total += Number(number) * (UNIT_US[unit] ?? NaN);
    rest = rest.slice(match[0].length);
  }
  return Number.isFinite(total) ? total : undefined;
}

type Query = Readonly<Record<string, string | string[] | undefined>>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

function integer(query: Query, name: string): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new ParamError(`unable to parse param '${name}': strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}

function duration(query: Query, name: string): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const us = parseDuration(text);
  if (us === undefined) throw new ParamError(`unable to parse param '${name}': time: invalid duration "${text}"`);
  return us;
}

function tags(query: Query): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = query.tag;
  for (const pair of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    const colon = pair.indexOf(':');
    if (colon < 0) throw new ParamError(`malformed 'tag' parameter, expecting key:value, received: ${pair}`);
    out[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  const json = single(query, 'tags');
  if (json === undefined) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ParamError(`malformed 'tags' parameter, cannot unmarshal JSON: ${json}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ParamError(`malformed 'tags' parameter, expecting a JSON object: ${json}`);
  }
  for (const [key, value] of Object.entries(parsed)) out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

export function parseTraceQuery(query: Query, nowUs: number): TraceQuery {
  const service = single(query, 'service');
  if (service === undefined) throw new ParamError("parameter 'service' is required");
  const end = integer(query, 'end') ?? nowUs;
  const lookback = duration(query, 'lookback');
  const start = integer(query, 'start') ?? end - (lookback ?? DEFAULT_LOOKBACK_US);
  const durationMin = duration(query, 'minDuration');
  const durationMax = duration(query, 'maxDuration');
  if (durationMin !== undefined && durationMax !== undefined && durationMax < durationMin) {
    throw new ParamError("'maxDuration' should be greater than 'minDuration'");
  }
  const limit = integer(query, 'limit') ?? DEFAULT_LIMIT;
  if (limit < 0) throw new ParamError(`unable to parse param 'limit': must be non-negative`);
  return {
    service,
    operation: single(query, 'operation'),
    tags: tags(query),
    startMin: start,
    startMax: end,
    durationMin,
    durationMax,
    limit: limit === 0 ? DEFAULT_LIMIT : limit,
  };
}
