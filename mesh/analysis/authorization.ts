/** AuthorizationPolicies: names they refer to, mTLS they depend on, empty rules and conditions. */

import { principalParts } from '../authz/values';
import type { KubeObject } from '../kube-types';
import { asArray, asObject, asStringArray, asText } from '../routing/narrow';
import { type AnalysisContext, SECURITY } from './context';
import { pointer } from './refs';
import { hasSelector, policyApplies, selectedWorkloads } from './selection';
import type { CheckFamily, FieldPath, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import type { Workload } from './workloads-index';

const KINDS = ['AuthorizationPolicy'];

export const AUTHZ_CHECKS = {
  unknownNamespace: { code: 'MD6001', severity: 'warning', title: 'AuthorizationPolicy names a namespace that does not exist', kinds: KINDS },
  unknownPrincipal: { code: 'MD6002', severity: 'warning', title: 'AuthorizationPolicy names a service account that does not exist', kinds: KINDS },
  mtlsDisabled: { code: 'MD6003', severity: 'error', title: 'mTLS-only source fields on workloads with mTLS disabled', kinds: KINDS },
  plaintextBypass: { code: 'MD6004', severity: 'warning', title: 'Peer-identity rule that plaintext clients slip through (PERMISSIVE mTLS)', kinds: KINDS },
  allowNothing: { code: 'MD6005', severity: 'warning', title: 'ALLOW policy without rules denies every request', kinds: KINDS },
  denyNothing: { code: 'MD6006', severity: 'info', title: 'DENY or AUDIT policy without rules never matches', kinds: KINDS },
  unknownConditionKey: { code: 'MD6007', severity: 'warning', title: 'AuthorizationPolicy condition uses an unknown key', kinds: KINDS },
} as const satisfies Record<string, AnalysisCheck>;

const C = AUTHZ_CHECKS;

const MTLS_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts'];
const MTLS_KEYS = new Set(['source.principal', 'source.namespace']);
const PLAIN_KEYS = new Set([
  'source.ip', 'remote.ip', 'source.principal', 'source.namespace', 'destination.ip', 'destination.port',
  'connection.sni', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter',
]);
const KEY_PREFIXES = ['request.headers[', 'request.auth.claims[', 'request.experimental.auth.claims[', 'experimental.envoy.filters.'];

interface SourceField {
  readonly field: string;
  readonly values: readonly string[];
  readonly path: FieldPath;
}

function sourceFields(policy: KubeObject): SourceField[] {
  const out: SourceField[] = [];
  asArray(policy.spec?.rules).forEach((rule, i) =>
    asArray(asObject(rule)?.from).forEach((from, j) => {
      const source = asObject(asObject(from)?.source);
      for (const field of Object.keys(source ?? {})) {
        out.push({ field, values: asStringArray(source?.[field]), path: ['spec', 'rules', i, 'from', j, 'source', field] });
      }
    }),
  );
  return out;
}

function conditionKeys(policy: KubeObject): Array<{ key: string; path: FieldPath; negative: boolean }> {
  return asArray(policy.spec?.rules).flatMap((rule, i) =>
    asArray(asObject(rule)?.when).flatMap((raw, j) => {
      const cond = asObject(raw);
      const key = asText(cond?.key);
      const negative = asStringArray(cond?.values).length === 0 && asStringArray(cond?.notValues).length > 0;
      return key ? [{ key, path: ['spec', 'rules', i, 'when', j, 'key'], negative }] : [];
    }),
  );
}

function checkNames(ctx: AnalysisContext, sink: FindingSink, policy: KubeObject): void {
  const policyNs = policy.metadata.namespace ?? 'default';
  for (const { field, values, path } of sourceFields(policy)) {
    values.forEach((value, k) => {
      if (value.includes('*')) return;
      if ((field === 'namespaces' || field === 'notNamespaces') && ctx.namespaces.size > 0 && !ctx.namespaces.has(value)) {
        sink.report(C.unknownNamespace, policy, [...path, k], `Namespace "${value}" in ${field} does not exist.`);
      }
      let sa: { namespace?: string; serviceAccount?: string } = {};
      if (field === 'principals' || field === 'notPrincipals') sa = principalParts(value);
      if (field === 'serviceAccounts' || field === 'notServiceAccounts') {
        const slash = value.indexOf('/');
        sa = slash < 0 ? { namespace: policyNs, serviceAccount: value } : { namespace: value.slice(0, slash), serviceAccount: value.slice(slash + 1) };
      }
      if (sa.namespace && sa.serviceAccount && ctx.knowsServiceAccounts && !ctx.serviceAccounts.has(`${sa.namespace}/${sa.serviceAccount}`)) {
        sink.report(C.unknownPrincipal, policy, [...path, k], `${field} entry "${value}" names service account ${sa.namespace}/${sa.serviceAccount}, which does not exist.`);
      }
    });
  }
}

/** The workloads a policy governs: selected ones, or the namespace's, or the whole mesh's from the root namespace. */
function governed(ctx: AnalysisContext, policy: KubeObject): readonly Workload[] {
  if (hasSelector(policy)) return selectedWorkloads(ctx, policy);
  const ns = policy.metadata.namespace ?? 'default';
  const all = ns === ctx.rootNamespace ? ctx.workloads.select('*', {}) : ctx.workloads.inNamespace(ns);
  return all.filter((w) => policyApplies(ctx, policy, w));
}

function checkMtls(ctx: AnalysisContext, sink: FindingSink, policy: KubeObject): void {
  if (policy.spec?.targetRefs !== undefined || policy.spec?.targetRef !== undefined) return;
  const fields: Array<{ path: FieldPath; negative: boolean }> = [
    ...sourceFields(policy).filter((f) => MTLS_FIELDS.includes(f.field) && f.values.length > 0).map((f) => ({ path: f.path, negative: f.field.startsWith('not') })),
    ...conditionKeys(policy).filter((c) => MTLS_KEYS.has(c.key)),
  ];
  const first = fields[0];
  if (!first) return;
  // A plaintext peer has no identity: it never matches a positive list and always matches a negative one.
  // So it escapes a DENY on a positive list, and passes an ALLOW on a negative one.
  const action = asText(policy.spec?.action) ?? 'ALLOW';
  const bypass = fields.find((f) => (action === 'DENY' && !f.negative) || (action === 'ALLOW' && f.negative));
  const modes = governed(ctx, policy)
    .filter((w) => w.hasProxy && !ctx.isAmbient(w.namespace))
    .map((w) => ctx.peerAuthentication(w));
  const relatedPa = (mode: string) => {
    const hit = modes.find((m) => m.mode === mode)?.policy;
    const pa = hit ? ctx.get(SECURITY, 'PeerAuthentication', hit.namespace, hit.name) : undefined;
    return pa ? [pa] : [];
  };
  if (modes.some((m) => m.mode === 'DISABLE')) {
    sink.report(C.mtlsDisabled, policy, first.path, 'Peer identity fields (principals, namespaces, service accounts) need mutual TLS, but mTLS is DISABLE for workloads this policy applies to; they never match there.', { related: relatedPa('DISABLE') });
  } else if (bypass && modes.some((m) => m.mode === 'PERMISSIVE')) {
    const outcome = action === 'DENY' ? 'matches no plaintext client, so plaintext requests are not denied' : 'matches every plaintext client, so plaintext requests are allowed';
    sink.report(C.plaintextBypass, policy, bypass.path, `mTLS is PERMISSIVE for workloads this ${action} policy applies to, and this peer-identity condition ${outcome}. Require STRICT mTLS for them.`, { related: relatedPa('PERMISSIVE') });
  }
}

function checkRulesAndKeys(sink: FindingSink, policy: KubeObject): void {
  const action = asText(policy.spec?.action) ?? 'ALLOW';
  const rules = asArray(policy.spec?.rules);
  if (rules.length === 0 && action === 'ALLOW') {
    sink.report(C.allowNothing, policy, ['spec'], 'An ALLOW policy without rules matches no request, so every request to the workloads it selects is denied. If that is the intent, keep it; to allow everything, add an empty rule ({}).', {
      fix: { description: 'Allow every request (add an empty rule)', patch: [{ op: 'add', path: pointer(['spec', 'rules']), value: [{}] }] },
    });
  }
  if (rules.length === 0 && (action === 'DENY' || action === 'AUDIT')) {
    sink.report(C.denyNothing, policy, ['spec'], `A ${action} policy without rules matches no request and has no effect.`);
  }
  for (const { key, path } of conditionKeys(policy)) {
    if (PLAIN_KEYS.has(key) || KEY_PREFIXES.some((p) => key.startsWith(p))) continue;
    sink.report(C.unknownConditionKey, policy, path, `Condition key "${key}" is not one Istio supports (e.g. request.headers[name], source.ip, source.namespace, request.auth.claims[name]); the rule cannot match.`);
  }
}

export const authorizationFamily: CheckFamily = {
  checks: Object.values(AUTHZ_CHECKS),
  run(ctx, sink) {
    for (const policy of ctx.of(SECURITY, 'AuthorizationPolicy')) {
      if (!sink.wants(policy)) continue;
      checkNames(ctx, sink, policy);
      checkMtls(ctx, sink, policy);
      checkRulesAndKeys(sink, policy);
    }
  },
};
