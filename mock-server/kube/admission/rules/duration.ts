/** Go's time.ParseDuration, which Istio's duration fields accept: "10s", "1.5s", "100ms", "1h30m". */

const NANOS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export type ParsedDuration = { nanos: number } | { error: string };

export function parseGoDuration(text: string): ParsedDuration {
  const quoted = JSON.stringify(text);
  const sign = text.startsWith('-') ? -1 : 1;
  let rest = text.replace(/^[-+]/, '');
  if (rest === '0') return { nanos: 0 };
  if (rest === '') return { error: `time: invalid duration ${quoted}` };
  let nanos = 0;
  while (rest) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/.exec(rest);
    if (!match) return { error: `time: invalid duration ${quoted}` };
    const [whole, amount = '', unit = ''] = match;
    if (!unit) return { error: `time: missing unit in duration ${quoted}` };
    const factor = NANOS_PER_UNIT[unit];
    if (!factor) return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    nanos += Number(amount) * factor;
    rest = rest.slice(whole.length);
  }
  return { nanos: sign * nanos };
}
