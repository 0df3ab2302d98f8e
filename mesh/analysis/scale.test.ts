import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { analyzeMesh, refOf } from './index';
import { dr, vs } from './testing';
import { largeMesh } from './testing-large';

function replace(objects: KubeObject[], draft: KubeObject): KubeObject[] {
  const key = JSON.stringify(refOf(draft));
  return objects.map((o) => (JSON.stringify(refOf(o)) === key ? draft : o));
}

describe('analysis at scale', () => {
  const mesh = largeMesh();

  it('builds the snapshot it claims', () => {
    expect(mesh.filter((o) => o.kind === 'Pod')).toHaveLength(10_001);
    expect(mesh.filter((o) => !['Pod', 'Namespace', 'Service', 'ServiceAccount'].includes(o.kind)).length).toBeGreaterThanOrEqual(2_000);
  });

  it('finds nothing in a clean large mesh', () => {
    expect(analyzeMesh({ objects: mesh })).toEqual([]);
  });

  it('finds the planted problems, and only them', () => {
    const badVs = vs('app-3', { hosts: ['app-3'], http: [{ route: [{ destination: { host: 'app-3', subset: 'v3' } }] }] }, 'ns-42');
    const badDr = dr('app-1', { host: 'app-1', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } }, subsets: [{ name: 'v1', labels: { version: 'v9' } }, { name: 'v2', labels: { version: 'v2' } }] }, 'ns-77');
    const objects = replace(replace(mesh, badVs), badDr);
    const found = analyzeMesh({ objects });
    expect(found.map((f) => `${f.code} ${f.object.namespace}/${f.object.name} ${f.path.join('.')}`)).toEqual([
      'MD1002 ns-42/app-3 spec.http.0.route.0.destination.subset',
      'MD2002 ns-77/app-1 spec.subsets.0.labels',
    ]);
    expect(analyzeMesh({ objects }, { only: [refOf(badVs)] }).map((f) => f.code)).toEqual(['MD1002']);
  });
});
