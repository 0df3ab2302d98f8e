/** Axes of the duration scatter: a linear time axis and a duration axis from zero, with round ticks. */

export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** Round tick values (1, 2, 5 × 10ⁿ apart) covering [min, max], about `count` of them. */
export function niceScale(min: number, max: number, count = 4): Scale {
  if (!(max > min)) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceScale(min - pad, max + pad, count);
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(tick);
  return { min, max, ticks };
}

export function project(scale: Pick<Scale, 'min' | 'max'>, value: number, pixels: number): number {
  return ((value - scale.min) / (scale.max - scale.min)) * pixels;
}
