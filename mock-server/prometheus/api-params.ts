import { parseDurationMs, parseGoFloat } from './promql/literals';
import { ParseError } from './promql/errors';

/** Request parameters from the query string and a form body; the body wins, as in Go's FormValue. */
export class Params {
  private readonly values = new Map<string, string[]>();

  constructor(...sources: unknown[]) {
    for (const source of sources.reverse()) {
      if (source === null || typeof source !== 'object') continue;
      for (const [key, raw] of Object.entries(source as Record<string, unknown>)) {
        const list = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
        if (list.length > 0) this.values.set(key, [...list, ...(this.values.get(key) ?? [])]);
      }
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

export function invalidParam(name: string, message: string): ParseError {
  return new ParseError(`invalid parameter "${name}": ${message}`);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Prometheus' parseTime: Unix seconds (float, rounded to ms) or RFC 3339; milliseconds. */
export function parseTimeMs(text: string): number | null {
  const seconds = parseGoFloat(text);
  if (seconds !== null) {
    if (!Number.isFinite(seconds)) return null;
    // Go: whole seconds plus the fraction rounded to milliseconds, as nanoseconds, truncated.
    const whole = Math.trunc(seconds);
    const nanos = Math.trunc((Math.round((seconds - whole) * 1000) / 1000) * 1e9);
    return whole * 1000 + Math.trunc(nanos / 1e6);
  }
  const m = RFC3339.exec(text);
  if (m === null) return null;
  const fraction = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const zone = m[8] as string;
  const offsetMs = zone.toUpperCase() === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return base + fraction - offsetMs;
}

/** A time parameter; without a fallback it is required. */
export function timeParam(params: Params, name: string, fallback?: number): number {
  const text = params.get(name) ?? '';
  if (text === '' && fallback !== undefined) return fallback;
  const ms = parseTimeMs(text);
  if (ms === null) throw invalidParam(name, `cannot parse "${text}" to a valid timestamp`);
  return ms;
}

/** Prometheus' parseDuration: float seconds or a duration such as "15s" / "1h30m"; milliseconds. */
export function parseDurationParamMs(text: string): number | null {
  const seconds = parseGoFloat(text);
  if (seconds !== null) return Number.isFinite(seconds) ? Math.trunc(seconds * 1000) : null;
  return parseDurationMs(text);
}

export function durationParam(params: Params, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined || text === '') return undefined;
  const ms = parseDurationParamMs(text);
  if (ms === null) throw invalidParam(name, `cannot parse "${text}" to a valid duration`);
  return ms;
}
