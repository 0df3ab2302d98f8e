/**
 * Defensive readers for configuration written by users: every field may be missing or of the wrong
 * type, so values stay `unknown` until narrowed here. Readers never throw.
 */

export type UnknownObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): UnknownObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as UnknownObject)
    : undefined;
}

/**
 * A field reader typed by the declared model (from `@kubernetes-models/*`): a misspelt field name is a
 * compile error, while the value read stays `unknown` because the object itself is not trusted.
 */
export type FieldReader<T> = (key: keyof NonNullable<T> & string) => unknown;

export function reader<T>(value: unknown): FieldReader<T> {
  const obj = asObject(value);
  return (key) => obj?.[key];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with at least one character. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A finite number; numeric strings are accepted because YAML authors often quote numbers. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A port or status code: an integer in [lo, hi]. */
export function asIntegerIn(value: unknown, lo: number, hi: number): number | undefined {
  const n = asNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
}

export function asPort(value: unknown): number | undefined {
  return asIntegerIn(value, 1, 65535);
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asStringArray(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

/** A string-to-string map; entries with non-string values are dropped. */
export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const obj = asObject(value);
  if (!obj) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Entries of a map whose values are objects (e.g. header name → StringMatch). */
export function objectEntries(value: unknown): Array<[string, UnknownObject]> {
  const obj = asObject(value);
  if (!obj) return [];
  const out: Array<[string, UnknownObject]> = [];
  for (const [k, v] of Object.entries(obj)) {
    const o = asObject(v);
    if (o) out.push([k, o]);
  }
  return out;
}
