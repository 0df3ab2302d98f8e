import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['1.5s', 1500],
    ['100ms', 100],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['0.250s', 250],
    ['250us', 0.25],
    ['250µs', 0.25],
    ['1000000ns', 1],
    ['.5s', 500],
    ['0', 0],
    ['-2s', -2000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '10', '1d', 's', '1.5', 'abc', '1s 2s', '.s'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
