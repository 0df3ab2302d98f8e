/** DestinationRules: their host, subsets, overlaps with other rules and TLS towards PeerAuthentication. */

import type { KubeObject } from '../kube-types';
import { isWildcard } from '../routing/hosts';
import { asArray, asObject, asPort, asStringMap, asText } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, type ParsedDr, SECURITY, visibilitiesOverlap } from './context';
import { describeRef, pointer, refOf } from './refs';
import type { CheckFamily, FieldPath, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import type { Workload } from './workloads-index';

const KINDS = ['DestinationRule'];

export const DR_CHECKS = {
  hostNotFound: { code: 'MD2001', severity: 'warning', title: 'DestinationRule host matches no Service or ServiceEntry', kinds: KINDS, istioCode: 'IST0101' },
  subsetNoPods: { code: 'MD2002', severity: 'warning', title: 'DestinationRule subset labels select no pods', kinds: KINDS, istioCode: 'IST0173' },
  conflicting: { code: 'MD2003', severity: 'warning', title: 'Several DestinationRules configure the same host', kinds: KINDS },
  plaintextToStrict: { code: 'MD2004', severity: 'error', title: 'DestinationRule sends plaintext or plain TLS to workloads that require mTLS', kinds: KINDS, istioCode: 'IST0113' },
  mtlsToDisabled: { code: 'MD2005', severity: 'error', title: 'DestinationRule sends Istio mTLS to workloads with mTLS disabled', kinds: KINDS, istioCode: 'IST0113' },
} as const satisfies Record<string, AnalysisCheck>;

const C = DR_CHECKS;
/** Subsets may select by locality or network; those labels come from nodes and endpoints, not pods. */
const TOPOLOGY_LABEL = /^topology\.(kubernetes|istio)\.io\//;

function checkHost(ctx: AnalysisContext, sink: FindingSink, dr: ParsedDr): void {
  if (isWildcard(dr.host) || ctx.registry.lookup(dr.host, dr.namespace)) return;
  sink.report(C.hostNotFound, dr.object, ['spec', 'host'], `Host "${asText(dr.object.spec?.host) ?? ''}" (${dr.host}) matches no Service or ServiceEntry visible in namespace ${dr.namespace}; this rule applies to nothing.`);
}

/** The pods behind a Kubernetes Service host, or undefined when the host is not one. */
function serviceWorkloads(ctx: AnalysisContext, host: string): { service: KubeObject; pods: readonly Workload[]; selector: Record<string, string> } | undefined {
  const service = ctx.serviceForHost(host);
  const selector = asStringMap(asObject(service?.spec)?.selector);
  if (!service || Object.keys(selector).length === 0) return undefined;
  return { service, pods: ctx.workloads.select(service.metadata.namespace ?? 'default', selector), selector };
}

function checkSubsets(ctx: AnalysisContext, sink: FindingSink, dr: ParsedDr): void {
  const backing = serviceWorkloads(ctx, dr.host);
  if (!backing || backing.pods.length === 0) return;
  const namespace = backing.service.metadata.namespace ?? 'default';
  for (const subset of dr.subsets) {
    const podLabels = Object.fromEntries(Object.entries(subset.labels).filter(([k]) => !TOPOLOGY_LABEL.test(k)));
    if (Object.keys(podLabels).length === 0) continue;
    if (ctx.workloads.select(namespace, { ...backing.selector, ...podLabels }).length > 0) continue;
    const labels = Object.entries(subset.labels).map(([k, v]) => `${k}=${v}`).join(', ');
    sink.report(C.subsetNoPods, dr.object, ['spec', 'subsets', subset.index, 'labels'], `Subset "${subset.name}" selects pods with ${labels}, but no pod of ${describeRef(refOf(backing.service))} has them; traffic to it fails with 503.`, {
      related: [backing.service],
    });
  }
}

function checkConflicts(ctx: AnalysisContext, sink: FindingSink): void {
  const byHost = new Map<string, ParsedDr[]>();
  // Istio merges rules for one host only within a namespace; across namespaces the lookup order decides.
  for (const dr of ctx.destinationRules) if (!dr.workloadSelector) pushTo(byHost, `${dr.namespace}/${dr.host}`, dr);
  for (const rules of byHost.values()) {
    if (rules.length < 2) continue;
    for (const dr of rules) {
      if (!sink.wants(dr.object)) continue;
      const names = new Set(dr.subsets.map((s) => s.name));
      const conflicts = rules.filter(
        (o) => o !== dr && visibilitiesOverlap(dr.visibility, o.visibility) && ((o.object.spec?.trafficPolicy !== undefined && dr.object.spec?.trafficPolicy !== undefined) || o.subsets.some((s) => names.has(s.name))),
      );
      if (conflicts.length === 0) continue;
      sink.report(C.conflicting, dr.object, ['spec', 'host'], `${dr.host} is also configured by ${conflicts.map((o) => describeRef(refOf(o.object))).join(', ')} in namespace ${dr.namespace}; Istio merges them, keeping only the oldest top-level traffic policy and the first subset of each name. Merge them into one DestinationRule.`, {
        related: conflicts.map((o) => o.object),
      });
    }
  }
}

interface TlsSetting {
  readonly mode: string;
  readonly path: FieldPath;
  /** undefined = every port */
  readonly port?: number;
}

function tlsSettings(dr: ParsedDr): TlsSetting[] {
  const policy = asObject(dr.object.spec?.trafficPolicy);
  const out: TlsSetting[] = [];
  const mode = asText(asObject(policy?.tls)?.mode);
  if (mode) out.push({ mode, path: ['spec', 'trafficPolicy', 'tls', 'mode'] });
  asArray(policy?.portLevelSettings).forEach((raw, i) => {
    const setting = asObject(raw);
    const portMode = asText(asObject(setting?.tls)?.mode);
    const port = asPort(asObject(setting?.port)?.number);
    if (portMode && port !== undefined) out.push({ mode: portMode, port, path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode'] });
  });
  return out;
}

/** Service port → the workload (target) port PeerAuthentication is keyed by. */
function targetPorts(service: KubeObject, port: number | undefined): number[] {
  return asArray(service.spec?.ports).flatMap((raw) => {
    const p = asObject(raw);
    const number = asPort(p?.port);
    if (number === undefined || (port !== undefined && number !== port)) return [];
    return [asPort(p?.targetPort) ?? number];
  });
}

function checkTls(ctx: AnalysisContext, sink: FindingSink, dr: ParsedDr): void {
  const settings = tlsSettings(dr);
  const backing = settings.length > 0 ? serviceWorkloads(ctx, dr.host) : undefined;
  if (!backing) return;
  const pods = backing.pods.filter((p) => p.hasProxy && !ctx.isAmbient(p.namespace));
  for (const setting of settings) {
    const plain = setting.mode === 'DISABLE' || setting.mode === 'SIMPLE';
    if (!plain && setting.mode !== 'ISTIO_MUTUAL') continue;
    const wanted = plain ? 'STRICT' : 'DISABLE';
    for (const port of targetPorts(backing.service, setting.port)) {
      const hit = pods.map((p) => ctx.peerAuthentication(p, port)).find((r) => r.mode === wanted);
      if (!hit) continue;
      const pa = hit.policy ? ctx.get(SECURITY, 'PeerAuthentication', hit.policy.namespace, hit.policy.name) : undefined;
      const replacement = plain ? 'ISTIO_MUTUAL' : 'DISABLE';
      sink.report(
        plain ? C.plaintextToStrict : C.mtlsToDisabled,
        dr.object,
        setting.path,
        plain
          ? `TLS mode ${setting.mode} towards ${dr.host}, but its workloads require mutual TLS (STRICT) on port ${port}; requests will be rejected.`
          : `TLS mode ISTIO_MUTUAL towards ${dr.host}, but its workloads have mutual TLS disabled on port ${port}; connections will fail.`,
        { related: [...(pa ? [pa] : []), backing.service], fix: { description: `Set the TLS mode to ${replacement}`, patch: [{ op: 'replace', path: pointer(setting.path), value: replacement }] } },
      );
      break;
    }
  }
}

export const destinationRuleFamily: CheckFamily = {
  checks: Object.values(DR_CHECKS),
  run(ctx, sink) {
    for (const dr of ctx.destinationRules) {
      if (!sink.wants(dr.object)) continue;
      checkHost(ctx, sink, dr);
      checkSubsets(ctx, sink, dr);
      checkTls(ctx, sink, dr);
    }
    checkConflicts(ctx, sink);
  },
};
