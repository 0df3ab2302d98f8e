/**
 * VirtualService delegation: a root VirtualService rule with `delegate` hands the requests it matches
 * to the HTTP rules of another VirtualService (one without hosts). Istio merges each delegate rule's
 * match with the root match; the delegate rule supplies everything else.
 */

import { isVisible } from './hosts';
import type { HttpMatchCondition, HttpRule, NamedCondition, RouteTable } from './route-model';

function unionByName(root: readonly NamedCondition[], delegate: readonly NamedCondition[]): NamedCondition[] {
  return [...root.filter((r) => !delegate.some((d) => d.name === r.name)), ...delegate];
}

/**
 * The delegate's conditions refine the root's: a field set by the delegate replaces the root's (Istio
 * requires it to be narrower), header and query conditions are combined, source conditions stay the
 * root's. Conflicts Istio would reject are not detected.
 */
export function mergeMatch(root: HttpMatchCondition | undefined, delegate: HttpMatchCondition | undefined): HttpMatchCondition | undefined {
  if (!root || !delegate) return delegate ?? root;
  return {
    uri: delegate.uri ?? root.uri,
    ignoreUriCase: root.ignoreUriCase || delegate.ignoreUriCase,
    scheme: delegate.scheme ?? root.scheme,
    method: delegate.method ?? root.method,
    authority: delegate.authority ?? root.authority,
    headers: unionByName(root.headers, delegate.headers),
    withoutHeaders: unionByName(root.withoutHeaders, delegate.withoutHeaders),
    queryParams: unionByName(root.queryParams, delegate.queryParams),
    port: root.port ?? delegate.port,
    sourceLabels: root.sourceLabels ?? delegate.sourceLabels,
    sourceNamespace: root.sourceNamespace ?? delegate.sourceNamespace,
    gateways: root.gateways ?? delegate.gateways,
  };
}

function expandRule(rule: HttpRule, delegate: RouteTable): HttpRule[] {
  const rootMatches = rule.matches.length > 0 ? rule.matches : [undefined];
  return delegate.http.map((d) => {
    const delegateMatches = d.matches.length > 0 ? d.matches : [undefined];
    const merged = rootMatches.flatMap((r) => delegateMatches.map((m) => mergeMatch(r, m)));
    return { ...d, matches: merged.filter((m): m is HttpMatchCondition => m !== undefined) };
  });
}

/**
 * Replaces delegating rules of root VirtualServices with the merged rules of their delegates. A
 * delegate must have no hosts and be visible to the root's namespace; otherwise the rule is dropped.
 */
export function expandDelegates(tables: readonly RouteTable[]): RouteTable[] {
  const delegates = new Map<string, RouteTable>();
  for (const t of tables) {
    if (t.kind === 'VirtualService' && t.hosts.length === 0) delegates.set(`${t.identity.namespace}/${t.identity.name}`, t);
  }
  return tables.map((table) => {
    if (!table.http.some((r) => r.delegate)) return table;
    const http = table.http.flatMap((rule) => {
      if (!rule.delegate) return [rule];
      const target = delegates.get(`${rule.delegate.namespace}/${rule.delegate.name}`);
      return target && isVisible(target.visibility, table.identity.namespace) ? expandRule(rule, target) : [];
    });
    return { ...table, http };
  });
}
