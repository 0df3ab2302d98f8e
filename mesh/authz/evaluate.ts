/**
 * evaluateAuthorization: Istio's decision for one request at one workload.
 *
 * Which policies apply: those in the root namespace without selector (mesh-wide), those in the
 * workload's namespace without selector (namespace-wide), and those whose selector matches the workload
 * labels (from its namespace or the root namespace) or whose targetRefs name the workload's Gateway
 * or Service. A policy with both selector and targetRefs is invalid and ignored.
 *
 * Order: CUSTOM (a matching CUSTOM policy asks its provider), then DENY (any match denies), then ALLOW
 * (if any ALLOW policy applies, one of its rules must match; an ALLOW policy without rules matches
 * nothing, so `spec: {}` denies everything: "allow-nothing"). AUDIT and dry-run policies are reported,
 * never enforced. A rule without from/to/when matches every request.
 */

import type { KubeObject } from '../kube-types';
import { DEFAULT_ROOT_NAMESPACE } from '../routing/hosts';
import { compareByAge, selectorMatches } from '../routing/objects';
import { type ParsedPolicy, parseAuthorizationPolicy } from './policy';
import { type RequestAttributes, attributesOf, ruleMatches } from './rule-match';
import type { AuthorizationAction, AuthzDecision, AuthzOptions, AuthzRequest, PolicyRef } from './types';

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

type Destination = AuthzRequest['destination'];

function targetRefMatches(policy: ParsedPolicy, dest: Destination): boolean {
  if (policy.identity.namespace !== dest.namespace) return false;
  const gateway = dest.gatewayName ?? dest.labels[GATEWAY_NAME_LABEL];
  return policy.targetRefs.some((ref) =>
    ref.kind === 'Gateway' ? ref.name === gateway : (ref.kind === 'Service' || ref.kind === 'ServiceEntry') && (dest.serviceNames ?? []).includes(ref.name),
  );
}

function policyApplies(policy: ParsedPolicy, dest: Destination, rootNamespace: string): boolean {
  const ns = policy.identity.namespace;
  if (policy.invalid || (ns !== rootNamespace && ns !== dest.namespace)) return false;
  if (policy.targetRefs.length > 0) return targetRefMatches(policy, dest);
  if (policy.selector === undefined) return true;
  return selectorMatches(policy.selector, dest.labels);
}

/** The AuthorizationPolicies that apply to a workload, oldest first (for listing in the console). */
export function authorizationPoliciesFor(policies: readonly KubeObject[], destination: Destination, options: AuthzOptions = {}): KubeObject[] {
  const root = options.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
  return policies
    .map((obj) => ({ obj, parsed: parseAuthorizationPolicy(obj) }))
    .filter(({ parsed }) => policyApplies(parsed, destination, root))
    .sort((a, b) => compareByAge(a.parsed.identity, b.parsed.identity))
    .map(({ obj }) => obj);
}

interface Match {
  readonly policy: ParsedPolicy;
  readonly ruleIndex: number;
}

function firstMatchingRule(policy: ParsedPolicy, attrs: RequestAttributes, notes: string[]): number {
  return policy.rules.findIndex((rule) => ruleMatches(rule, attrs, policy.action, policy.identity.namespace, notes));
}

function refOf(policy: ParsedPolicy): PolicyRef {
  return { namespace: policy.identity.namespace, name: policy.identity.name, action: policy.action };
}

const label = (m: Match): string => `${m.policy.action} policy ${m.policy.identity.namespace}/${m.policy.identity.name} rule ${m.ruleIndex}`;

const parsedCache = new WeakMap<readonly KubeObject[], readonly ParsedPolicy[]>();

/** Parsed policies, oldest first; cached while the same array is passed again. */
function parsedPolicies(policies: readonly KubeObject[]): readonly ParsedPolicy[] {
  let parsed = parsedCache.get(policies);
  if (!parsed) {
    parsed = policies.map(parseAuthorizationPolicy).sort((a, b) => compareByAge(a.identity, b.identity));
    parsedCache.set(policies, parsed);
  }
  return parsed;
}

/**
 * Evaluates AuthorizationPolicies (all of them; applicability is decided here) for one request.
 * Policies are considered oldest first, so the reported policy is the oldest that decided. Parsing is
 * cached per `policies` array, so pass the same array for many requests.
 */
export function evaluateAuthorization(policies: readonly KubeObject[], request: AuthzRequest, options: AuthzOptions = {}): AuthzDecision {
  const root = options.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
  const notes: string[] = [];
  const attrs = attributesOf(request);
  const applicable = parsedPolicies(policies).filter((p) => policyApplies(p, request.destination, root));

  const observedOnly: Array<PolicyRef & { ruleIndex: number; dryRun: boolean }> = [];
  const matches = (action: AuthorizationAction): Match[] => {
    const out: Match[] = [];
    for (const policy of applicable.filter((p) => p.action === action)) {
      const ruleIndex = firstMatchingRule(policy, attrs, notes);
      if (ruleIndex < 0) continue;
      if (policy.dryRun || action === 'AUDIT') observedOnly.push({ ...refOf(policy), ruleIndex, dryRun: policy.dryRun });
      else out.push({ policy, ruleIndex });
    }
    return out;
  };
  const decide = (allowed: boolean, reason: string, m?: Match): AuthzDecision => ({
    allowed,
    decidingPolicy: m ? refOf(m.policy) : undefined,
    ruleIndex: m?.ruleIndex,
    reason,
    observedOnly,
    notes,
  });

  matches('AUDIT');
  for (const m of matches('CUSTOM')) {
    const provider = m.policy.provider ?? '';
    const result = options.customProviders?.[provider];
    if (result === 'deny') return decide(false, `denied by the external authorizer "${provider}" of ${label(m)}`, m);
    notes.push(`${label(m)} matched; external authorizer "${provider}" ${result === 'allow' ? 'allowed' : 'assumed to allow'}`);
  }

  const deny = matches('DENY')[0];
  if (deny) return decide(false, `denied by ${label(deny)}`, deny);

  const allowPolicies = applicable.filter((p) => p.action === 'ALLOW' && !p.dryRun);
  const allow = matches('ALLOW')[0];
  if (allow) return decide(true, `allowed by ${label(allow)}`, allow);
  if (allowPolicies.length === 0) return decide(true, 'allowed: no ALLOW policy applies to the workload');
  const nothing = allowPolicies.filter((p) => p.rules.length === 0).map((p) => `${p.identity.namespace}/${p.identity.name}`);
  if (nothing.length > 0) notes.push(`ALLOW policy ${nothing.join(', ')} has no rules: it allows nothing`);
  return decide(false, `denied: ${allowPolicies.length} ALLOW ${allowPolicies.length === 1 ? 'policy applies' : 'policies apply'} but none matches the request`);
}
