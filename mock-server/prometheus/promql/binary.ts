import { dropMetricName, type Labels } from '../labels';
import { isComparison, isSetOp, type ArithmeticOp, type Binary, type VectorMatching } from './ast';
import { scalarValue, vectorValue, type Value } from './context';
import { shareMetricName } from './label-sets';
import { SeriesMatrix } from './matrix';
import { arithmetic, compare, dropsName, elementOp } from './operators';
import { evalSetOp } from './set-ops';
import { evalVectorMatch } from './vector-matching';

export function evalBinary(expr: Binary, lhs: Value, rhs: Value): Value {
  if (lhs.type === 'scalar' && rhs.type === 'scalar') {
    const out = new Float64Array(lhs.values.length);
    for (let s = 0; s < out.length; s++) {
      const l = lhs.values[s] as number;
      const r = rhs.values[s] as number;
      out[s] = isComparison(expr.op) ? (compare(expr.op, l, r) ? 1 : 0) : arithmetic(expr.op as ArithmeticOp, l, r);
    }
    return scalarValue(out);
  }
  if (lhs.type === 'vector' && rhs.type === 'scalar') return vectorValue(vectorScalar(expr, lhs.matrix, rhs.values, false));
  if (lhs.type === 'scalar' && rhs.type === 'vector') return vectorValue(vectorScalar(expr, rhs.matrix, lhs.values, true));
  if (lhs.type === 'vector' && rhs.type === 'vector') {
    const matching = expr.matching as VectorMatching;
    if (isSetOp(expr.op)) return vectorValue(evalSetOp(expr.op, lhs.matrix, rhs.matrix, matching));
    return vectorValue(evalVectorMatch(expr.op, lhs.matrix, rhs.matrix, matching, expr.returnBool));
  }
  throw new Error(`internal: binary operands ${lhs.type} and ${rhs.type}`);
}

/** A vector against a scalar; `swapped` when the scalar is the left operand. */
function vectorScalar(expr: Binary, vec: SeriesMatrix, scalar: Float64Array, swapped: boolean): SeriesMatrix {
  const { op, returnBool } = expr;
  const dropName = dropsName(op, returnBool);
  const unique = !dropName || shareMetricName(vec.labels);
  const out = new SeriesMatrix(vec.steps, vec.length);
  for (let i = 0; i < vec.length; i++) {
    let row = -1;
    for (let s = 0; s < vec.steps; s++) {
      if (!vec.has(i, s)) continue;
      const v = vec.get(i, s);
      const r = scalar[s] as number;
      const result = swapped ? elementOp(op, r, v) : elementOp(op, v, r);
      // A comparison filters the vector element, whichever side it is on.
      let value = isComparison(op) ? v : result.value;
      if (returnBool) value = result.keep ? 1 : 0;
      else if (!result.keep) continue;
      if (row < 0) {
        const labels: Labels = dropName ? dropMetricName(vec.labels[i] as Labels) : (vec.labels[i] as Labels);
        row = unique ? out.addSeries(labels) : out.seriesFor(labels);
      }
      if (unique) out.set(row, s, value);
      else out.setUnique(row, s, value);
    }
  }
  return out;
}
