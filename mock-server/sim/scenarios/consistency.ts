/**
 * Checks that a scenario hangs together: every object is a kind the API server serves, in a
 * namespace created before it; every workload has its Deployment and pods; every call comes from
 * a known workload and reaches a Service port that has backends; and calls never loop.
 */
import { findKind, parseApiVersion } from '../../../mesh/kinds';
import type { KubeObject } from '../../../mesh/kube-types';
import { EXTERNAL_ORIGIN, type Scenario, type SimCall, type SimWorkload, serviceHost, workloadKey } from '../model';

interface Destination {
  ports: Set<number>;
  /** Workloads behind it; empty for external hosts. */
  backends: SimWorkload[];
  external: boolean;
}

function specOf(object: KubeObject): Record<string, unknown> {
  return object.spec ?? {};
}

function objectProblems(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  const namespaces = new Set<string>();
  const seen = new Set<string>();
  objects.forEach((object, index) => {
    const name = object.metadata?.name;
    const where = `object #${index} (${object.kind ?? '?'} ${object.metadata?.namespace ?? ''}/${name ?? '?'})`;
    if (!object.apiVersion || !object.kind || !name) {
      problems.push(`${where}: needs apiVersion, kind and metadata.name`);
      return;
    }
    const { group, version } = parseApiVersion(object.apiVersion);
    const info = findKind(group, object.kind);
    if (!info || !info.versions.includes(version)) {
      problems.push(`${where}: ${object.apiVersion} ${object.kind} is not a served kind`);
      return;
    }
    const ns = object.metadata.namespace;
    if (info.namespaced && (!ns || !namespaces.has(ns))) {
      problems.push(`${where}: namespace ${ns} not created before it`);
    }
    if (!info.namespaced && ns !== undefined) problems.push(`${where}: cluster-scoped but has a namespace`);
    const key = `${group}/${object.kind}/${ns ?? ''}/${name}`;
    if (seen.has(key)) problems.push(`${where}: duplicate`);
    seen.add(key);
    if (object.kind === 'Namespace') namespaces.add(name);
  });
  return problems;
}

function workloadProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const present = new Set(scenario.objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  const keys = new Set<string>();
  for (const w of scenario.workloads) {
    const key = workloadKey(w.namespace, w.name);
    if (keys.has(key)) problems.push(`workload ${key}: duplicate`);
    keys.add(key);
    if (w.role !== 'ztunnel' && !present.has(`Deployment/${w.namespace}/${w.name}`)) {
      problems.push(`workload ${key}: no Deployment`);
    }
    if (w.podNames.length !== w.replicas) {
      problems.push(`workload ${key}: ${w.podNames.length} pods for ${w.replicas} replicas`);
    }
    for (const pod of w.podNames) {
      if (!present.has(`Pod/${w.namespace}/${pod}`)) problems.push(`workload ${key}: no Pod ${pod}`);
    }
    if (w.errorRate < 0 || w.errorRate > 1) problems.push(`workload ${key}: errorRate ${w.errorRate} outside 0..1`);
  }
  return problems;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Every host a call may target: in-cluster Services by FQDN, and ServiceEntry hosts. */
function destinations(scenario: Scenario): Map<string, Destination> {
  const byNamespace = new Map<string, SimWorkload[]>();
  for (const w of scenario.workloads) {
    const list = byNamespace.get(w.namespace);
    if (list) list.push(w);
    else byNamespace.set(w.namespace, [w]);
  }
  const result = new Map<string, Destination>();
  for (const object of scenario.objects) {
    const spec = specOf(object);
    const ns = object.metadata.namespace ?? '';
    if (object.kind === 'Service') {
      const selector = (spec.selector ?? {}) as Record<string, string>;
      const ports = (spec.ports ?? []) as { port: number }[];
      result.set(serviceHost(object.metadata.name ?? '', ns), {
        ports: new Set(ports.map((p) => p.port)),
        backends: (byNamespace.get(ns) ?? []).filter((w) => selects(selector, w.labels)),
        external: false,
      });
    } else if (object.kind === 'ServiceEntry') {
      const ports = (spec.ports ?? []) as { number: number }[];
      for (const host of (spec.hosts ?? []) as string[]) {
        result.set(host, { ports: new Set(ports.map((p) => p.number)), backends: [], external: true });
      }
    }
  }
  return result;
}

function callProblems(scenario: Scenario, hosts: Map<string, Destination>): string[] {
  const problems: string[] = [];
  const workloads = new Map<string, SimWorkload>(scenario.workloads.map((w) => [workloadKey(w.namespace, w.name), w]));
  scenario.calls.forEach((call: SimCall, index) => {
    const where = `call #${index} (${call.from} → ${call.toHost}:${call.port})`;
    const caller = workloads.get(call.from);
    if (call.from !== EXTERNAL_ORIGIN && !caller) problems.push(`${where}: unknown caller`);
    if (caller?.isGateway) problems.push(`${where}: gateways only forward; they make no calls of their own`);
    const rate = call.rps ?? call.fanOut;
    if ((call.rps === undefined) === (call.fanOut === undefined) || !(rate !== undefined && rate > 0)) {
      problems.push(`${where}: needs exactly one of rps or fanOut, above 0`);
    }
    if (call.from === EXTERNAL_ORIGIN && call.rps === undefined) problems.push(`${where}: external calls need rps`);
    const hasRequest = call.method !== undefined && call.path !== undefined;
    if (hasRequest === (call.protocol === 'tcp')) problems.push(`${where}: method and path go with http and grpc only`);
    const destination = hosts.get(call.toHost);
    if (!destination) problems.push(`${where}: no Service or ServiceEntry for the host`);
    else if (!destination.ports.has(call.port)) problems.push(`${where}: the host has no port ${call.port}`);
    else if (!destination.external && !destination.backends.length) problems.push(`${where}: no workload behind it`);
  });
  return problems;
}

/** A loop in "workload calls a Service some workload behind which calls ..." would never end. */
function cycleProblems(scenario: Scenario, hosts: Map<string, Destination>): string[] {
  const next = new Map<string, Set<string>>();
  for (const call of scenario.calls) {
    if (call.from === EXTERNAL_ORIGIN) continue;
    const edges = next.get(call.from) ?? new Set<string>();
    for (const backend of hosts.get(call.toHost)?.backends ?? []) {
      edges.add(workloadKey(backend.namespace, backend.name));
    }
    next.set(call.from, edges);
  }
  const state = new Map<string, 'active' | 'done'>();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const stack: { node: string; pending: string[] }[] = [{ node: start, pending: [...(next.get(start) ?? [])] }];
    state.set(start, 'active');
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const child = top.pending.pop();
      if (child === undefined) {
        state.set(top.node, 'done');
        stack.pop();
      } else if (state.get(child) === 'active') {
        return [`calls loop through ${child}`];
      } else if (!state.has(child)) {
        state.set(child, 'active');
        stack.push({ node: child, pending: [...(next.get(child) ?? [])] });
      }
    }
  }
  return [];
}

/** Everything wrong with a scenario; empty when it is sound. */
export function scenarioProblems(scenario: Scenario): string[] {
  const hosts = destinations(scenario);
  return [
    ...objectProblems(scenario.objects),
    ...workloadProblems(scenario),
    ...callProblems(scenario, hosts),
    ...cycleProblems(scenario, hosts),
  ];
}
