import { describe, expect, it } from 'vitest';
import { findKind } from '../../../mesh/kinds';
import type { KubeObject } from '../../../mesh/kube-types';
import type { PodView, ServiceView } from '../../api';
import type { Workload } from '../workloads';
import { appliedConfig } from './applies';
import { commonLabels, deriveSubject } from './subject';

function pod(name: string, labels: Record<string, string>): PodView {
  return { name, namespace: 'bookinfo', labels, annotations: {}, phase: 'Running', status: 'Running', ready: true, containers: [], initContainerNames: [], restarts: 0 };
}

function workload(name: string, version: string): Workload {
  const labels = { app: 'reviews', version };
  return {
    key: `Deployment/bookinfo/${name}`,
    name,
    namespace: 'bookinfo',
    kind: 'Deployment',
    app: 'reviews',
    versions: [version],
    readyPods: 1,
    pods: [pod(`${name}-abc`, labels)],
    dataplane: 'sidecar',
    sidecarPods: 1,
    labels,
    containers: [],
  };
}

const service: ServiceView = { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' }, type: 'ClusterIP', ports: [], selector: { app: 'reviews' } };
const other: ServiceView = { ...service, name: 'ratings', labels: {}, selector: { app: 'ratings' } };
const workloads = [workload('reviews-v1', 'v1'), workload('reviews-v2', 'v2'), { ...workload('reviews-v1', 'v1'), namespace: 'elsewhere' }];

describe('deriveSubject', () => {
  it('finds a workload with the services that select its pods', () => {
    const subject = deriveSubject('workload', 'bookinfo', 'reviews-v1', workloads, [service, other]);
    expect(subject?.pods.map((p) => p.name)).toEqual(['reviews-v1-abc']);
    expect(subject?.services.map((s) => s.name)).toEqual(['reviews']);
    expect(subject?.app).toBe('reviews');
  });

  it('finds a service with the workloads behind it, and an app with its versions', () => {
    const bySerivce = deriveSubject('service', 'bookinfo', 'reviews', workloads, [service, other]);
    expect(bySerivce?.workloads.map((w) => w.name)).toEqual(['reviews-v1', 'reviews-v2']);
    const app = deriveSubject('app', 'bookinfo', 'reviews', workloads, [service]);
    expect(app?.workloads.map((w) => w.name)).toEqual(['reviews-v1', 'reviews-v2']);
    expect(app?.labels).toEqual({ app: 'reviews' });
  });

  it('is undefined for what does not exist', () => {
    expect(deriveSubject('workload', 'bookinfo', 'reviews-v9', workloads, [])).toBeUndefined();
    expect(deriveSubject('service', 'bookinfo', 'nope', workloads, [service])).toBeUndefined();
    expect(deriveSubject('app', 'other', 'reviews', workloads, [service])).toBeUndefined();
  });

  it('keeps only the labels every map shares', () => {
    expect(commonLabels([{ a: '1', b: '2' }, { a: '1', b: '3' }])).toEqual({ a: '1' });
    expect(commonLabels([])).toEqual({});
  });
});

const VS = findKind('networking.istio.io', 'VirtualService')!;
const PA = findKind('security.istio.io', 'PeerAuthentication')!;
const AP = findKind('security.istio.io', 'AuthorizationPolicy')!;
const object = (namespace: string, name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Object', metadata: { namespace, name }, spec });

describe('appliedConfig', () => {
  it('lists routes to its services, policies selecting its pods, and namespace- and mesh-wide policies', () => {
    const subject = deriveSubject('workload', 'bookinfo', 'reviews-v2', workloads, [service])!;
    const applied = appliedConfig(subject, [
      { kind: VS, items: [object('bookinfo', 'reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }] }] })] },
      { kind: PA, items: [object('istio-system', 'default', { mtls: { mode: 'STRICT' } }), object('other', 'ns-wide', {})] },
      {
        kind: AP,
        items: [
          object('bookinfo', 'only-v2', { selector: { matchLabels: { version: 'v2' } } }),
          object('bookinfo', 'only-v1', { selector: { matchLabels: { version: 'v1' } } }),
          object('bookinfo', 'deny-all', {}),
        ],
      },
    ]);
    expect(applied.map((c) => `${c.kind.kind} ${c.namespace}/${c.name}: ${c.how}`)).toEqual([
      'VirtualService bookinfo/reviews: names reviews as host',
      'AuthorizationPolicy bookinfo/only-v2: selects its pods',
      'PeerAuthentication istio-system/default: covers the whole mesh',
      'AuthorizationPolicy bookinfo/deny-all: covers the namespace',
    ]);
  });
});
