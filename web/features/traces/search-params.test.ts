import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, MAX_LIMIT, parseLimit } from './search-params';

describe('parseLimit', () => {
  it('takes positive whole numbers up to the maximum, else the default', () => {
    expect(parseLimit('50')).toBe(50);
    expect(parseLimit('99999')).toBe(MAX_LIMIT);
    for (const bad of ['', '0', '-3', '2.5', 'many']) expect(parseLimit(bad), bad).toBe(DEFAULT_LIMIT);
  });
});
