import { describe, expect, it } from 'vitest';
import { formatAge, formatCount, plural } from './format';

describe('formatAge', () => {
  const now = Date.parse('2024-05-10T12:00:00Z');
  it.each([
    ['2024-05-10T11:59:15Z', '45s'],
    ['2024-05-10T11:48:00Z', '12m'],
    ['2024-05-10T07:00:00Z', '5h'],
    ['2024-05-07T12:00:00Z', '3d'],
    ['2021-05-07T12:00:00Z', '3y'],
  ])('%s is %s old', (timestamp, age) => {
    expect(formatAge(timestamp, now)).toBe(age);
  });
  it('is blank for a missing or bad timestamp, and never negative', () => {
    expect(formatAge(undefined, now)).toBe('');
    expect(formatAge('soon', now)).toBe('');
    expect(formatAge('2024-05-10T12:00:05Z', now)).toBe('0s');
  });
});

describe('plural', () => {
  it('agrees with the count', () => {
    expect(plural(1, 'pod')).toBe('1 pod');
    expect(plural(10000, 'pod')).toBe('10,000 pods');
    expect(plural(2, 'policy', 'policies')).toBe('2 policies');
  });
});

describe('formatCount', () => {
  it('groups thousands as en-US does, for whole numbers of any size and sign and for fractions', () => {
    const values = [0, 7, 12, 999, 1000, 1001, 12345, 100000, 999999, 1000000, 123456789, -5, -1234, -1234567, Number.MAX_SAFE_INTEGER, 1.5, 12345.678, 1e21];
    for (const value of values) expect(formatCount(value), String(value)).toBe(value.toLocaleString('en-US'));
  });
});
