import { METRIC_NAME, type Labels } from '../labels';

const LE = 'le';

/**
 * A label set split into the part it shares with its sibling series and its own metric name and
 * `le`: the series of a histogram, and the families one Istio report line writes, differ only in
 * those two, so at scale the shared part is stored once for dozens of series.
 */
export interface SplitLabels {
  /** Every pair but the metric name and `le`; interned by the Tsdb. */
  readonly shared: Labels;
  /** "" when absent. */
  readonly name: string;
  /** "" when absent. */
  readonly le: string;
}

export function splitLabels(labels: Labels): SplitLabels {
  let name = '';
  let le = '';
  const shared: string[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    const label = labels[i] as string;
    const value = labels[i + 1] as string;
    if (label === METRIC_NAME) name = value;
    else if (label === LE) le = value;
    else shared.push(label, value);
  }
  return { shared, name, le };
}

/**
 * Where the metric name and `le` pairs sit in the whole, sorted label set (-1 when absent),
 * packed into one small integer: bits 0-14 for the name, 15-29 for `le`.
 */
export function layoutOf(split: SplitLabels): number {
  let namePos = -1;
  let lePos = -1;
  if (split.name !== '') namePos = 2 * countBefore(split.shared, METRIC_NAME);
  if (split.le !== '') lePos = 2 * countBefore(split.shared, LE) + (namePos >= 0 ? 2 : 0);
  return (namePos + 1) | ((lePos + 1) << 15);
}

function countBefore(shared: Labels, name: string): number {
  let n = 0;
  for (let i = 0; i < shared.length; i += 2) if ((shared[i] as string) < name) n++;
  return n;
}

/** Read access to a split label set as if it were the whole sorted array. */
export class SeriesLabels {
  readonly shared: Labels;
  readonly name: string;
  readonly le: string;
  private readonly layout: number;

  constructor(split: SplitLabels, shared: Labels) {
    this.shared = shared;
    this.name = split.name;
    this.le = split.le;
    this.layout = layoutOf(split);
  }

  get labelCount(): number {
    return this.shared.length + (this.name === '' ? 0 : 2) + (this.le === '' ? 0 : 2);
  }

  /** Element `i` of the whole `[name0, value0, name1, value1, ...]` array. */
  labelAt(i: number): string {
    const namePos = (this.layout & 0x7fff) - 1;
    const lePos = (this.layout >>> 15) - 1;
    let shift = 0;
    if (namePos >= 0) {
      if (i === namePos) return METRIC_NAME;
      if (i === namePos + 1) return this.name;
      if (namePos < i) shift += 2;
    }
    if (lePos >= 0) {
      if (i === lePos) return LE;
      if (i === lePos + 1) return this.le;
      if (lePos < i) shift += 2;
    }
    return this.shared[i - shift] as string;
  }

  /** The value of `name`, or "" when the label is absent (Prometheus' convention). */
  label(name: string): string {
    if (name === METRIC_NAME) return this.name;
    if (name === LE) return this.le;
    const shared = this.shared;
    for (let i = 0; i < shared.length; i += 2) {
      const n = shared[i] as string;
      if (n === name) return shared[i + 1] as string;
      if (n > name) return '';
    }
    return '';
  }

  /** The whole label set, as a new array. */
  get labels(): Labels {
    const out = new Array<string>(this.labelCount);
    for (let i = 0; i < out.length; i++) out[i] = this.labelAt(i);
    return out;
  }

  hasLabels(labels: Labels): boolean {
    if (labels.length !== this.labelCount) return false;
    for (let i = 0; i < labels.length; i++) if (labels[i] !== this.labelAt(i)) return false;
    return true;
  }
}

/** Prometheus' labels.Compare over two split label sets, without building either. */
export function compareSeriesLabels(a: SeriesLabels, b: SeriesLabels): number {
  const an = a.labelCount;
  const bn = b.labelCount;
  const n = Math.min(an, bn);
  for (let i = 0; i < n; i++) {
    const x = a.labelAt(i);
    const y = b.labelAt(i);
    if (x !== y) return x < y ? -1 : 1;
  }
  return an - bn;
}
