/** Services and workloads: port naming, injection of namespaces config relies on, pods without proxy. */

import type { KubeObject } from '../kube-types';
import { asArray, asObject, asText } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING, SECURITY } from './context';
import { pointer } from './refs';
import { selectorOf } from './selection';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import { routeLists } from './vs-read';

export const WORKLOAD_CHECKS = {
  portName: { code: 'MD8001', severity: 'info', title: 'Service port name has no protocol prefix and no appProtocol', kinds: ['Service'], istioCode: 'IST0118' },
  namespaceNotInjected: { code: 'MD8002', severity: 'warning', title: 'Namespace without sidecar injection or ambient holds workloads that config targets', kinds: ['Namespace'], istioCode: 'IST0102' },
  podWithoutProxy: { code: 'MD8003', severity: 'warning', title: 'Pod in an injected namespace runs without a sidecar', kinds: ['Pod'], istioCode: 'IST0103' },
} as const satisfies Record<string, AnalysisCheck>;

const C = WORKLOAD_CHECKS;

const PROTOCOLS = ['http', 'http2', 'https', 'grpc', 'grpc-web', 'h2c', 'tcp', 'tls', 'udp', 'mongo', 'mysql', 'redis'];
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

function hasProtocolPrefix(name: string): boolean {
  const n = name.toLowerCase();
  return PROTOCOLS.some((p) => n === p || n.startsWith(`${p}-`));
}

function checkPorts(sink: FindingSink, service: KubeObject): void {
  asArray(service.spec?.ports).forEach((raw, i) => {
    const port = asObject(raw);
    if (!port || asText(port.appProtocol)) return;
    const name = asText(port.name) ?? '';
    if (hasProtocolPrefix(name)) return;
    sink.report(C.portName, service, ['spec', 'ports', i, name ? 'name' : 'port'], `Port ${String(port.port)}${name ? ` is named "${name}", which` : ' has no name and'} does not start with a protocol (http-, grpc-, tcp-, …) and sets no appProtocol, so Istio has to sniff the protocol.`, {
      fix: { description: 'Declare the protocol with appProtocol: tcp (change it if the port speaks HTTP or gRPC)', patch: [{ op: 'add', path: pointer(['spec', 'ports', i, 'appProtocol']), value: 'tcp' }] },
    });
  });
}

/** Namespaces whose workloads some config object acts on, with those objects. */
function targetedNamespaces(ctx: AnalysisContext): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  const add = (ns: string | undefined, by: KubeObject) => {
    if (ns) pushTo(out, ns, by);
  };
  for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
    for (const list of routeLists(vs)) {
      for (const d of list.destinations) {
        const host = asText(d.destination.host);
        if (host) add(ctx.serviceForHost(ctx.fqdn(host, vs.metadata.namespace ?? 'default'))?.metadata.namespace, vs);
      }
    }
  }
  for (const dr of ctx.destinationRules) if (dr.subsets.length > 0) add(ctx.serviceForHost(dr.host)?.metadata.namespace, dr.object);
  for (const [group, kind] of [[SECURITY, 'AuthorizationPolicy'], [SECURITY, 'PeerAuthentication'], [SECURITY, 'RequestAuthentication'], [NETWORKING, 'Sidecar']] as const) {
    for (const policy of ctx.of(group, kind)) if (selectorOf(policy) && policy.metadata.namespace !== ctx.rootNamespace) add(policy.metadata.namespace, policy);
  }
  return out;
}

function checkNamespaces(ctx: AnalysisContext, sink: FindingSink): void {
  for (const [name, by] of targetedNamespaces(ctx)) {
    if (name === ctx.rootNamespace || SYSTEM_NAMESPACES.has(name) || ctx.isInjected(name) || ctx.isAmbient(name)) continue;
    const namespace = ctx.get('', 'Namespace', undefined, name);
    if (!namespace || !sink.wants(namespace)) continue;
    const bare = ctx.workloads.inNamespace(name).filter((w) => !w.hasProxy);
    if (bare.length === 0) continue;
    const related = [...new Set(by)].slice(0, 10);
    sink.report(C.namespaceNotInjected, namespace, ['metadata', 'labels'], `Namespace ${name} has neither istio-injection=enabled, istio.io/rev nor istio.io/dataplane-mode=ambient, yet ${related.length} config object(s) act on its workloads, ${bare.length} of which run without a proxy; that config has no effect on them.`, {
      related,
      fix: { description: 'Enable sidecar injection (restart the workloads afterwards)', patch: [{ op: 'add', path: pointer(['metadata', 'labels', 'istio-injection']), value: 'enabled' }] },
    });
  }
}

function injectionDisabled(pod: KubeObject): boolean {
  return pod.metadata.labels?.['sidecar.istio.io/inject'] === 'false' || pod.metadata.annotations?.['sidecar.istio.io/inject'] === 'false';
}

function checkPods(ctx: AnalysisContext, sink: FindingSink): void {
  for (const ns of ctx.namespaces.keys()) {
    if (!ctx.isInjected(ns)) continue;
    for (const w of ctx.workloads.inNamespace(ns)) {
      if (w.kind !== 'Pod' || w.hasProxy || injectionDisabled(w.object) || !sink.wants(w.object)) continue;
      sink.report(C.podWithoutProxy, w.object, [], `Pod ${ns}/${w.name} has no istio-proxy container although namespace ${ns} is injected; it was probably created before injection was enabled. Restart its workload.`);
    }
  }
}

export const workloadFamily: CheckFamily = {
  checks: Object.values(WORKLOAD_CHECKS),
  run(ctx, sink) {
    for (const service of ctx.of('', 'Service')) {
      const ns = service.metadata.namespace ?? 'default';
      if (ns !== ctx.rootNamespace && !SYSTEM_NAMESPACES.has(ns) && sink.wants(service)) checkPorts(sink, service);
    }
    if (sink.wantsKind('Namespace')) checkNamespaces(ctx, sink);
    if (sink.wantsKind('Pod')) checkPods(ctx, sink);
  },
};
