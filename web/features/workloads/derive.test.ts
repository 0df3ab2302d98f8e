import { describe, expect, it } from 'vitest';
import type { DeploymentView, PodView } from '../../api';
import { deriveWorkloads, matchesWorkload, podDataplane } from './derive';

function pod(name: string, options: Partial<PodView> & { containerNames?: string[] } = {}): PodView {
  return {
    name,
    namespace: 'bookinfo',
    labels: {},
    annotations: {},
    phase: 'Running',
    status: 'Running',
    ready: true,
    containers: (options.containerNames ?? ['app']).map((c) => ({ name: c, image: `${c}:1`, ready: true, restarts: 0, state: 'running' })),
    initContainerNames: [],
    restarts: 0,
    ...options,
  };
}

function deployment(name: string, labels: Record<string, string>, replicas = 1, namespace = 'bookinfo'): DeploymentView {
  return {
    name,
    namespace,
    labels: {},
    selector: { matchLabels: labels, matchExpressions: [] },
    replicas,
    templateLabels: labels,
    templateAnnotations: {},
    containers: [{ name: 'app', image: 'app:1' }, { name: 'istio-proxy', image: 'proxyv2' }],
  };
}

describe('podDataplane', () => {
  it('sees a sidecar in containers, native sidecars or the injector annotation', () => {
    expect(podDataplane(pod('a', { containerNames: ['app', 'istio-proxy'] }))).toBe('sidecar');
    expect(podDataplane(pod('b', { initContainerNames: ['istio-proxy'] }))).toBe('sidecar');
    expect(podDataplane(pod('c', { annotations: { 'sidecar.istio.io/status': '{}' } }))).toBe('sidecar');
  });

  it('sees ambient from the namespace unless the pod opts out', () => {
    const ambientNs = { 'istio.io/dataplane-mode': 'ambient' };
    expect(podDataplane(pod('a'), ambientNs)).toBe('ambient');
    expect(podDataplane(pod('b', { labels: { 'istio.io/dataplane-mode': 'none' } }), ambientNs)).toBe('none');
    expect(podDataplane(pod('c', { labels: { 'istio.io/dataplane-mode': 'ambient' } }))).toBe('ambient');
    expect(podDataplane(pod('d'))).toBe('none');
  });
});

describe('deriveWorkloads', () => {
  const deployments = [
    deployment('reviews-v1', { app: 'reviews', version: 'v1' }),
    deployment('reviews-v2', { app: 'reviews', version: 'v2' }, 2),
  ];

  it('gives each Deployment its pods, by ReplicaSet name or by selector', () => {
    const pods = [
      pod('reviews-v1-aaa', {
        labels: { app: 'reviews', version: 'v1', 'pod-template-hash': '7d9' },
        owner: { kind: 'ReplicaSet', name: 'reviews-v1-7d9' },
        containerNames: ['app', 'istio-proxy'],
      }),
      pod('reviews-v2-bbb', { labels: { app: 'reviews', version: 'v2' }, containerNames: ['app', 'istio-proxy'] }),
      pod('reviews-v2-ccc', { labels: { app: 'reviews', version: 'v2' }, ready: false }),
    ];
    const [v1, v2] = deriveWorkloads(deployments, pods);
    expect(v1).toMatchObject({ name: 'reviews-v1', kind: 'Deployment', app: 'reviews', versions: ['v1'], readyPods: 1, desired: 1, dataplane: 'sidecar' });
    expect(v1?.pods.map((p) => p.name)).toEqual(['reviews-v1-aaa']);
    expect(v2).toMatchObject({ readyPods: 1, desired: 2, dataplane: 'mixed', sidecarPods: 1 });
    expect(v2?.pods).toHaveLength(2);
    expect(v1?.containers.map((c) => c.name)).toEqual(['app']);
  });

  it('groups other pods by their controller, and keeps bare pods as their own workload', () => {
    const pods = [
      pod('redis-0', { labels: { app: 'redis' }, owner: { kind: 'StatefulSet', name: 'redis' } }),
      pod('redis-1', { labels: { app: 'redis' }, owner: { kind: 'StatefulSet', name: 'redis' } }),
      pod('debug', { labels: { run: 'debug' } }),
    ];
    const workloads = deriveWorkloads([], pods);
    expect(workloads.map((w) => [w.kind, w.name, w.pods.length, w.app])).toEqual([
      ['StatefulSet', 'redis', 2, 'redis'],
      ['Pod', 'debug', 1, undefined],
    ]);
  });

  it('shows a Deployment scaled to zero with the template version and unknown data plane', () => {
    const [workload] = deriveWorkloads([deployment('idle', { app: 'idle', version: 'v9' }, 0)], []);
    expect(workload).toMatchObject({ readyPods: 0, desired: 0, versions: ['v9'], dataplane: 'unknown' });
  });

  it('does not match across namespaces', () => {
    const other = pod('reviews-x', { namespace: 'other', labels: { app: 'reviews', version: 'v1' } });
    const workloads = deriveWorkloads(deployments, [other]);
    expect(workloads.find((w) => w.name === 'reviews-v1')?.pods).toHaveLength(0);
    expect(workloads.at(-1)).toMatchObject({ kind: 'Pod', namespace: 'other' });
  });

  it('filters by name, app, version or label', () => {
    const [v1] = deriveWorkloads(deployments, []);
    expect(matchesWorkload(v1!, 'reviews v1')).toBe(true);
    expect(matchesWorkload(v1!, 'version=v1')).toBe(true);
    expect(matchesWorkload(v1!, 'bookinfo/reviews-v1')).toBe(true);
    expect(matchesWorkload(v1!, 'v2')).toBe(false);
  });
});
