import { describe, expect, it } from 'vitest';
import { unitFormatter } from './units';

describe('unitFormatter', () => {
  it('formats each unit readably', () => {
    expect(unitFormatter('rps')(19.999999)).toBe('20 rps');
    expect(unitFormatter('rps')(1234)).toBe('1.23k rps');
    expect(unitFormatter('percent')(12.3456)).toBe('12.3%');
    expect(unitFormatter('ms')(7.248)).toBe('7.25 ms');
    expect(unitFormatter('ms')(2500)).toBe('2.5 s');
    expect(unitFormatter('bytes')(420.3)).toBe('420 B');
    expect(unitFormatter('bytes')(3502.9)).toBe('3.42 KiB');
    expect(unitFormatter('Bps')(35028.9)).toBe('34.2 KiB/s');
    expect(unitFormatter('cps')(0.5)).toBe('0.5/s');
    expect(unitFormatter('rps')(0)).toBe('0 rps');
  });
});
