import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../mesh/kube-types';
import type { Scenario, SimWorkload } from '../model';
import { scenarioProblems } from './consistency';
import { demoScenario, scenarioByName } from './index';

function workload(name: string, labels: Record<string, string>): SimWorkload {
  return {
    name,
    namespace: 'ns',
    app: labels.app ?? name,
    version: 'v1',
    serviceAccount: 'default',
    replicas: 0,
    podNames: [],
    labels,
    protocol: 'http',
    port: 8080,
    latency: { p50Ms: 1, p99Ms: 2 },
    errorRate: 0,
    sidecar: 'injected',
    role: 'app',
  };
}

function object(kind: string, name: string, rest: Partial<KubeObject> = {}): KubeObject {
  const apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1';
  const namespace = kind === 'Namespace' ? undefined : 'ns';
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...rest };
}

function service(name: string, app: string): KubeObject {
  return object('Service', name, { spec: { selector: { app }, ports: [{ port: 80 }] } });
}

function get(service: string) {
  return { toHost: `${service}.ns.svc.cluster.local`, port: 80, protocol: 'http' as const, method: 'GET', path: '/' };
}

/** Two apps that call each other. */
function loop(): Scenario {
  return {
    name: 'loop',
    objects: [
      object('Namespace', 'ns'),
      service('a', 'a'),
      service('b', 'b'),
      object('Deployment', 'a'),
      object('Deployment', 'b'),
    ],
    workloads: [workload('a', { app: 'a' }), workload('b', { app: 'b' })],
    calls: [
      { from: 'external', ...get('a'), rps: 1 },
      { from: 'ns/a', ...get('b'), fanOut: 1 },
      { from: 'ns/b', ...get('a'), fanOut: 1 },
    ],
  };
}

describe('scenarioProblems', () => {
  it('finds nothing wrong with the built-in scenarios', () => {
    expect(scenarioProblems(demoScenario())).toEqual([]);
    expect(scenarioProblems(scenarioByName('scale', { pods: 300, seed: 5 }))).toEqual([]);
  });

  it('reports call loops', () => {
    expect(scenarioProblems(loop())).toEqual(['calls loop through ns/a']);
  });

  it('reports calls to unknown hosts and ports, and unknown callers', () => {
    const scenario = loop();
    scenario.calls = [
      { from: 'ns/a', toHost: 'nope.ns.svc.cluster.local', port: 80, protocol: 'tcp', fanOut: 1 },
      { from: 'ns/a', toHost: 'b.ns.svc.cluster.local', port: 81, protocol: 'tcp', fanOut: 1 },
      { from: 'ns/ghost', toHost: 'b.ns.svc.cluster.local', port: 80, protocol: 'tcp', fanOut: 1 },
    ];
    expect(scenarioProblems(scenario)).toEqual([
      'call #0 (ns/a → nope.ns.svc.cluster.local:80): no Service or ServiceEntry for the host',
      'call #1 (ns/a → b.ns.svc.cluster.local:81): the host has no port 81',
      'call #2 (ns/ghost → b.ns.svc.cluster.local:80): unknown caller',
    ]);
  });

  it('reports objects in namespaces not created before them, and unserved kinds', () => {
    const scenario = loop();
    scenario.calls = [];
    scenario.objects = [service('early', 'a'), ...scenario.objects, { ...object('Widget', 'w') }];
    expect(scenarioProblems(scenario)).toEqual([
      'object #0 (Service ns/early): namespace ns not created before it',
      'object #6 (Widget ns/w): v1 Widget is not a served kind',
    ]);
  });

  it('reports workloads whose pods are missing', () => {
    const scenario = loop();
    scenario.calls = [];
    scenario.workloads = [{ ...workload('a', { app: 'a' }), replicas: 1, podNames: ['a-1'] }];
    expect(scenarioProblems(scenario)).toEqual(['workload ns/a: no Pod a-1']);
  });
});

describe('scenarioByName', () => {
  it('builds the demo, and the scale scenario with defaults', () => {
    expect(scenarioByName('demo').name).toBe('demo');
    const scale = scenarioByName('scale');
    expect(scale.objects.filter((o) => o.kind === 'Pod')).toHaveLength(1000);
    expect(scale).toEqual(scenarioByName('scale', { pods: 1000, seed: 1 }));
  });
});
