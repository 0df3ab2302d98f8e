import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../mesh/kube-types';
import { PodIndex, deploymentView, matchesSelector, podView, serviceView } from './core-kinds';
import type { PodView } from './core-kinds';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'reviews-v1-abc',
    namespace: 'bookinfo',
    labels: { app: 'reviews', version: 'v1' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'reviews-v1-7d9', uid: 'u', controller: true }],
  },
  spec: {
    nodeName: 'node-1',
    initContainers: [{ name: 'istio-init' }],
    containers: [{ name: 'reviews', image: 'reviews:1' }, { name: 'istio-proxy', image: 'proxyv2' }],
  },
  status: {
    phase: 'Running',
    podIP: '10.0.0.7',
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      { name: 'reviews', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      { name: 'istio-proxy', ready: true, restartCount: 1, state: { running: {} } },
    ],
  },
};

describe('podView', () => {
  it('reads containers, readiness, restarts and the kubectl status', () => {
    const view = podView(pod);
    expect(view).toMatchObject({
      name: 'reviews-v1-abc',
      ready: false,
      status: 'CrashLoopBackOff',
      restarts: 5,
      podIP: '10.0.0.7',
      nodeName: 'node-1',
      initContainerNames: ['istio-init'],
      owner: { kind: 'ReplicaSet', name: 'reviews-v1-7d9' },
    });
    expect(view.containers.map((c) => [c.name, c.ready, c.state])).toEqual([
      ['reviews', false, 'waiting'],
      ['istio-proxy', true, 'running'],
    ]);
  });

  it('says Terminating while deleting, and survives an empty pod', () => {
    expect(podView({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: 'x' } }).status).toBe('Terminating');
    expect(podView({ apiVersion: 'v1', kind: 'Pod', metadata: {} })).toMatchObject({ status: 'Pending', ready: false, containers: [] });
  });
});

describe('deploymentView and serviceView', () => {
  it('reads the selector, replicas and pod template', () => {
    const view = deploymentView({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'reviews-v1', namespace: 'bookinfo' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'reviews' } },
        template: { metadata: { labels: { app: 'reviews', version: 'v1' } }, spec: { containers: [{ name: 'reviews', image: 'r:1' }] } },
      },
    });
    expect(view).toMatchObject({ replicas: 0, templateLabels: { version: 'v1' }, containers: [{ name: 'reviews', image: 'r:1' }] });
  });

  it('reads ports and treats an empty selector as none', () => {
    const view = serviceView({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'reviews' },
      spec: { clusterIP: '10.96.0.5', selector: {}, ports: [{ name: 'http', port: 9080, targetPort: 9080 }] },
    });
    expect(view).toMatchObject({ type: 'ClusterIP', clusterIP: '10.96.0.5', selector: undefined });
    expect(view.ports).toEqual([{ name: 'http', port: 9080, protocol: 'TCP', targetPort: '9080', nodePort: undefined, appProtocol: undefined }]);
  });
});

describe('matchesSelector', () => {
  const labels = { app: 'reviews', version: 'v2' };
  it.each([
    [{ matchLabels: { app: 'reviews' }, matchExpressions: [] }, true],
    [{ matchLabels: { app: 'ratings' }, matchExpressions: [] }, false],
    [{ matchLabels: {}, matchExpressions: [{ key: 'version', operator: 'In', values: ['v1', 'v2'] }] }, true],
    [{ matchLabels: {}, matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v2'] }] }, false],
    [{ matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] }, true],
    [{ matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] }, false],
    [{ matchLabels: {}, matchExpressions: [] }, true],
  ])('%j → %s', (selector, expected) => {
    expect(matchesSelector(labels, selector)).toBe(expected);
  });
});

describe('PodIndex', () => {
  const pods = [
    podView({ ...pod, metadata: { name: 'a', namespace: 'one', labels: { app: 'x', version: 'v1' } } }),
    podView({ ...pod, metadata: { name: 'b', namespace: 'one', labels: { app: 'x', version: 'v2' } } }),
    podView({ ...pod, metadata: { name: 'c', namespace: 'two', labels: { app: 'x', version: 'v1' } } }),
  ];
  const index = new PodIndex(pods);
  const names = (selected: PodView[]) => selected.map((p) => p.name);

  it('selects by labels within one namespace', () => {
    expect(names(index.select('one', { matchLabels: { app: 'x' }, matchExpressions: [] }))).toEqual(['a', 'b']);
    expect(names(index.select('one', { matchLabels: { app: 'x', version: 'v2' }, matchExpressions: [] }))).toEqual(['b']);
    expect(names(index.select('two', { matchLabels: { app: 'y' }, matchExpressions: [] }))).toEqual([]);
  });

  it('applies match expressions, and selects the whole namespace with an empty selector', () => {
    const notV1 = { matchLabels: {}, matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v1'] }] };
    expect(names(index.select('one', notV1))).toEqual(['b']);
    expect(names(index.select('two', { matchLabels: {}, matchExpressions: [] }))).toEqual(['c']);
  });
});
