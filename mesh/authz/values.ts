/**
 * Value matching for AuthorizationPolicy fields, as Istio generates Envoy RBAC matchers: "*" means
 * present (non-empty), "*suffix" and "prefix*" are suffix/prefix matches, anything else is exact.
 */

/** Istio's StringMatcher for policy values; `ignoreCase` is used for hosts. */
export function valueMatches(pattern: string, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  const v = ignoreCase ? value.toLowerCase() : value;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  if (p === '*') return v.length > 0;
  if (p.startsWith('*')) return v.endsWith(p.slice(1));
  if (p.endsWith('*')) return v.startsWith(p.slice(0, -1));
  return v === p;
}

export function anyValueMatches(patterns: readonly string[], value: string | undefined, ignoreCase = false): boolean {
  return patterns.some((p) => valueMatches(p, value, ignoreCase));
}

const SPIFFE = 'spiffe://';

/** A principal without its "spiffe://" scheme. */
export function normalizePrincipal(principal: string | undefined): string | undefined {
  if (principal === undefined || principal === '') return undefined;
  return principal.startsWith(SPIFFE) ? principal.slice(SPIFFE.length) : principal;
}

/** The namespace and service account in a principal "<trust-domain>/ns/<ns>/sa/<sa>". */
export function principalParts(principal: string | undefined): { namespace?: string; serviceAccount?: string } {
  const m = principal === undefined ? null : /(?:^|\/)ns\/([^/]+)\/(?:.+\/)?sa\/([^/]+)/.exec(principal);
  return { namespace: m?.[1], serviceAccount: m?.[2] };
}

/** Istio's namespaces matcher: ".*\/ns/<value with * as .*>/.*" against the principal. */
export function namespaceMatches(pattern: string, principal: string | undefined): boolean {
  if (principal === undefined) return false;
  const escaped = pattern.split('*').map(escapeRegex).join('.*');
  return new RegExp(`^.*/ns/${escaped}/.*$`).test(principal);
}

/** Istio's serviceAccounts matcher: "<ns>/<name>" or "<name>" in the policy's namespace. */
export function serviceAccountMatches(spec: string, policyNamespace: string, principal: string | undefined): boolean {
  if (principal === undefined) return false;
  const slash = spec.indexOf('/');
  const ns = slash < 0 ? policyNamespace : spec.slice(0, slash);
  const sa = slash < 0 ? spec : spec.slice(slash + 1);
  return new RegExp(`^.+/ns/${escapeRegex(ns)}/(.+/|)sa/${escapeRegex(sa)}(/.+)?$`).test(principal);
}

/**
 * requestPrincipals ("iss/sub", split at the last "/"): "*" any, "iss/*" any subject of an issuer,
 * "*\/sub" a subject from any issuer, otherwise exact.
 */
export function requestPrincipalMatches(pattern: string, principal: string | undefined): boolean {
  if (principal === undefined || principal === '') return false;
  if (pattern === '*') return true;
  const cut = (s: string): [string, string | undefined] => {
    const i = s.lastIndexOf('/');
    return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
  };
  const [iss, sub = ''] = cut(principal);
  const [pIss, pSub] = cut(pattern);
  if (pSub === undefined) {
    if (pattern.startsWith('*')) return sub.endsWith(pattern.slice(1));
    if (pattern.endsWith('*')) return iss.startsWith(pattern.slice(0, -1));
    return iss === pattern && sub === '';
  }
  const any = (v: string): boolean => v.length > 0;
  if (pattern.startsWith('*')) return (pIss === '*' ? any(iss) : iss.endsWith(pIss.slice(1))) && sub === pSub;
  if (pattern.endsWith('*')) return iss === pIss && (pSub === '*' ? any(sub) : sub.startsWith(pSub.slice(0, -1)));
  return iss === pIss && sub === pSub;
}

/**
 * Paths: the URL path without its query, matched with the "*" rules, or with path templates where
 * "{*}" is one segment and "{**}" any number of them.
 */
export function pathMatches(pattern: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  const bare = path.split(/[?#]/)[0] ?? path;
  if (!pattern.includes('{*')) return valueMatches(pattern, bare);
  const regex = pattern
    .split(/(\{\*\*\}|\{\*\})/)
    .map((part) => (part === '{**}' ? '.*' : part === '{*}' ? '[^/]+' : escapeRegex(part)))
    .join('');
  return new RegExp(`^${regex}$`).test(bare);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Parses an IPv4 or IPv6 address into a big integer and its bit width. */
function parseIp(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const parts = t.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (!t.includes(':')) return undefined;
  const [head = '', tail, extra] = t.split('::');
  if (extra !== undefined) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const tl = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - tl.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...h, ...Array<string>(missing).fill('0'), ...tl];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

/** Whether an address lies in a CIDR block ("10.0.0.0/16") or equals a bare address. */
export function ipInBlock(block: string, address: string | undefined): boolean {
  if (address === undefined) return false;
  const [base = '', lenText] = block.split('/');
  const net = parseIp(base);
  const ip = parseIp(address);
  if (!net || !ip || net.bits !== ip.bits) return false;
  const len = lenText === undefined ? net.bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > net.bits) return false;
  const shift = BigInt(net.bits - len);
  return net.value >> shift === ip.value >> shift;
}
