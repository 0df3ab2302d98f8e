/** Proxy configuration: Sidecar egress imports, EnvoyFilters and PeerAuthentication port settings. */

import type { KubeObject } from '../kube-types';
import { hostIntersection } from '../routing/hosts';
import { parseNamespacedHost } from '../routing/istio-gateways';
import { asArray, asObject, asStringArray, objectEntries } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING, SECURITY } from './context';
import { hasSelector, selectedWorkloads, selectorOf } from './selection';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';

export const PROXY_CONFIG_CHECKS = {
  egressMatchesNothing: { code: 'MD7003', severity: 'warning', title: 'Sidecar egress host matches no service', kinds: ['Sidecar'] },
  meshWideEnvoyFilter: { code: 'MD7004', severity: 'info', title: 'EnvoyFilter without workloadSelector in the root namespace patches every proxy', kinds: ['EnvoyFilter'] },
  portMtlsNotExposed: { code: 'MD6010', severity: 'warning', title: 'PeerAuthentication port-level mTLS on a port the workload does not expose', kinds: ['PeerAuthentication'] },
} as const satisfies Record<string, AnalysisCheck>;

const C = PROXY_CONFIG_CHECKS;

/** Every host of the registry by the namespace that defines it. */
function hostsByNamespace(ctx: AnalysisContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (ns: string, host: string) => pushTo(out, ns, host.toLowerCase());
  for (const svc of ctx.of('', 'Service')) {
    const ns = svc.metadata.namespace ?? 'default';
    add(ns, `${svc.metadata.name ?? ''}.${ns}.svc.${ctx.domain}`);
  }
  for (const se of ctx.of(NETWORKING, 'ServiceEntry')) for (const h of asStringArray(se.spec?.hosts)) add(se.metadata.namespace ?? 'default', h);
  return out;
}

function checkEgress(sink: FindingSink, sidecar: KubeObject, hosts: Map<string, string[]>): void {
  const own = sidecar.metadata.namespace ?? 'default';
  asArray(sidecar.spec?.egress).forEach((raw, i) =>
    asStringArray(asObject(raw)?.hosts).forEach((entry, j) => {
      const { namespace, host } = parseNamespacedHost(entry, own);
      if (namespace === '~') return;
      const candidates = namespace === '*' ? [...hosts.values()].flat() : (hosts.get(namespace) ?? []);
      if (candidates.some((h) => hostIntersection(host, h) !== undefined)) return;
      sink.report(C.egressMatchesNothing, sidecar, ['spec', 'egress', i, 'hosts', j], `Egress host "${entry}" matches no Service or ServiceEntry${namespace === '*' ? '' : ` in namespace ${namespace}`}; it imports nothing.`);
    }),
  );
}

function checkPortMtls(ctx: AnalysisContext, sink: FindingSink, pa: KubeObject): void {
  const ports = objectEntries(pa.spec?.portLevelMtls);
  if (ports.length === 0 || !hasSelector(pa)) return;
  const workloads = selectedWorkloads(ctx, pa);
  if (workloads.length === 0) return;
  for (const [port] of ports) {
    const n = Number(port);
    if (workloads.some((w) => w.containerPorts.size === 0 || w.containerPorts.has(n))) continue;
    const exposed = [...new Set(workloads.flatMap((w) => [...w.containerPorts]))].sort((a, b) => a - b);
    sink.report(C.portMtlsNotExposed, pa, ['spec', 'portLevelMtls', port], `Port ${port} is not a container port of the selected workloads (they expose ${exposed.join(', ')}); port-level settings use the workload port, not the Service port.`, {
      related: workloads.slice(0, 5).map((w) => w.object),
    });
  }
}

export const proxyConfigFamily: CheckFamily = {
  checks: Object.values(PROXY_CONFIG_CHECKS),
  run(ctx, sink) {
    const sidecars = ctx.of(NETWORKING, 'Sidecar').filter((s) => sink.wants(s));
    if (sidecars.length > 0) {
      const hosts = hostsByNamespace(ctx);
      for (const sidecar of sidecars) checkEgress(sink, sidecar, hosts);
    }
    for (const filter of ctx.of(NETWORKING, 'EnvoyFilter')) {
      if (!sink.wants(filter) || filter.metadata.namespace !== ctx.rootNamespace || selectorOf(filter)) continue;
      sink.report(C.meshWideEnvoyFilter, filter, ['spec'], `EnvoyFilter in the root namespace ${ctx.rootNamespace} without a workloadSelector patches every proxy in the mesh.`);
    }
    for (const pa of ctx.of(SECURITY, 'PeerAuthentication')) if (sink.wants(pa)) checkPortMtls(ctx, sink, pa);
  },
};
