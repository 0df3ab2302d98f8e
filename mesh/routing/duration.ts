/**
 * Durations as Istio and Gateway API config write them: Go `time.ParseDuration` strings ("1.5s",
 * "100ms", "2m", "1h30m", "250us") — which include the protobuf JSON form ("0.250s").
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5 micro sign
  'μs': 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const COMPONENT = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a duration into milliseconds (fractional for sub-millisecond values). Returns undefined for
 * anything Go would reject: a missing unit ("10"), an unknown unit ("1d"), or an empty string.
 */
export function parseDuration(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;

  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    COMPONENT.lastIndex = pos;
    const m = COMPONENT.exec(s);
    if (!m) return undefined;
    const [, whole = '', frac = '', unit = ''] = m;
    if (whole === '' && frac === '') return undefined;
    total += Number(`${whole || '0'}.${frac || '0'}`) * (UNIT_MS[unit] ?? Number.NaN);
    pos = COMPONENT.lastIndex;
  }
  return Number.isFinite(total) ? sign * total : undefined;
}

/** Reads an optional duration field: undefined when absent or invalid. */
export function durationField(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}
