/**
 * A label set as a flat array `[name0, value0, name1, value1, ...]` sorted by name, without
 * empty values. One small array per series instead of an object keeps 100k+ series cheap, and
 * the sorted layout gives Prometheus' ordering and equality for free.
 */
export type Labels = readonly string[];

export const METRIC_NAME = '__name__';
export const EMPTY_LABELS: Labels = [];

/** Builds a label set from a record; empty values are dropped as Prometheus does. */
export function labelsFromRecord(record: Readonly<Record<string, string>>): Labels {
  const names = Object.keys(record)
    .filter((name) => record[name] !== '' && record[name] !== undefined)
    .sort(compareStrings);
  const out: string[] = new Array<string>(names.length * 2);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    out[2 * i] = name;
    out[2 * i + 1] = record[name] as string;
  }
  return out;
}

export function labelsToRecord(labels: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < labels.length; i += 2) out[labels[i] as string] = labels[i + 1] as string;
  return out;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of `name`, or "" when the label is absent (Prometheus' convention). */
export function getLabel(labels: Labels, name: string): string {
  for (let i = 0; i < labels.length; i += 2) {
    const n = labels[i] as string;
    if (n === name) return labels[i + 1] as string;
    if (n > name) return '';
  }
  return '';
}

export function hasLabel(labels: Labels, name: string): boolean {
  return getLabel(labels, name) !== '';
}

/** Prometheus' labels.Compare: name by name, value by value, then the shorter set first. */
export function compareLabels(a: Labels, b: Labels): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function labelsEqual(a: Labels, b: Labels): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const SEPARATOR = '\uffff';

/** A string that identifies the label set; usable as a Map key. */
export function labelsKey(labels: Labels): string {
  return labels.join(SEPARATOR);
}

/** A key over the values of the given names only; `names` must be sorted and unique. */
export function labelsKeyFor(labels: Labels, names: readonly string[]): string {
  let key = '';
  let i = 0;
  for (const name of names) {
    while (i < labels.length && (labels[i] as string) < name) i += 2;
    if (i < labels.length && labels[i] === name) key += labels[i + 1] as string;
    key += SEPARATOR;
  }
  return key;
}

/** A key over all labels except the given names (and optionally the metric name). */
export function labelsKeyWithout(labels: Labels, names: ReadonlySet<string>): string {
  let key = '';
  for (let i = 0; i < labels.length; i += 2) {
    const name = labels[i] as string;
    if (names.has(name)) continue;
    key += name + SEPARATOR + (labels[i + 1] as string) + SEPARATOR;
  }
  return key;
}

export function dropMetricName(labels: Labels): Labels {
  // The metric name sorts before all lower-case names, so it is nearly always first.
  if (labels[0] === METRIC_NAME) return labels.slice(2);
  return withoutLabels(labels, new Set([METRIC_NAME]));
}

export function withoutLabels(labels: Labels, names: ReadonlySet<string>): Labels {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    const name = labels[i] as string;
    if (!names.has(name)) out.push(name, labels[i + 1] as string);
  }
  return out;
}

export function keepLabels(labels: Labels, names: ReadonlySet<string>): Labels {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    const name = labels[i] as string;
    if (names.has(name)) out.push(name, labels[i + 1] as string);
  }
  return out;
}

/** Returns a copy with `name` set to `value`; an empty value removes the label. */
export function setLabel(labels: Labels, name: string, value: string): Labels {
  const out: string[] = [];
  let placed = value === '';
  for (let i = 0; i < labels.length; i += 2) {
    const n = labels[i] as string;
    if (n === name) continue;
    if (!placed && n > name) {
      out.push(name, value);
      placed = true;
    }
    out.push(n, labels[i + 1] as string);
  }
  if (!placed) out.push(name, value);
  return out;
}

/** Go's labels.String(): `{__name__="up", job="x"}`. */
export function formatLabels(labels: Labels): string {
  const parts: string[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    parts.push(`${labels[i] as string}=${JSON.stringify(labels[i + 1])}`);
  }
  return `{${parts.join(', ')}}`;
}

const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME_RE.test(name);
}

export function isValidMetricName(name: string): boolean {
  return METRIC_NAME_RE.test(name);
}
