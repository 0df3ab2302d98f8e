import { describe, expect, it } from 'vitest';
import { findKind, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { humanDuration } from './time-format';
import { toTable } from './table';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(name);
  return info;
}

const now = new Date('2025-01-01T01:00:00Z');
const created = '2025-01-01T00:55:00Z';

function table(info: KindInfo, obj: KubeObject, includeObject: 'None' | 'Metadata' | 'Object' = 'Metadata') {
  return toTable(info, [obj], { tableVersion: 'v1', apiVersion: obj.apiVersion, includeObject, listMeta: { resourceVersion: '7' }, now });
}

function cellsByColumn(result: ReturnType<typeof toTable>): Record<string, unknown> {
  const columns = result.columnDefinitions as { name: string }[];
  const [row] = result.rows as { cells: unknown[] }[];
  return Object.fromEntries(columns.map((c, i) => [c.name, row?.cells[i]]));
}

describe('Table', () => {
  it('prints ages the way kubectl does', () => {
    expect(humanDuration(45_000)).toBe('45s');
    expect(humanDuration(192_000)).toBe('3m12s');
    expect(humanDuration(3 * 3600_000)).toBe('3h');
    expect(humanDuration(50 * 3600_000)).toBe('2d2h');
    expect(humanDuration(30 * 86400_000)).toBe('30d');
  });

  it('shows a VirtualService with its gateways and hosts, and the row object as metadata', () => {
    const vs: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo', creationTimestamp: created },
      spec: { hosts: ['reviews'], gateways: ['mesh'] },
    };
    const result = table(kind('networking.istio.io', 'VirtualService'), vs);
    expect(result).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '7' } });
    expect(cellsByColumn(result)).toEqual({ Name: 'reviews', Gateways: '["mesh"]', Hosts: '["reviews"]', Age: '5m' });
    expect((result.rows as { object: unknown }[])[0]?.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: vs.metadata,
    });
  });

  it('shows pods with readiness, status and restarts', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'reviews-v1-abc', creationTimestamp: created },
      spec: { containers: [{ name: 'app' }, { name: 'istio-proxy' }] },
      status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 1 }, { ready: true, restartCount: 0 }] },
    };
    expect(cellsByColumn(table(kind('', 'Pod'), pod))).toMatchObject({ Name: 'reviews-v1-abc', Ready: '2/2', Status: 'Running', Restarts: 1, Age: '5m' });
  });

  it('shows services with type, cluster IP and ports; deployments with replica counts', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'reviews', creationTimestamp: created },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 9080, protocol: 'TCP' }] },
    };
    expect(cellsByColumn(table(kind('', 'Service'), svc))).toMatchObject({ Type: 'ClusterIP', 'Cluster-IP': '10.96.0.10', 'External-IP': '<none>', 'Port(s)': '9080/TCP' });
    const deploy: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'reviews', creationTimestamp: created },
      spec: { replicas: 3 },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(cellsByColumn(table(kind('apps', 'Deployment'), deploy))).toMatchObject({ Ready: '2/3', 'Up-to-date': 3, Available: 2 });
  });

  it('includes the whole object or none when asked', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' }, status: { phase: 'Active' } };
    expect((table(kind('', 'Namespace'), ns, 'Object').rows as { object: unknown }[])[0]?.object).toEqual(ns);
    expect((table(kind('', 'Namespace'), ns, 'None').rows as Record<string, unknown>[])[0]).not.toHaveProperty('object');
  });
});
