import { labelsFromRecord, METRIC_NAME, type Labels } from '../labels';
import { unwrapParens, type Expr } from './ast';
import { SeriesMatrix } from './matrix';

/**
 * The labels absent() reports: those of the selector's equality matchers, except the metric
 * name and any label that is also matched some other way (Prometheus' createLabelsForAbsentFunction).
 */
export function absentLabels(arg: Expr): Labels {
  const inner = unwrapParens(arg);
  const selector = inner.kind === 'vectorSelector' ? inner : inner.kind === 'matrixSelector' ? inner.selector : null;
  if (selector === null) return [];
  const record: Record<string, string> = {};
  const dropped: string[] = [];
  for (const m of selector.matchers) {
    if (m.name === METRIC_NAME) continue;
    if (m.type === '=' && (record[m.name] ?? '') === '') record[m.name] = m.value;
    else dropped.push(m.name);
  }
  for (const name of dropped) delete record[name];
  return labelsFromRecord(record);
}

/** absent(v): 1 at every step where `input` has no sample. */
export function evalAbsent(input: SeriesMatrix, arg: Expr): SeriesMatrix {
  const out = new SeriesMatrix(input.steps, 1);
  const row = out.addSeries(absentLabels(arg));
  for (let s = 0; s < input.steps; s++) {
    let any = false;
    for (let i = 0; i < input.length && !any; i++) any = input.has(i, s);
    if (!any) out.set(row, s, 1);
  }
  return out.compact();
}
