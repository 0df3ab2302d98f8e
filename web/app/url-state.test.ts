import { describe, expect, it } from 'vitest';
import { carriedSearch, durationMs, parseList } from './url-state';

describe('url state helpers', () => {
  it('keeps only the global parameters for links to other screens', () => {
    expect(carriedSearch('ns=bookinfo&q=rev&range=3h&sel=x&refresh=10s')).toBe('?ns=bookinfo&range=3h&refresh=10s');
    expect(carriedSearch('q=x')).toBe('');
  });

  it('parses comma lists, dropping blanks', () => {
    expect(parseList('bookinfo, online-shop,,')).toEqual(['bookinfo', 'online-shop']);
    expect(parseList('')).toEqual([]);
  });

  it('reads durations', () => {
    expect(durationMs('10s')).toBe(10_000);
    expect(durationMs('1m')).toBe(60_000);
    expect(durationMs('24h')).toBe(86_400_000);
    expect(durationMs('off')).toBeUndefined();
  });
});
