/**
 * The internal, normalized form of route configuration. VirtualServices and Gateway API routes are both
 * parsed into it, so matching and decisions are written once.
 */

import type { Visibility } from './hosts';
import type { ObjectIdentity } from './objects';
import type { StringMatcher } from './string-match';
import type { MatchedRule, RetryDecision } from './types';

/** A header or query parameter condition; header names are stored lower-case. */
export interface NamedCondition {
  readonly name: string;
  readonly matcher: StringMatcher;
}

export interface UriCondition {
  readonly matcher: StringMatcher;
  /** Gateway API prefix semantics: "/foo" matches "/foo" and "/foo/bar", not "/foobar". */
  readonly segmentPrefix: boolean;
}

export interface HttpMatchCondition {
  readonly uri?: UriCondition;
  readonly ignoreUriCase: boolean;
  readonly scheme?: StringMatcher;
  readonly method?: StringMatcher;
  readonly authority?: StringMatcher;
  readonly headers: readonly NamedCondition[];
  readonly withoutHeaders: readonly NamedCondition[];
  readonly queryParams: readonly NamedCondition[];
  /** Source-side conditions, checked when route tables are selected for a proxy. */
  readonly port?: number;
  readonly sourceLabels?: Readonly<Record<string, string>>;
  readonly sourceNamespace?: string;
  /** Resolved gateway names; when present they replace the source label/namespace conditions. */
  readonly gateways?: readonly string[];
}

export interface HeaderOps {
  readonly set: Readonly<Record<string, string>>;
  readonly add: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

export interface WeightedDestination {
  /** Resolved host: FQDN, wildcard-free for services. */
  readonly host: string;
  readonly port?: number;
  readonly subset?: string;
  readonly weight: number;
  readonly requestHeaders?: HeaderOps;
  readonly responseHeaders?: HeaderOps;
}

export interface FaultSpec {
  readonly delay?: { readonly fixedDelayMs: number; readonly percentage: number };
  readonly abort?: { readonly httpStatus?: number; readonly grpcStatus?: string; readonly percentage: number };
}

export interface MirrorSpec {
  readonly host: string;
  readonly port?: number;
  readonly subset?: string;
  readonly percentage: number;
}

export interface RedirectSpec {
  readonly uri?: string;
  /** Replace only the matched prefix of the path (Gateway API ReplacePrefixMatch). */
  readonly replacePrefix?: string;
  readonly authority?: string;
  readonly scheme?: string;
  readonly port?: number | 'FROM_REQUEST_PORT';
  readonly status: number;
}

export type PathRewrite =
  /** Replace the matched prefix (the whole path for an exact match). */
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'full'; readonly value: string }
  | { readonly kind: 'regex'; readonly regex: RegExp | undefined; readonly substitution: string };

export interface RewriteSpec {
  readonly path?: PathRewrite;
  readonly authority?: string;
}

export type HttpAction =
  | { readonly kind: 'route'; readonly destinations: readonly WeightedDestination[] }
  | { readonly kind: 'redirect'; readonly redirect: RedirectSpec }
  | { readonly kind: 'directResponse'; readonly status: number; readonly body?: string };

/** Where a rule came from, for the decision's `matched` field. */
export type RuleOrigin = Omit<MatchedRule, 'matchIndex'> & { readonly matchIndex?: number };

export interface HttpRule {
  readonly origin: RuleOrigin;
  /** Empty: matches every request. Otherwise any one condition must hold. */
  readonly matches: readonly HttpMatchCondition[];
  readonly action: HttpAction;
  readonly fault?: FaultSpec;
  /** The retry policy in effect (Istio's default when none is written); undefined when disabled. */
  readonly retries: RetryDecision | undefined;
  readonly timeoutMs?: number;
  readonly mirrors: readonly MirrorSpec[];
  readonly rewrite?: RewriteSpec;
  readonly requestHeaders?: HeaderOps;
  readonly responseHeaders?: HeaderOps;
  /** Gateway API semantics (prefix matching, redirect defaults, precedence sorting). */
  readonly gatewaySemantics: boolean;
  /** A root VirtualService rule handing its matches to a delegate VirtualService; expanded at indexing. */
  readonly delegate?: { readonly namespace: string; readonly name: string };
}

export interface L4MatchCondition {
  readonly port?: number;
  readonly sourceLabels?: Readonly<Record<string, string>>;
  readonly sourceNamespace?: string;
  readonly gateways?: readonly string[];
  /** TLS routes only: SNI hosts, possibly wildcards. */
  readonly sniHosts?: readonly string[];
}

export interface L4Rule {
  readonly origin: RuleOrigin;
  readonly matches: readonly L4MatchCondition[];
  readonly destinations: readonly WeightedDestination[];
}

/** One VirtualService, or the Gateway API routes Istio merges for one parent and host. */
export interface RouteTable {
  readonly kind: MatchedRule['kind'];
  readonly identity: ObjectIdentity;
  /** Resolved hosts: FQDNs or wildcards. */
  readonly hosts: readonly string[];
  /** "mesh" and/or resolved gateway names ("ns/name", or "gateway-api:ns/name"). */
  readonly gateways: ReadonlySet<string>;
  readonly visibility: Visibility;
  readonly gatewaySemantics: boolean;
  readonly http: readonly HttpRule[];
  readonly tcp: readonly L4Rule[];
  readonly tls: readonly L4Rule[];
}

export const MESH_GATEWAY = 'mesh';
export const GATEWAY_API_PREFIX = 'gateway-api:';
