import { isValidLabelName, setLabel, type Labels } from '../labels';
import type { Aggregate } from './ast';
import { ExecutionError } from './errors';
import { formatFloat } from './format';
import { assignGroups, Grouping } from './grouping';
import { SeriesMatrix } from './matrix';
import { GroupReducer, type ReducingOp } from './group-reducer';
import { compareNaNFirst, quantileOfSorted } from './numeric';
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

/** The reducing aggregations, fed row by row in input order. */
function reduceGroups(op: ReducingOp, input: SeriesMatrix, grouping: Grouping): SeriesMatrix {
  const { steps } = input;
  const { groupOf, groupLabels } = assignGroups(input.labels, grouping);
  const reducer = new GroupReducer(op, steps, groupLabels.length);
  for (const labels of groupLabels) reducer.addGroup(labels);
  for (let i = 0; i < input.length; i++) {
    const g = groupOf[i] as number;
    for (let s = 0; s < steps; s++) if (input.has(i, s)) reducer.add(g, s, input.get(i, s));
  }
  return reducer.result();
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
