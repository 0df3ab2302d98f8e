/**
 * Host names as Istio treats them: short-name expansion, wildcard matching and exportTo visibility.
 */

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';
export const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/**
 * Istio's ResolveShortnameToFQDN: a name without any dot is expanded in the namespace of the config that
 * wrote it ("reviews" in a VirtualService of bookinfo → reviews.bookinfo.svc.cluster.local). Surprise:
 * a name with a dot is taken literally, so "reviews.bookinfo" is NOT expanded and matches no service.
 */
export function resolveShortname(host: string, namespace: string, domain = DEFAULT_CLUSTER_DOMAIN): string {
  const h = host.trim().toLowerCase();
  if (h === '' || h === '*' || h.includes('.') || h.includes(':')) return h;
  return `${h}.${namespace}.svc.${domain}`;
}

export function isWildcard(host: string): boolean {
  return host.startsWith('*');
}

/**
 * Whether `pattern` covers `host` (which may itself be a wildcard): equal, "*", or a "*.suffix" pattern
 * whose suffix ends `host`. Wildcards span several labels: "*.example.com" covers "a.b.example.com" but
 * not "example.com".
 */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  if (!isWildcard(pattern)) return false;
  const suffix = pattern.slice(1);
  if (isWildcard(host)) return host.slice(1).endsWith(suffix) && host.length >= pattern.length;
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** The more specific of two intersecting hosts, or undefined when they do not intersect. */
export function hostIntersection(a: string, b: string): string | undefined {
  if (hostCovers(a, b)) return b;
  if (hostCovers(b, a)) return a;
  return undefined;
}

/**
 * Ranks how specifically a pattern names a host, for "most specific wins": exact names beat any
 * wildcard, longer wildcards beat shorter ones, and "*" ranks last.
 */
export function hostSpecificity(pattern: string): number {
  return isWildcard(pattern) ? pattern.length : Number.MAX_SAFE_INTEGER;
}

/** Strips a ":port" suffix (keeping bracketed IPv6 literals intact) and lower-cases. */
export function stripPort(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    return end < 0 ? a : a.slice(0, end + 1);
  }
  const colon = a.lastIndexOf(':');
  return colon >= 0 && a.indexOf(':') === colon ? a.slice(0, colon) : a;
}

/**
 * The FQDN a sidecar resolves a client's host name to. Sidecars answer for the service FQDN and its
 * DNS-search forms: "name" (same namespace only), "name.ns" and "name.ns.svc". Other names (external
 * hosts, IPs) stay as written.
 */
export function normalizeRequestHost(
  host: string,
  sourceNamespace: string,
  isKnownHost: (fqdn: string) => boolean,
  domain = DEFAULT_CLUSTER_DOMAIN,
): string {
  const h = stripPort(host);
  if (h === '' || h.startsWith('[') || /^\d+(\.\d+){3}$/.test(h)) return h;
  const parts = h.split('.');
  if (parts.length === 1) return `${h}.${sourceNamespace}.svc.${domain}`;
  if (parts.length === 2 && isKnownHost(`${h}.svc.${domain}`)) return `${h}.svc.${domain}`;
  if (parts.length === 3 && parts[2] === 'svc' && isKnownHost(`${h}.${domain}`)) return `${h}.${domain}`;
  return h;
}

/** Where a config is visible, from its `exportTo` list. */
export type Visibility =
  | { readonly kind: 'public' }
  | { readonly kind: 'none' }
  | { readonly kind: 'namespaces'; readonly namespaces: ReadonlySet<string> };

/**
 * Parses `exportTo`: "." is the config's own namespace, "*" everywhere, "~" nowhere; an empty or absent
 * list means everywhere (Istio's default without mesh-wide exportTo defaults).
 */
export function parseExportTo(values: readonly string[], ownNamespace: string): Visibility {
  if (values.length === 0 || values.includes('*')) return { kind: 'public' };
  if (values.includes('~')) return { kind: 'none' };
  return { kind: 'namespaces', namespaces: new Set(values.map((v) => (v === '.' ? ownNamespace : v))) };
}

export function isVisible(visibility: Visibility, fromNamespace: string): boolean {
  switch (visibility.kind) {
    case 'public':
      return true;
    case 'none':
      return false;
    case 'namespaces':
      return visibility.namespaces.has(fromNamespace);
  }
}

/**
 * Istio's preference among visible configs for one proxy: configs private to the proxy's namespace,
 * then configs exported to it by name, then public ones. Lower ranks first.
 */
export function visibilityRank(visibility: Visibility, ownNamespace: string, fromNamespace: string): number {
  if (visibility.kind === 'public') return 2;
  return ownNamespace === fromNamespace ? 0 : 1;
}
