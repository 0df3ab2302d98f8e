import { isValidLabelName, setLabel, type Labels } from '../labels';
import type { Aggregate } from './ast';
import { ExecutionError } from './errors';
import { formatFloat } from './format';
import { assignGroups, Grouping } from './grouping';
import { SeriesMatrix } from './matrix';
import { compareNaNFirst, isInfinite, quantileOfSorted } from './numeric';
import { evalTopBottomK } from './topk';

/** Evaluates an aggregation over `input` at every step. */
export function evalAggregate(agg: Aggregate, input: SeriesMatrix, param: Float64Array | string | null): SeriesMatrix {
  const grouping = new Grouping(agg.grouping, agg.without);
  switch (agg.op) {
    case 'topk':
    case 'bottomk':
      return evalTopBottomK(agg.op, input, grouping, param as Float64Array);
    case 'quantile':
      return evalQuantile(input, grouping, param as Float64Array);
    case 'count_values':
      return evalCountValues(input, agg, param as string);
    default:
      return reduceGroups(agg.op, input, grouping);
  }
}

type ReducingOp = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'group' | 'stddev' | 'stdvar';

/**
 * The reducing aggregations, with Prometheus 2.x's arithmetic: plain summation, the
 * incremental mean for avg(), Welford's method for stddev()/stdvar().
 */
function reduceGroups(op: ReducingOp, input: SeriesMatrix, grouping: Grouping): SeriesMatrix {
  const { steps } = input;
  const { groupOf, groupLabels } = assignGroups(input.labels, grouping);
  const out = new SeriesMatrix(steps, groupLabels.length);
  for (const labels of groupLabels) out.addSeries(labels);
  const value = out.values;
  const count = new Float64Array(groupLabels.length * steps);
  const mean = op === 'avg' || op === 'stddev' || op === 'stdvar' ? new Float64Array(count.length) : null;
  for (let i = 0; i < input.length; i++) {
    const base = (groupOf[i] as number) * steps;
    for (let s = 0; s < steps; s++) {
      if (!input.has(i, s)) continue;
      const v = input.get(i, s);
      const k = base + s;
      const n = (count[k] as number) + 1;
      count[k] = n;
      if (n === 1) {
        out.present[k] = 1;
        value[k] = op === 'group' ? 1 : op === 'stddev' || op === 'stdvar' ? 0 : v;
        if (mean !== null) mean[k] = v;
        continue;
      }
      const current = value[k] as number;
      switch (op) {
        case 'sum':
          value[k] = current + v;
          break;
        case 'avg':
          (mean as Float64Array)[k] = nextMean(mean as Float64Array, k, v, n);
          break;
        case 'max':
          if (current < v || Number.isNaN(current)) value[k] = v;
          break;
        case 'min':
          if (current > v || Number.isNaN(current)) value[k] = v;
          break;
        case 'stddev':
        case 'stdvar': {
          const m = mean as Float64Array;
          const delta = v - (m[k] as number);
          m[k] = (m[k] as number) + delta / n;
          value[k] = current + delta * (v - (m[k] as number));
          break;
        }
        default:
          break;
      }
    }
  }
  for (let k = 0; k < value.length && k < count.length; k++) {
    if (out.present[k] !== 1) continue;
    const n = count[k] as number;
    if (op === 'avg') value[k] = (mean as Float64Array)[k] as number;
    else if (op === 'count') value[k] = n;
    else if (op === 'stdvar') value[k] = (value[k] as number) / n;
    else if (op === 'stddev') value[k] = Math.sqrt((value[k] as number) / n);
  }
  return out.compact();
}

/** Prometheus 2.x avg(): an incremental mean that keeps an infinite mean stable. */
function nextMean(mean: Float64Array, k: number, v: number, n: number): number {
  const m = mean[k] as number;
  if (isInfinite(m)) {
    if (isInfinite(v) && m > 0 === v > 0) return m;
    if (Number.isFinite(v)) return m;
  }
  return m + v / n - m / n;
}

function evalQuantile(input: SeriesMatrix, grouping: Grouping, q: Float64Array): SeriesMatrix {
  const { steps } = input;
  const { groupOf, groupLabels } = assignGroups(input.labels, grouping);
  const out = new SeriesMatrix(steps, groupLabels.length);
  for (const labels of groupLabels) out.addSeries(labels);
  const buckets: number[][] = groupLabels.map(() => []);
  for (let s = 0; s < steps; s++) {
    for (const b of buckets) b.length = 0;
    for (let i = 0; i < input.length; i++) if (input.has(i, s)) (buckets[groupOf[i] as number] as number[]).push(input.get(i, s));
    buckets.forEach((values, g) => {
      if (values.length > 0) out.set(g, s, quantileOfSorted(q[s] as number, values.sort(compareNaNFirst)));
    });
  }
  return out.compact();
}

function evalCountValues(input: SeriesMatrix, agg: Aggregate, valueLabel: string): SeriesMatrix {
  if (!isValidLabelName(valueLabel)) throw new ExecutionError(`invalid label name "${valueLabel}"`);
  const grouping = new Grouping(agg.without ? agg.grouping : [...agg.grouping, valueLabel], agg.without);
  const out = new SeriesMatrix(input.steps);
  for (let s = 0; s < input.steps; s++) {
    for (let i = 0; i < input.length; i++) {
      if (!input.has(i, s)) continue;
      const labels: Labels = setLabel(input.labels[i] as Labels, valueLabel, formatFloat(input.get(i, s)));
      const row = out.seriesFor(grouping.labels(labels));
      out.set(row, s, out.has(row, s) ? out.get(row, s) + 1 : 1);
    }
  }
  return out;
}
