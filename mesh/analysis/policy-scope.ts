/** Workload selectors of policies: selectors that pick nothing, and several namespace-wide policies. */

import type { KubeObject } from '../kube-types';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING, SECURITY, TELEMETRY, EXTENSIONS } from './context';
import { describeRef, refOf } from './refs';
import { hasSelector, selectedWorkloads, selectorOf } from './selection';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import type { Workload } from './workloads-index';

export const POLICY_SCOPE_CHECKS = {
  selectsNothing: {
    code: 'MD6008',
    severity: 'warning',
    title: 'Workload selector matches no workload',
    kinds: ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication', 'Sidecar', 'EnvoyFilter', 'Telemetry', 'WasmPlugin', 'DestinationRule'],
    istioCode: 'IST0127',
  },
  multiplePeerAuthn: { code: 'MD6009', severity: 'warning', title: 'Several namespace-wide PeerAuthentications in one namespace', kinds: ['PeerAuthentication'] },
  multipleRequestAuthn: { code: 'MD6011', severity: 'info', title: 'Several namespace-wide RequestAuthentications in one namespace', kinds: ['RequestAuthentication'] },
  multipleSidecars: { code: 'MD7001', severity: 'error', title: 'Several Sidecars without a workload selector in one namespace', kinds: ['Sidecar'], istioCode: 'IST0111' },
  overlappingSidecars: { code: 'MD7005', severity: 'error', title: 'Several Sidecars select the same workload', kinds: ['Sidecar'], istioCode: 'IST0110' },
  multipleTelemetries: { code: 'MD7002', severity: 'error', title: 'Several Telemetries without a selector in one namespace', kinds: ['Telemetry'], istioCode: 'IST0160' },
} as const satisfies Record<string, AnalysisCheck>;

const C = POLICY_SCOPE_CHECKS;

const SELECTOR_KINDS: ReadonlyArray<readonly [string, string]> = [
  [SECURITY, 'AuthorizationPolicy'],
  [SECURITY, 'PeerAuthentication'],
  [SECURITY, 'RequestAuthentication'],
  [NETWORKING, 'Sidecar'],
  [NETWORKING, 'EnvoyFilter'],
  [NETWORKING, 'DestinationRule'],
  [TELEMETRY, 'Telemetry'],
  [EXTENSIONS, 'WasmPlugin'],
];

const NAMESPACE_WIDE: ReadonlyArray<readonly [string, string, AnalysisCheck, string]> = [
  [SECURITY, 'PeerAuthentication', C.multiplePeerAuthn, 'only the oldest one takes effect'],
  [SECURITY, 'RequestAuthentication', C.multipleRequestAuthn, 'their JWT rules are combined; keeping them in one object is clearer'],
  [NETWORKING, 'Sidecar', C.multipleSidecars, 'Istio picks one of them arbitrarily'],
  [TELEMETRY, 'Telemetry', C.multipleTelemetries, 'Istio picks one of them arbitrarily'],
];

function checkSelector(ctx: AnalysisContext, sink: FindingSink, object: KubeObject): void {
  const selector = selectorOf(object);
  if (!selector || Object.keys(selector.labels).length === 0 || !ctx.knowsWorkloads) return;
  if (selectedWorkloads(ctx, object).length > 0) return;
  const labels = Object.entries(selector.labels).map(([k, v]) => `${k}=${v}`).join(', ');
  sink.report(C.selectsNothing, object, selector.path, `No workload in namespace ${object.metadata.namespace ?? 'default'} has the labels ${labels}; this ${object.kind} applies to nothing.`);
}

function checkNamespaceWide(ctx: AnalysisContext, sink: FindingSink, group: string, kind: string, check: AnalysisCheck, consequence: string): void {
  const byNamespace = new Map<string, KubeObject[]>();
  for (const object of ctx.of(group, kind)) {
    const selector = selectorOf(object);
    if (selector && Object.keys(selector.labels).length > 0) continue;
    if (object.spec?.targetRef !== undefined || object.spec?.targetRefs !== undefined) continue;
    const ns = object.metadata.namespace ?? 'default';
    pushTo(byNamespace, ns, object);
  }
  for (const [ns, objects] of byNamespace) {
    if (objects.length < 2) continue;
    for (const object of objects) {
      const others = objects.filter((o) => o !== object);
      const scope = ns === ctx.rootNamespace ? `the root namespace ${ns} (mesh-wide)` : `namespace ${ns}`;
      sink.report(check, object, [], `${kind}s ${[object, ...others].map((o) => describeRef(refOf(o))).join(', ')} all apply to every workload of ${scope}; ${consequence}. Keep one, or add a selector.`, { related: others });
    }
  }
}

/** Sidecars with selectors that pick the same pod: the proxy gets one of them, which one is undefined. */
function checkOverlappingSidecars(ctx: AnalysisContext, sink: FindingSink): void {
  const bySidecar = new Map<KubeObject, Set<KubeObject>>();
  const byWorkload = new Map<Workload, KubeObject[]>();
  for (const sidecar of ctx.of(NETWORKING, 'Sidecar')) {
    if (!hasSelector(sidecar)) continue;
    for (const w of selectedWorkloads(ctx, sidecar)) pushTo(byWorkload, w, sidecar);
  }
  const example = new Map<KubeObject, Workload>();
  for (const [workload, sidecars] of byWorkload) {
    if (sidecars.length < 2) continue;
    for (const s of sidecars) {
      const others = bySidecar.get(s) ?? new Set<KubeObject>();
      for (const o of sidecars) if (o !== s) others.add(o);
      bySidecar.set(s, others);
      if (!example.has(s)) example.set(s, workload);
    }
  }
  for (const [sidecar, others] of bySidecar) {
    const pod = example.get(sidecar);
    sink.report(C.overlappingSidecars, sidecar, selectorOf(sidecar)?.path ?? [], `This Sidecar and ${[...others].map((o) => describeRef(refOf(o))).join(', ')} select the same workloads (e.g. ${pod?.kind ?? 'Pod'} ${pod?.name ?? ''}); which one a proxy uses is undefined. Make the selectors disjoint.`, {
      related: [...others],
    });
  }
}

export const policyScopeFamily: CheckFamily = {
  checks: Object.values(POLICY_SCOPE_CHECKS),
  run(ctx, sink) {
    for (const [group, kind] of SELECTOR_KINDS) for (const object of ctx.of(group, kind)) if (sink.wants(object)) checkSelector(ctx, sink, object);
    for (const [group, kind, check, consequence] of NAMESPACE_WIDE) checkNamespaceWide(ctx, sink, group, kind, check, consequence);
    if (sink.wantsKind('Sidecar')) checkOverlappingSidecars(ctx, sink);
  },
};
