/** Latency distributions: a log-normal fitted to a workload's p50/p99, shifted by any injected delay. */
import type { LatencyProfile } from '../model';

/** z-score of the 99th percentile of a standard normal distribution. */
const Z99 = 2.3263478740408408;

export interface LatencyDistribution {
  /** P(latency <= ms). */
  cdf(ms: number): number;
  mean: number;
}

function fit(profile: LatencyProfile): { mu: number; sigma: number } {
  const p50 = Math.max(profile.p50Ms, 0.01);
  return { mu: Math.log(p50), sigma: Math.max(Math.log(Math.max(profile.p99Ms, p50) / p50) / Z99, 1e-6) };
}

export function latencyDistribution(profile: LatencyProfile, delayMs = 0): LatencyDistribution {
  const { mu, sigma } = fit(profile);
  return {
    cdf: (ms) => {
      const x = ms - delayMs;
      return x <= 0 ? 0 : 0.5 * erfc(-(Math.log(x) - mu) / (sigma * Math.SQRT2));
    },
    mean: delayMs + Math.exp(mu + (sigma * sigma) / 2),
  };
}

/** One latency drawn from the profile's distribution (Box-Muller over two uniform draws). */
export function sampleLatencyMs(profile: LatencyProfile, rand: () => number): number {
  const { mu, sigma } = fit(profile);
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.exp(mu + sigma * z);
}

/** A fixed value, e.g. a typical body size. */
export function pointDistribution(value: number): LatencyDistribution {
  return { cdf: (x) => (x >= value ? 1 : 0), mean: value };
}

/** Complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
