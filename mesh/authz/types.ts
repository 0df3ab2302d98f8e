/** Public shapes of the authorization model. */

export type AuthorizationAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';

export interface AuthzRequest {
  /** The workload enforcing the policy (the server side). */
  readonly destination: {
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    /**
     * The Gateway API Gateway this workload serves, for `targetRefs` of kind Gateway. Defaults to the
     * `gateway.networking.k8s.io/gateway-name` label.
     */
    readonly gatewayName?: string;
    /** Services (or ServiceEntries) whose waypoint enforces this request, for `targetRefs` of those kinds. */
    readonly serviceNames?: readonly string[];
    readonly ip?: string;
  };
  readonly source: {
    /**
     * The peer identity from mutual TLS, e.g. "cluster.local/ns/bookinfo/sa/bookinfo-reviews" (a
     * "spiffe://" prefix is accepted). Undefined for plaintext: then `principals` and `namespaces`
     * never match, and `notPrincipals` / `notNamespaces` always do.
     */
    readonly principal?: string;
    /** The client's namespace, informational: policies read the namespace from `principal`. */
    readonly namespace?: string;
    /** The peer's IP address (source.ip, ipBlocks). */
    readonly ip?: string;
    /** The original client IP from X-Forwarded-For (remote.ip, remoteIpBlocks); defaults to `ip`. */
    readonly remoteIp?: string;
  };
  readonly request: {
    /** "tcp" traffic has no HTTP attributes; HTTP-only fields then follow Istio's TCP rules. Default "http". */
    readonly protocol?: 'http' | 'tcp';
    readonly method?: string;
    /** Path, query string allowed (ignored for matching). */
    readonly path?: string;
    /** The Host/:authority header as sent, port included when the client sent one. */
    readonly host?: string;
    /** Destination port. */
    readonly port: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly sni?: string;
  };
  /** JWT principal "iss/sub" validated by a RequestAuthentication; undefined when no valid token. */
  readonly requestPrincipal?: string;
  /** Further JWT attributes for `when` conditions. */
  readonly requestAuth?: {
    readonly audiences?: readonly string[];
    readonly presenter?: string;
    readonly claims?: Readonly<Record<string, unknown>>;
  };
}

export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
  readonly action: AuthorizationAction;
}

export interface AuthzDecision {
  readonly allowed: boolean;
  /** The policy that decided, when one did (absent for "no ALLOW policy matched" and default allow). */
  readonly decidingPolicy?: PolicyRef;
  /** Index into the deciding policy's `rules`. */
  readonly ruleIndex?: number;
  readonly reason: string;
  /** AUDIT and dry-run policies that matched; they never change the decision. */
  readonly observedOnly: ReadonlyArray<PolicyRef & { readonly ruleIndex: number; readonly dryRun: boolean }>;
  readonly notes: readonly string[];
}

export interface AuthzOptions {
  /** Istio's root namespace (meshConfig.rootNamespace). Default istio-system. */
  readonly rootNamespace?: string;
  /**
   * Results of external authorizers for CUSTOM policies, by provider name. A matching CUSTOM policy whose
   * provider has no entry here is treated as allowing (the external call is not modelled).
   */
  readonly customProviders?: Readonly<Record<string, 'allow' | 'deny'>>;
}

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';
