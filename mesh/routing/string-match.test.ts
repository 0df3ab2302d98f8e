import { describe, expect, it } from 'vitest';
import { matchString, parseStringMatch } from './string-match';

describe('parseStringMatch', () => {
  it('reads exact, prefix and regex, and treats {} and regex "*" as presence', () => {
    expect(parseStringMatch({ exact: 'jason' })).toEqual({ kind: 'exact', value: 'jason' });
    expect(parseStringMatch({ prefix: '/api' })).toEqual({ kind: 'prefix', value: '/api' });
    expect(parseStringMatch({ regex: '*' })).toEqual({ kind: 'present' });
    expect(parseStringMatch({})).toEqual({ kind: 'present' });
    expect(parseStringMatch('jason')).toBeUndefined();
  });
});

describe('RE2 regexes', () => {
  it('match the whole value, like Envoy', () => {
    const m = parseStringMatch({ regex: '/api/v[0-9]+' });
    expect(m && matchString(m, '/api/v2')).toBe(true);
    expect(m && matchString(m, '/api/v2/items')).toBe(false);
  });

  it('never match when the pattern is invalid', () => {
    const m = parseStringMatch({ regex: '([' });
    expect(m && matchString(m, '([')).toBe(false);
  });
});

describe('matchString', () => {
  it('fails on absent values except nothing; ignoreCase affects exact and prefix', () => {
    expect(matchString({ kind: 'present' }, undefined)).toBe(false);
    expect(matchString({ kind: 'exact', value: 'GET' }, 'get', true)).toBe(true);
    expect(matchString({ kind: 'prefix', value: '/API' }, '/api/x', true)).toBe(true);
  });
});
