import { describe, expect, it } from 'vitest';
import { parseAbsolute, stepFor, windowOf } from './time-window';

describe('time window', () => {
  it('steps about 240 points, in multiples of 15 s, never under 15 s', () => {
    expect(stepFor(3600)).toBe(15);
    expect(stepFor(300)).toBe(15);
    expect(stepFor(6 * 3600)).toBe(90);
    expect(stepFor(24 * 3600)).toBe(360);
  });

  it('reads from/to as Unix seconds and rejects anything else', () => {
    expect(parseAbsolute('1764090000', '1764093600')).toEqual({ start: new Date(1764090000_000), end: new Date(1764093600_000) });
    expect(parseAbsolute('1764093600', '1764090000')).toBeUndefined();
    expect(parseAbsolute('yesterday', '1764090000')).toBeUndefined();
    expect(parseAbsolute('', '')).toBeUndefined();
  });

  it('is live unless absolute bounds are given', () => {
    const live = windowOf(1_000_000_000_000, 3_600_000, undefined);
    expect(live).toMatchObject({ live: true, stepSeconds: 15 });
    expect(live.end.getTime() - live.start.getTime()).toBe(3_600_000);
    const fixed = windowOf(1_000_000_000_000, 3_600_000, { start: new Date(0), end: new Date(600_000) });
    expect(fixed).toMatchObject({ live: false, start: new Date(0), end: new Date(600_000), stepSeconds: 15 });
  });
});
