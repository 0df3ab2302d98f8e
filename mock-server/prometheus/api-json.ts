import type { Labels } from './labels';
import type { QueryResult } from './promql/engine';
import { formatFloat } from './promql/format';

/**
 * JSON written the way Prometheus writes it, byte for byte: timestamps as seconds with at most
 * three decimals, sample values as strings in Go's 'f' format, label names sorted, and Go's
 * HTML-safe string escaping.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) out += s[i] + (s[++i] as string);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += s[i];
  }
  return `${out}"`;
}

/** Prometheus' MarshalTimestamp: integer seconds, then "." and the milliseconds if non-zero. */
export function jsonTimestamp(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const seconds = Math.trunc(abs / 1000);
  const fraction = abs % 1000;
  return fraction === 0 ? `${sign}${seconds}` : `${sign}${seconds}.${String(fraction).padStart(3, '0')}`;
}

export function jsonLabels(labels: Labels): string {
  let out = '{';
  for (let i = 0; i < labels.length; i += 2) {
    if (i > 0) out += ',';
    out += `${jsonString(labels[i] as string)}:${jsonString(labels[i + 1] as string)}`;
  }
  return `${out}}`;
}

function jsonPoint(ms: number, value: number): string {
  return `[${jsonTimestamp(ms)},"${formatFloat(value)}"]`;
}

export function jsonQueryData(result: QueryResult): string {
  switch (result.resultType) {
    case 'scalar':
      return `{"resultType":"scalar","result":${jsonPoint(result.timeMs, result.value)}}`;
    case 'string':
      return `{"resultType":"string","result":[${jsonTimestamp(result.timeMs)},${jsonString(result.value)}]}`;
    case 'vector': {
      const items = result.samples.map((s) => `{"metric":${jsonLabels(s.labels)},"value":${jsonPoint(result.timeMs, s.value)}}`);
      return `{"resultType":"vector","result":[${items.join(',')}]}`;
    }
    case 'matrix': {
      const items = result.series.map((s) => {
        const points: string[] = new Array<string>(s.t.length);
        for (let i = 0; i < s.t.length; i++) points[i] = jsonPoint(s.t[i] as number, s.v[i] as number);
        return `{"metric":${jsonLabels(s.labels)},"values":[${points.join(',')}]}`;
      });
      return `{"resultType":"matrix","result":[${items.join(',')}]}`;
    }
  }
}

export function jsonSuccess(data: string, warnings: readonly string[] = []): string {
  const extra = warnings.length === 0 ? '' : `,"warnings":[${warnings.map(jsonString).join(',')}]`;
  return `{"status":"success","data":${data}${extra}}`;
}

export function jsonError(errorType: string, message: string): string {
  return `{"status":"error","errorType":${jsonString(errorType)},"error":${jsonString(message)}}`;
}
