/** Floating-point helpers that reproduce Go's (and Prometheus') exact behaviour. */

/** Neumaier-compensated summation, as Prometheus' kahanSumInc. */
export class KahanSum {
  sum = 0;
  c = 0;

  add(inc: number): void {
    const t = this.sum + inc;
    if (Math.abs(this.sum) >= Math.abs(inc)) this.c += this.sum - t + inc;
    else this.c += inc - t + this.sum;
    this.sum = t;
  }

  /** The compensated total; an infinite sum stays infinite instead of turning into NaN. */
  value(): number {
    return isInfinite(this.sum) ? this.sum : this.sum + this.c;
  }
}

export function isInfinite(x: number): boolean {
  return x === Infinity || x === -Infinity;
}

/** Go's sort order for sample values: NaN first, then ascending. */
export function compareNaNFirst(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Prometheus' quantile() over values already sorted with compareNaNFirst. */
export function quantileOfSorted(q: number, sorted: readonly number[]): number {
  if (sorted.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const n = sorted.length;
  const rank = q * (n - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(n - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return (sorted[lower] as number) * (1 - weight) + (sorted[upper] as number) * weight;
}

/** Go's math.Max (+Inf wins over NaN; +0 wins over -0). */
export function goMax(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && y === 0) return Object.is(x, -0) ? y : x;
  return x > y ? x : y;
}

/** Go's math.Min (-Inf wins over NaN; -0 wins over +0). */
export function goMin(x: number, y: number): number {
  if (x === -Infinity || y === -Infinity) return -Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && y === 0) return Object.is(x, -0) ? x : y;
  return x < y ? x : y;
}

/** Go's math.Pow, which differs from `**` for a base of ±1 with NaN or infinite exponents. */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && isInfinite(y)) return 1;
  return x ** y;
}

/** Go's math.Mod: the remainder takes the sign of x (same as JavaScript's %). */
export function goMod(x: number, y: number): number {
  return x % y;
}
