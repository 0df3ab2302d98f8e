import type { Labels } from '../labels';
import type { SetOp, VectorMatching } from './ast';
import { Grouping } from './grouping';
import { SeriesMatrix } from './matrix';

/**
 * Maps each row's matching signature to a small integer shared by both operands; `count` is the
 * number of distinct signatures.
 */
export function signatureIds(
  matching: VectorMatching,
  left: readonly Labels[],
  right: readonly Labels[],
): { left: Int32Array; right: Int32Array; count: number } {
  const grouping = new Grouping(matching.labels, !matching.on);
  const ids = new Map<string, number>();
  const assign = (rows: readonly Labels[]): Int32Array => {
    const out = new Int32Array(rows.length);
    rows.forEach((labels, i) => {
      const key = grouping.key(labels);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const leftIds = assign(left);
  return { left: leftIds, right: assign(right), count: ids.size };
}

/** `and`, `or`, `unless`: per step, filter or fill in by matching signature. */
export function evalSetOp(op: SetOp, lhs: SeriesMatrix, rhs: SeriesMatrix, matching: VectorMatching): SeriesMatrix {
  const { left: lhsSig, right: rhsSig, count } = signatureIds(matching, lhs.labels, rhs.labels);
  const { steps } = lhs;
  const out = new SeriesMatrix(steps, lhs.length + (op === 'or' ? rhs.length : 0));
  for (const labels of lhs.labels) out.addSeries(labels);
  const rhsRows = op === 'or' ? rhs.labels.map((labels) => out.seriesFor(labels)) : [];
  const marked = new Uint8Array(count);
  for (let s = 0; s < steps; s++) {
    marked.fill(0);
    const [marking, marker] = op === 'or' ? [lhs, lhsSig] : [rhs, rhsSig];
    for (let i = 0; i < marking.length; i++) if (marking.has(i, s)) marked[marker[i] as number] = 1;
    for (let i = 0; i < lhs.length; i++) {
      if (!lhs.has(i, s)) continue;
      const matched = marked[lhsSig[i] as number] === 1;
      if (op === 'or' || (op === 'and' && matched) || (op === 'unless' && !matched)) out.set(i, s, lhs.get(i, s));
    }
    if (op !== 'or') continue;
    for (let j = 0; j < rhs.length; j++) {
      if (rhs.has(j, s) && marked[rhsSig[j] as number] === 0) out.setUnique(rhsRows[j] as number, s, rhs.get(j, s));
    }
  }
  return out.compact();
}
