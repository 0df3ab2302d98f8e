import { describe, expect, it } from 'vitest';
import { durationProblem, formatMicros, parseDurationMicros } from './duration';

describe('parseDurationMicros', () => {
  it('reads Go durations, compound ones included', () => {
    expect(parseDurationMicros('100ms')).toBe(100_000);
    expect(parseDurationMicros('1.5s')).toBe(1_500_000);
    expect(parseDurationMicros('1m30s')).toBe(90_000_000);
    expect(parseDurationMicros('250us')).toBe(250);
    expect(parseDurationMicros('250µs')).toBe(250);
    expect(parseDurationMicros(' 2h ')).toBe(7_200_000_000);
  });

  it('refuses numbers without units and other text', () => {
    for (const bad of ['', '100', 'ms', '1.5 s', '1x', '1s junk', '-1s', '1..5s']) expect(parseDurationMicros(bad), bad).toBeUndefined();
  });
});

describe('durationProblem', () => {
  it('names the field and shows the expected form', () => {
    expect(durationProblem('minDuration', '100')).toBe('minDuration: use a number with a unit like 100ms or 1.5s');
    expect(durationProblem('maxDuration', '2s')).toBeUndefined();
    expect(durationProblem('minDuration', '')).toBeUndefined();
  });
});

describe('formatMicros', () => {
  it('picks a unit and about three digits', () => {
    expect(formatMicros(850)).toBe('850µs');
    expect(formatMicros(12_345)).toBe('12.3ms');
    expect(formatMicros(1_420_000)).toBe('1.42s');
    expect(formatMicros(125_000_000)).toBe('2m 5s');
    expect(formatMicros(120_000_000)).toBe('2m');
  });
});
