import { describe, expect, it } from 'vitest';
import { compileRe2, RegexError } from './re2';

describe('compileRe2', () => {
  it('matches the whole value by default', () => {
    expect(compileRe2('api').test('api')).toBe(true);
    expect(compileRe2('api').test('api-2')).toBe(false);
  });

  it('replaces every match when not anchored', () => {
    expect('/v1/a/v1'.replace(compileRe2('v1', { anchored: false }), 'v2')).toBe('/v2/a/v2');
  });

  it('translates RE2-only syntax', () => {
    expect(compileRe2('(?i)JASON').test('jason')).toBe(true);
    expect(compileRe2('(?P<ver>v[[:digit:]]+)').test('v12')).toBe(true);
    expect(compileRe2('(?P<x>a)b').exec('ab')?.groups?.x).toBe('a');
    expect(compileRe2('[[:digit:]]+').test('123')).toBe(true);
    expect(compileRe2('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(compileRe2('\\Qa.b\\E').test('axb')).toBe(false);
    expect(compileRe2('\\Aab\\z').test('ab')).toBe(true);
    expect(compileRe2('\\x{41}').test('A')).toBe(true);
  });

  it("keeps RE2's narrower dot and \\s", () => {
    expect(compileRe2('a.c').test('a\nc')).toBe(false);
    expect(compileRe2('(?s)a.c').test('a\nc')).toBe(true);
    expect(compileRe2('a\\sc').test('a\vc')).toBe(false);
  });

  it('rejects what RE2 rejects, with RE2-style messages', () => {
    expect(() => compileRe2('(?=a)')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => compileRe2('(a)\\1')).toThrow(RegexError);
    expect(() => compileRe2('\\pL')).toThrow(/not supported/);
    expect(() => compileRe2('(?U)a')).toThrow(/not supported/);
    expect(() => compileRe2('([')).toThrow(/error parsing regexp/);
  });
});
