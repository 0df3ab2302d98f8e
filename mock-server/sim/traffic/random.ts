/** Deterministic randomness: a seeded PRNG for noise, and a low-discrepancy sequence for route shares. */

export { seededRandom } from '../../shared/seeded-random';

/** Mixes several integers into one 32-bit seed. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(part / 4294967296), 0x01000193);
  }
  return h >>> 0;
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

/** The `index`-th element (from 1) of the Halton sequence in `dimension`: evenly spread points in [0, 1). */
export function halton(index: number, dimension: number): number {
  const base = PRIMES[dimension % PRIMES.length] ?? 2;
  let result = 0;
  let fraction = 1 / base;
  for (let i = index; i > 0; i = Math.floor(i / base)) {
    result += fraction * (i % base);
    fraction /= base;
  }
  return result;
}

/**
 * A `rand` for sample `index` whose n-th draw is the n-th Halton dimension, so that N samples split every
 * fractional share (fault percentages, weights) almost exactly in proportion.
 */
export function haltonDraws(index: number): () => number {
  let draw = 0;
  return () => halton(index, draw++);
}
