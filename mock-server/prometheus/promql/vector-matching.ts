import {
  formatLabels,
  getLabel,
  keepLabels,
  METRIC_NAME,
  setLabel,
  withoutLabels,
  type Labels,
} from '../labels';
import { isComparison, type BinaryOp, type VectorMatching } from './ast';
import { elementOp } from './operators';
import { ExecutionError } from './errors';
import { SeriesMatrix } from './matrix';
import { signatureIds } from './set-ops';

/**
 * Arithmetic and comparison between two instant vectors with one-to-one or many-to-one /
 * one-to-many matching, including Prometheus' per-step error checks for ambiguous matches.
 */
export function evalVectorMatch(
  op: BinaryOp,
  lhs: SeriesMatrix,
  rhs: SeriesMatrix,
  matching: VectorMatching,
  returnBool: boolean,
): SeriesMatrix {
  const swapped = matching.card === 'one-to-many';
  const many = swapped ? rhs : lhs;
  const one = swapped ? lhs : rhs;
  const { left: manySig, right: oneSig, count: signatures } = signatureIds(matching, many.labels, one.labels);
  const { steps } = lhs;
  const out = new SeriesMatrix(steps, many.length);
  const rowOfPair = new Map<number, number>();
  const oneAt = new Int32Array(signatures);
  const matchedAt = new Uint8Array(signatures);
  const inserted = new Map<number, Set<number>>();
  for (let s = 0; s < steps; s++) {
    oneAt.fill(-1);
    matchedAt.fill(0);
    inserted.clear();
    for (let j = 0; j < one.length; j++) {
      if (!one.has(j, s)) continue;
      const sig = oneSig[j] as number;
      const previous = oneAt[sig] as number;
      if (previous >= 0) throw duplicateOnOneSide(matching, one.labels[j] as Labels, one.labels[previous] as Labels);
      oneAt[sig] = j;
    }
    for (let i = 0; i < many.length; i++) {
      if (!many.has(i, s)) continue;
      const sig = manySig[i] as number;
      const j = oneAt[sig] as number;
      if (j < 0) continue;
      const m = many.get(i, s);
      const o = one.get(j, s);
      const result = swapped ? elementOp(op, o, m) : elementOp(op, m, o);
      let value = result.value;
      if (returnBool) value = result.keep ? 1 : 0;
      else if (!result.keep) continue;
      const pair = i * one.length + j;
      let row = rowOfPair.get(pair);
      if (row === undefined) {
        row = out.seriesFor(resultLabels(many.labels[i] as Labels, one.labels[j] as Labels, op, matching, returnBool));
        rowOfPair.set(pair, row);
      }
      if (matching.card === 'one-to-one') {
        if (matchedAt[sig] === 1) {
          throw new ExecutionError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
        }
        matchedAt[sig] = 1;
      } else {
        let rows = inserted.get(sig);
        if (rows === undefined) inserted.set(sig, (rows = new Set()));
        if (rows.has(row)) throw new ExecutionError('multiple matches for labels: grouping labels must ensure unique matches');
        rows.add(row);
      }
      out.setUnique(row, s, value);
    }
  }
  return out.compact();
}

/** Prometheus' resultMetric(): the labels of `many op one`. */
function resultLabels(many: Labels, one: Labels, op: BinaryOp, matching: VectorMatching, returnBool: boolean): Labels {
  let labels = many;
  if (!isComparison(op) || returnBool) labels = withoutLabels(labels, new Set([METRIC_NAME]));
  if (matching.card === 'one-to-one') {
    const names = new Set(matching.labels);
    labels = matching.on ? keepLabels(labels, names) : withoutLabels(labels, names);
  }
  for (const name of matching.include) labels = setLabel(labels, name, getLabel(one, name));
  return labels;
}

function duplicateOnOneSide(matching: VectorMatching, current: Labels, previous: Labels): ExecutionError {
  const side = matching.card === 'one-to-many' ? 'left' : 'right';
  const names = new Set(matching.labels);
  const group = matching.on ? keepLabels(current, names) : withoutLabels(current, new Set([...names, METRIC_NAME]));
  return new ExecutionError(
    `found duplicate series for the match group ${formatLabels(group)} on the ${side} hand-side of the operation: ` +
      `[${formatLabels(current)}, ${formatLabels(previous)}];many-to-many matching not allowed: matching labels must be unique on one side`,
  );
}
