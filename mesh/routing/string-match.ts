/**
 * String matchers shared by routing and authorization: Istio's StringMatch (exact / prefix / regex) and
 * the RE2 regular expressions Envoy evaluates. Envoy regex matchers match the WHOLE value.
 */

import { compileRe2 } from '../re2';
import { asObject, asString } from './narrow';

export type StringMatcher =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'suffix'; readonly value: string }
  | { readonly kind: 'regex'; readonly value: string; readonly regex: RegExp | undefined }
  /** Matches when the value is present at all. */
  | { readonly kind: 'present' };

/**
 * Parses an Istio StringMatch. As in Istio, an empty match and the regex "*" mean "present" (Istio turns
 * them into an Envoy present_match). Returns undefined only when the value is not an object.
 */
export function parseStringMatch(value: unknown): StringMatcher | undefined {
  const obj = asObject(value);
  if (!obj) return undefined;
  const exact = asString(obj.exact);
  if (exact !== undefined) return { kind: 'exact', value: exact };
  const prefix = asString(obj.prefix);
  if (prefix !== undefined) return { kind: 'prefix', value: prefix };
  const regex = asString(obj.regex);
  if (regex !== undefined && regex !== '*') return regexMatcher(regex);
  return { kind: 'present' };
}

export function regexMatcher(pattern: string): StringMatcher {
  return { kind: 'regex', value: pattern, regex: tryCompileRe2(pattern) };
}

/**
 * Tests a value; `undefined` means the value is absent (no such header), which only "present"-free
 * matchers can never satisfy. `ignoreCase` applies to exact/prefix/suffix, as Envoy's ignore_case does.
 */
export function matchString(m: StringMatcher, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  const v = ignoreCase ? value.toLowerCase() : value;
  switch (m.kind) {
    case 'present':
      return true;
    case 'exact':
      return v === (ignoreCase ? m.value.toLowerCase() : m.value);
    case 'prefix':
      return v.startsWith(ignoreCase ? m.value.toLowerCase() : m.value);
    case 'suffix':
      return v.endsWith(ignoreCase ? m.value.toLowerCase() : m.value);
    case 'regex':
      return m.regex !== undefined && m.regex.test(value);
  }
}

/**
 * Compiles an RE2 pattern, or undefined when the pattern is invalid (Envoy would reject the config; here
 * the matcher simply never matches). `anchored` is a full match (Envoy matchers); otherwise it is global,
 * for regex rewrites that replace every match.
 */
export function tryCompileRe2(pattern: string, anchored = true): RegExp | undefined {
  for (const unicode of [true, false]) {
    try {
      return compileRe2(pattern, { anchored, unicode });
    } catch {
      // retried without the unicode flag, then treated as invalid
    }
  }
  return undefined;
}
