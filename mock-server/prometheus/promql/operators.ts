import { isComparison, type ArithmeticOp, type BinaryOp, type ComparisonOp } from './ast';
import { goMod, goPow } from './numeric';

export function arithmetic(op: ArithmeticOp, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return goMod(l, r);
    case '^':
      return goPow(l, r);
    case 'atan2':
      return Math.atan2(l, r);
  }
}

export function compare(op: ComparisonOp, l: number, r: number): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '>':
      return l > r;
    case '<':
      return l < r;
    case '>=':
      return l >= r;
    case '<=':
      return l <= r;
  }
}

/**
 * Prometheus' vectorElemBinop: the value of `l op r`, and whether the element is kept.
 * Comparisons keep the left value when true.
 */
export function elementOp(op: BinaryOp, l: number, r: number): { value: number; keep: boolean } {
  if (isComparison(op)) return { value: l, keep: compare(op, l, r) };
  return { value: arithmetic(op as ArithmeticOp, l, r), keep: true };
}

/** Arithmetic drops the metric name; comparisons keep it (unless `bool`). */
export function dropsName(op: BinaryOp, returnBool: boolean): boolean {
  return returnBool || !isComparison(op);
}
