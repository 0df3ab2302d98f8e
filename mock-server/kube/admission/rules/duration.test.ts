import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['10s', 10e9],
    ['1.5s', 1.5e9],
    ['100ms', 100e6],
    ['1h30m', 5400e9],
    ['0', 0],
    ['-2m', -120e9],
    ['.5s', 0.5e9],
  ])('parses %s', (text, nanos) => {
    expect(parseGoDuration(text)).toEqual({ nanos });
  });

  it('rejects what Go rejects, with Go’s messages', () => {
    expect(parseGoDuration('10')).toEqual({ error: 'time: missing unit in duration "10"' });
    expect(parseGoDuration('10x')).toEqual({ error: 'time: unknown unit "x" in duration "10x"' });
    expect(parseGoDuration('')).toEqual({ error: 'time: invalid duration ""' });
    expect(parseGoDuration('s')).toEqual({ error: 'time: invalid duration "s"' });
  });
});
