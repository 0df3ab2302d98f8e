/** Go-style durations as Jaeger's search takes them ("100ms", "1.5s", "1m30s"), and durations for people. */

const UNIT_MICROS: Readonly<Record<string, number>> = { ns: 0.001, us: 1, µs: 1, ms: 1_000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 };
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;

/** Microseconds in a Go duration, or undefined when `text` is not one. */
export function parseDurationMicros(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  PART.lastIndex = 0;
  let total = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_MICROS[match[2] ?? ''] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

/** A message for the form when `value` (named `field`) is set but not a duration; undefined when fine or empty. */
export function durationProblem(field: string, value: string): string | undefined {
  if (!value.trim()) return undefined;
  return parseDurationMicros(value) === undefined ? `${field}: use a number with a unit like 100ms or 1.5s` : undefined;
}

/** "850µs", "12.3ms", "1.42s", "2m 5s": about three significant digits, as traces are read. */
export function formatMicros(micros: number): string {
  if (!Number.isFinite(micros)) return '';
  const abs = Math.abs(micros);
  if (abs < 1_000) return `${round(micros)}µs`;
  if (abs < 1_000_000) return `${round(micros / 1_000)}ms`;
  if (abs < 60_000_000) return `${round(micros / 1_000_000)}s`;
  const minutes = Math.floor(micros / 60_000_000);
  const seconds = Math.round((micros - minutes * 60_000_000) / 1_000_000);
  return seconds ? `${minutes}m ${seconds}s` : `${minutes}m`;
}

function round(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}
