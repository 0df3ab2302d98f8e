import { describe, expect, it } from 'vitest';
import { windowLabel } from './window-label';

describe('windowLabel', () => {
  const now = new Date(2026, 10, 25, 15, 0);

  it('shows only times for a window within today', () => {
    expect(windowLabel(new Date(2026, 10, 25, 14, 2), new Date(2026, 10, 25, 14, 20, 30), now, 'en-GB')).toBe('14:02–14:20');
  });

  it('adds the date for another day, once when both ends share it', () => {
    expect(windowLabel(new Date(2026, 10, 24, 9, 5), new Date(2026, 10, 24, 9, 35), now, 'en-GB')).toBe('24 Nov, 09:05–09:35');
    expect(windowLabel(new Date(2026, 10, 24, 23, 0), new Date(2026, 10, 25, 1, 0), now, 'en-GB')).toBe('24 Nov, 23:00–25 Nov, 01:00');
  });
});
