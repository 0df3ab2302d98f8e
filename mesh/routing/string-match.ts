/**
 * String matchers shared by routing and authorization: Istio's StringMatch (exact / prefix / regex) and
 * the RE2 regular expressions Envoy evaluates. Envoy regex matchers match the WHOLE value.
 */

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
  return { kind: 'regex', value: pattern, regex: compileRe2(pattern) };
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

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp | undefined>();

/**
 * Compiles an RE2 pattern to a JavaScript RegExp, or undefined when the pattern is invalid (Envoy would
 * reject the config; here the matcher simply never matches). Handles the RE2 syntax JavaScript spells
 * differently: (?P<name>…), leading (?i)/(?s) flags, \A, \z, \Q…\E and POSIX classes such as
 * [[:digit:]]. `anchored` wraps it for a full match (Envoy matchers); otherwise it is global, for
 * regex rewrites that replace every match. Results are cached.
 */
export function compileRe2(pattern: string, anchored = true): RegExp | undefined {
  const key = `${anchored ? 'a' : 'g'}${pattern}`;
  if (cache.has(key)) return cache.get(key);
  let flags = '';
  let body = pattern;
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading?.[1]) {
    if (leading[1].includes('i')) flags += 'i';
    if (leading[1].includes('s')) flags += 's';
    body = body.slice(leading[0].length);
  }
  body = body
    .replace(/\\Q(.*?)(?:\\E|$)/gs, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      return cls === undefined || neg ? m : cls;
    });
  let compiled: RegExp | undefined;
  for (const extra of ['u', '']) {
    try {
      compiled = anchored ? new RegExp(`^(?:${body})$`, flags + extra) : new RegExp(body, `g${flags}${extra}`);
      break;
    } catch {
      compiled = undefined;
    }
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
