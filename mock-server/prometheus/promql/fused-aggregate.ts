import { METRIC_NAME, type Labels } from '../labels';
import type { MemSeries } from '../tsdb/series';
import { unwrapParens, type Aggregate } from './ast';
import type { EvalContext } from './context';
import { GroupReducer, REDUCING_OPS, type ReducingOp } from './group-reducer';
import type { SeriesMatrix } from './matrix';
import { forEachWindow } from './range-eval';
import { RANGE_FUNCTIONS } from './range-functions';
import { selectMatrixSeries } from './selectors';

const SEPARATOR = '\uffff';
const LE = 'le';

/**
 * `sum by (...) (rate(m[r]))` and the like, computed without the intermediate vector: each
 * stored series' window value goes straight into its group, so the label sets of the (often
 * hundreds of thousands of) input series are never built. Group keys are memoised per shared
 * label set, which all buckets of a histogram have in common. Returns null when the expression
 * is not of that shape, leaving it to the general evaluator.
 */
export function evalFusedRangeAggregate(agg: Aggregate, ctx: EvalContext): SeriesMatrix | null {
  if (!REDUCING_OPS.has(agg.op) || agg.without || agg.grouping.includes(METRIC_NAME)) return null;
  const call = unwrapParens(agg.expr);
  if (call.kind !== 'call' || call.args.length !== 1 || call.name === 'last_over_time') return null;
  const fn = RANGE_FUNCTIONS[call.name];
  const arg = unwrapParens(call.args[0] as (typeof call.args)[number]);
  if (fn === undefined || arg.kind !== 'matrixSelector') return null;
  const { series, geometry } = selectMatrixSeries(arg, ctx);
  // Series of different metrics may collide once rate() drops the name; the general path reports that.
  if (!shareName(series)) return null;
  const reducer = new GroupReducer(agg.op as ReducingOp, ctx.grid.count);
  const groups = new SeriesGroups(agg.grouping, (labels) => reducer.addGroup(labels));
  forEachWindow(series, geometry, ctx, (i, s, window) => {
    const value = fn(window);
    if (value === null) return;
    if (window.row < 0) window.row = groups.groupOf(series[i] as MemSeries);
    reducer.add(window.row, s, value);
  });
  return reducer.result();
}

function shareName(series: readonly MemSeries[]): boolean {
  for (const s of series) if (s.name !== (series[0] as MemSeries).name) return false;
  return true;
}

/**
 * Assigns stored series to `by (...)` groups (new groups in first-seen order), reading labels
 * without building label sets. Sibling series share one label set apart from name and `le`, so
 * a series is looked up by that shared set (identity), then by its `le`.
 */
export class SeriesGroups {
  private readonly names: readonly string[];
  private readonly byLe: boolean;
  private readonly newGroup: (labels: Labels) => number;
  /** Groups by `le`, per key over the other grouping labels. */
  private readonly byKey = new Map<string, Map<string, number>>();
  private readonly byShared = new Map<Labels, Map<string, number>>();

  constructor(grouping: readonly string[], newGroup: (labels: Labels) => number) {
    this.names = [...new Set(grouping)].sort();
    this.byLe = this.names.includes(LE);
    this.newGroup = newGroup;
  }

  groupOf(series: MemSeries): number {
    let groups = this.byShared.get(series.shared);
    if (groups === undefined) {
      let key = '';
      for (const name of this.names) if (name !== LE) key += series.label(name) + SEPARATOR;
      groups = this.byKey.get(key);
      if (groups === undefined) this.byKey.set(key, (groups = new Map()));
      this.byShared.set(series.shared, groups);
    }
    const le = this.byLe ? series.le : '';
    let group = groups.get(le);
    if (group === undefined) groups.set(le, (group = this.newGroup(this.labelsOf(series))));
    return group;
  }

  /** The grouping labels the series carries, in label order (absent ones left out). */
  private labelsOf(series: MemSeries): Labels {
    const out: string[] = [];
    for (const name of this.names) {
      const value = series.label(name);
      if (value !== '') out.push(name, value);
    }
    return out;
  }
}
