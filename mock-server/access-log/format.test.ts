import { describe, expect, it } from 'vitest';
import { rfc3339Nano } from './format';

describe('rfc3339Nano', () => {
  it('trims trailing zeros as Go does', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0, 120))).toBe('2026-01-01T12:00:00.12Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0) + 0.002)).toBe('2026-01-01T12:00:00.000002Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0))).toBe('2026-01-01T12:00:00Z');
  });
});
